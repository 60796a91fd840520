import { COMMAND_USAGE, USAGE, VERSION } from './help';
import { EXIT_OK, type CliIo } from './io';
import { terminalIo } from './terminal-io';
import { usageError } from './usage-error';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

// Each command's code is loaded when it runs (its own chunk in the build): loading every command's
// modules before any runs cost a few hundred milliseconds of a quick command such as `agree --units`.
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate')).validateCommand,
  check: async () => (await import('./commands/check')).checkCommand,
  export: async () => (await import('./commands/export')).exportCommand,
  import: async () => (await import('./commands/import')).importCommand,
  history: async () => (await import('./commands/history')).historyCommand,
  undo: async () => (await import('./commands/undo')).undoCommand,
  agree: async () => agreeCommand,
  consensus: async () => (await import('./commands/consensus')).consensusCommand,
  package: async () => (await import('./commands/package')).packageCommand,
  merge: async () => (await import('./commands/merge')).mergeCommand,
  'import-annotations': async () => (await import('./commands/annotations-import')).importAnnotationsCommand,
  search: async () => (await import('./commands/search')).searchCommand,
  segments: async () => (await import('./commands/segments')).segmentsCommand,
  table: async () => (await import('./commands/table')).tableCommand,
  cooccur: async () => (await import('./commands/cooccur')).cooccurCommand,
  attributes: async () => (await import('./commands/attributes')).attributesCommand,
  reidentify: async () => (await import('./commands/reidentify')).reidentifyCommand,
  'delete-posts': async () => (await import('./commands/delete-posts')).deletePostsCommand,
  rehydrate: async () => (await import('./commands/rehydrate')).rehydrateCommand,
  server: async () => (await import('./commands/server')).serverCommand,
  sync: async () => (await import('./commands/sync')).syncCommand,
};

/**
 * Loads every command's modules now. For tests: a command's first run would otherwise include
 * transforming its modules, inside the test's time limit (as importing run.ts once did up front).
 */
export async function loadEveryCommand(): Promise<void> {
  await Promise.all([...Object.values(COMMANDS).map((load) => load()), import('./commands/agree-units'), import('./commands/agree-bundles')]);
}

/** `agree` has two forms: `--units <file.csv>` (reliability data) and `agree <bundle...> --unit …` (codings). */
async function agreeCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args.some((arg) => arg === '--units' || arg.startsWith('--units='))) return (await import('./commands/agree-units')).agreeUnitsCommand(args, io);
  return (await import('./commands/agree-bundles')).agreeBundlesCommand(args, io);
}

/** Runs one command line (without `node` and the script path) and returns the exit status. */
export async function run(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Everything printed is neutralized for the terminal (names may hold ESC or bidi overrides).
  const io = terminalIo(rawIo);
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  const load = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!load) return usageError(null, first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`, io);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(COMMAND_USAGE[first] ?? USAGE);
    return EXIT_OK;
  }
  return (await load())(rest, io);
}

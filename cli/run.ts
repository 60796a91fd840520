import { agreeBundlesCommand } from './commands/agree-bundles';
import { agreeUnitsCommand } from './commands/agree-units';
import { attributesCommand } from './commands/attributes';
import { checkCommand } from './commands/check';
import { consensusCommand } from './commands/consensus';
import { deletePostsCommand } from './commands/delete-posts';
import { cooccurCommand } from './commands/cooccur';
import { exportCommand } from './commands/export';
import { importAnnotationsCommand } from './commands/annotations-import';
import { historyCommand } from './commands/history';
import { importCommand } from './commands/import';
import { reidentifyCommand } from './commands/reidentify';
import { rehydrateCommand } from './commands/rehydrate';
import { mergeCommand } from './commands/merge';
import { packageCommand } from './commands/package';
import { searchCommand } from './commands/search';
import { segmentsCommand } from './commands/segments';
import { serverCommand } from './commands/server';
import { syncCommand } from './commands/sync';
import { tableCommand } from './commands/table';
import { undoCommand } from './commands/undo';
import { validateCommand } from './commands/validate';
import { COMMAND_USAGE, USAGE, VERSION } from './help';
import { EXIT_OK, type CliIo } from './io';
import { terminalIo } from './terminal-io';
import { usageError } from './usage-error';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  check: (args, io) => checkCommand(args, io),
  export: exportCommand,
  import: (args, io) => importCommand(args, io),
  history: historyCommand,
  undo: (args, io) => undoCommand(args, io),
  agree: agreeCommand,
  consensus: (args, io) => consensusCommand(args, io),
  package: (args, io) => packageCommand(args, io),
  merge: (args, io) => mergeCommand(args, io),
  'import-annotations': (args, io) => importAnnotationsCommand(args, io),
  search: searchCommand,
  segments: (args, io) => segmentsCommand(args, io),
  table: tableCommand,
  cooccur: cooccurCommand,
  attributes: (args, io) => attributesCommand(args, io),
  reidentify: (args, io) => reidentifyCommand(args, io),
  'delete-posts': (args, io) => deletePostsCommand(args, io),
  rehydrate: (args, io) => rehydrateCommand(args, io),
  server: (args, io) => serverCommand(args, io),
  sync: (args, io) => syncCommand(args, io),
};

/** `agree` has two forms: `--units <file.csv>` (reliability data) and `agree <bundle...> --unit …` (codings). */
async function agreeCommand(args: readonly string[], io: CliIo): Promise<number> {
  if (args.some((arg) => arg === '--units' || arg.startsWith('--units='))) return agreeUnitsCommand(args, io);
  return agreeBundlesCommand(args, io);
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
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) return usageError(null, first.startsWith('-') ? `unknown option ${first}` : `unknown command "${first}"`, io);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(COMMAND_USAGE[first] ?? USAGE);
    return EXIT_OK;
  }
  return command(rest, io);
}

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { checkBundleFile } from '../load-bundle';
import { usageError } from '../usage-error';

/** `threadmark validate <bundle> [--json]` */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, [{ name: 'json', takesValue: false }]);
  if (!parsed.ok) return usageError('validate', parsed.error, io);
  const [path, ...extra] = parsed.value.positionals;
  if (path === undefined) return usageError('validate', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('validate', `unexpected argument ${extra[0]}`, io);
  const json = parsed.value.options.has('json');

  // Bounded: the project is checked, never held (a million-post bundle in the memory of its largest thread).
  const result = await checkBundleFile(path, io);
  if (!result.ok) {
    if (json) io.stdout(`${JSON.stringify({ valid: false, problems: result.error.problems }, null, 2)}\n`);
    else io.stderr(result.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  const n = result.value.counts;
  const counts = { threads: n.threads, posts: n.posts, codes: n.codes, codings: n.codings };
  if (json) io.stdout(`${JSON.stringify({ valid: true, counts, problems: [] }, null, 2)}\n`);
  else io.stdout(`valid: ${counts.threads} threads, ${counts.posts} posts, ${counts.codes} codes, ${counts.codings} codings\n`);
  return EXIT_OK;
}

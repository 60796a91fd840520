/**
 * `threadmark delete-posts <bundle> --ids <file> [--users] -o <bundle>`
 * Applies a platform's deletion list (one post id per line; --users: one user id or author name
 * per line) with the core's applyPlatformDeletions: matching posts become tombstones in their
 * place, their codings go, the counts are logged in the project. One journal entry; the bundle
 * written is validated first and holds none of the deleted posts' words. -o may be the bundle itself.
 */
import { parseDeletionList } from '@shared/platform/deletion-list';
import { applyPlatformDeletions } from '@shared/project/operations/platform-deletions';
import { runOperation } from '@shared/project/run-operation';
import { formatProblem } from '@shared/problem/problem';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

export interface DeletePostsDeps {
  clock: Clock;
  ids: IdSource;
}

export async function deletePostsCommand(args: readonly string[], io: CliIo, deps: DeletePostsDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'ids', takesValue: true },
    { name: 'users', takesValue: false },
    { name: 'output', short: 'o', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('delete-posts', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  const listPath = options.get('ids');
  const output = options.get('output');
  if (path === undefined) return usageError('delete-posts', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('delete-posts', `unexpected argument ${extra[0]}`, io);
  if (typeof listPath !== 'string') return usageError('delete-posts', 'missing --ids <file> (one id per line)', io);
  if (typeof output !== 'string' || output === '-') return usageError('delete-posts', 'missing -o <bundle.threadmark.json> (may be the bundle itself)', io);
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };
  let listText: string;
  try {
    listText = await io.readFile(listPath);
  } catch (e) {
    return fail([`threadmark: cannot read ${listPath}: ${describeFileError(e)}`, 'threadmark: nothing written']);
  }
  const list = parseDeletionList(listText);
  if (list.ids.length === 0) return fail([`${listPath}: names no ids (one id per line; # starts a comment)`, 'threadmark: nothing written']);

  const opened = await openProjectFile(path, io);
  if (!opened.ok) return fail(opened.error.lines);
  const { store, actor } = opened.value;
  const kind = options.has('users') ? 'users' : 'posts';
  const result = await runOperation(store, applyPlatformDeletions, { kind, ids: list.ids }, { clock: deps.clock, ids: deps.ids, actor });
  if (!result.ok) return fail([`${path}: ${formatProblem(result.error)}`, 'threadmark: nothing written']);
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail(saveFailureLines(output, saved.error));
  const r = result.value.result;
  const lines = [
    `${list.ids.length} ${kind === 'posts' ? 'post' : 'user'} ids listed, ${r.unmatched.length} matched no post`,
    `removed ${r.posts} ${r.posts === 1 ? 'post' : 'posts'} (kept as tombstones) and ${r.codings} ${r.codings === 1 ? 'coding' : 'codings'}${r.relations > 0 ? `, ${r.relations} relations` : ''}${r.decisions > 0 ? `, ${r.decisions} decisions` : ''}`,
    ...r.perThread.map((t) => `  ${t.title}: ${t.posts} posts, ${t.codings} codings`),
    `wrote ${output}${result.value.entry ? `: journal entry #${result.value.entry.seq}` : ' (nothing changed)'}`,
  ];
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return EXIT_OK;
}

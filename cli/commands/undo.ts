/**
 * `threadmark undo <bundle> [--entry ID|SEQ] -o <bundle>`
 * Reverts a journal entry with the core's revertEntry operation, journaled as a new entry: by
 * default the latest action still in effect (as Undo in the app), or the entry --entry names (as
 * History → Revert). Refused, and nothing written, when a record it changed has changed since or
 * later work depends on it. -o may be the bundle itself.
 */
import { latestUndoable } from '@shared/project/queries/history';
import { revertEntry } from '@shared/project/operations/revert';
import { runOperation } from '@shared/project/run-operation';
import { formatProblem } from '@shared/problem/problem';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

export interface UndoDeps {
  clock: Clock;
  ids: IdSource;
}

export async function undoCommand(args: readonly string[], io: CliIo, deps: UndoDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'entry', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('undo', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  const output = options.get('output');
  const wanted = options.get('entry');
  if (path === undefined) return usageError('undo', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('undo', `unexpected argument ${extra[0]}`, io);
  if (typeof output !== 'string' || output === '-') return usageError('undo', 'missing -o <bundle.threadmark.json> (may be the bundle itself)', io);
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };

  const opened = await openProjectFile(path, io);
  if (!opened.ok) return fail(opened.error.lines);
  const { store, actor } = opened.value;
  const journal = await store.read((reader) => reader.journal());
  const entry =
    typeof wanted === 'string'
      ? journal.find((e) => e.id === wanted) ?? (/^#?\d+$/.test(wanted) ? journal.find((e) => e.seq === Number(wanted.replace('#', ''))) : undefined)
      : latestUndoable(journal);
  if (entry === undefined) {
    return fail([typeof wanted === 'string' ? `threadmark: ${path} has no journal entry ${wanted} (threadmark history ${path} lists them)` : `threadmark: nothing to undo in ${path}`]);
  }
  const verb = typeof wanted === 'string' ? 'revert' : 'undo';
  // As the app's undo and History → Revert; the new entry names the entry it reverts (`reverts`).
  const result = await runOperation(store, revertEntry, { entryId: entry.id, verb }, { clock: deps.clock, ids: deps.ids, actor });
  if (!result.ok) return fail([`${path}: ${formatProblem(result.error)}`, 'threadmark: nothing written']);
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail(saveFailureLines(output, saved.error));
  const written = result.value.entry;
  io.stdout(`${result.value.summary} (entry #${entry.seq})\nwrote ${output}${written ? `: journal entry #${written.seq}` : ''}\n`);
  return EXIT_OK;
}

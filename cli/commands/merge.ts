/**
 * `threadmark merge <project> <coder-file>... -o <out>`
 * Takes the coders' returned packages back into the round (the core's mergeCoderFiles): every
 * file is read and validated first, then checked against its package in one operation; one file
 * that fails refuses all, named with the field, and nothing is written. Merging a file again
 * changes nothing. -o may be the project itself.
 */
import type { CodebookDiffEntry } from '@shared/codebook/codebook-diff';
import { formatProblem } from '@shared/problem/problem';
import { mergeCoderFiles, type MergedFileReport } from '@shared/project/operations/merge-coder-files';
import type { CoderFile } from '@shared/project/queries/coder-files';
import { runOperation } from '@shared/project/run-operation';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

export interface MergeDeps {
  clock: Clock;
  ids: IdSource;
}

export async function mergeCommand(args: readonly string[], io: CliIo, deps: MergeDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [{ name: 'output', short: 'o', takesValue: true }]);
  if (!parsed.ok) return usageError('merge', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...paths] = positionals;
  const output = options.get('output');
  if (path === undefined) return usageError('merge', 'missing <project>', io);
  if (paths.length === 0) return usageError('merge', 'missing <coder-file>... (the packages the coders returned)', io);
  if (typeof output !== 'string' || output === '-') return usageError('merge', 'missing -o <out.threadmark.json> (may be the project itself)', io);
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };

  const opened = await openProjectFile(path, io);
  if (!opened.ok) return fail(opened.error.lines);
  // Every file is read before stopping, so one run shows the problems of all of them.
  const files: CoderFile[] = [];
  const problems: string[] = [];
  for (const file of paths) {
    const loaded = await loadBundle(file, io);
    if (loaded.ok) files.push({ name: file, bundle: loaded.value });
    else problems.push(...loaded.error.lines);
  }
  if (problems.length > 0) return fail([...problems, 'threadmark: nothing written']);

  const { store, actor } = opened.value;
  const merged = await runOperation(store, mergeCoderFiles, { files }, { clock: deps.clock, ids: deps.ids, actor });
  // The problem names the coder file; a rule of the project itself names no file, so the project is named.
  if (!merged.ok) return fail([`${merged.error.file === undefined ? `${path}: ` : ''}${formatProblem(merged.error)}`, 'threadmark: nothing written']);
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail(saveFailureLines(output, saved.error));
  const entry = merged.value.entry;
  io.stdout(
    [...merged.value.result.files.flatMap(fileLines), entry ? `wrote ${output}: journal entry #${entry.seq}` : `wrote ${output}: nothing changed (every file was merged before)`]
      .map((l) => `${l}\n`)
      .join(''),
  );
  return EXIT_OK;
}

function fileLines(f: MergedFileReport): string[] {
  const memos = f.memos.added + f.memos.changed > 0 ? `; memos: ${f.memos.added} added, ${f.memos.changed} changed` : '';
  const head = `${f.file}: ${f.coderName}, ${f.roundName}: ${f.added} added, ${f.changed} changed, ${f.removed} removed, ${f.unchanged} unchanged${memos}`;
  if (f.codebookChanges.length === 0) return [head];
  return [head, `  the codebook differs from the round's version (${f.codebookChanges.length}):`, ...f.codebookChanges.map((e) => `    ${describe(e)}`)];
}

function describe(e: CodebookDiffEntry): string {
  switch (e.kind) {
    case 'added':
      return `added ${e.path}`;
    case 'removed':
      return `removed ${e.path}`;
    case 'renamed':
      return `renamed ${e.oldPath} to “${e.after}”`;
    case 'moved':
      return `moved ${e.oldPath} to ${e.newParentPath ?? 'the top level'}`;
    case 'changed':
      return `changed the ${e.field} of ${e.newPath}`;
  }
}

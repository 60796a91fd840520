/**
 * `threadmark merge <project> <coder-file>... -o <out>`
 * Takes the coders' returned packages back into the round (the core's mergeCoderFiles): every
 * file is read and validated first, then checked against its package in one operation; one file
 * that fails refuses all, named with the field, and nothing is written. Merging a file again
 * changes nothing. -o may be the project itself.
 * A .qdpx among them is a Threadmark export coded in NVivo, ATLAS.ti or MAXQDA: placed on the
 * project by the same shared rule as the app's "Add coder files…" (qdpx-coder-file.ts), its users
 * added as coder layers (coders.add-layer); a coder already in the project keeps their codings,
 * unless named with --replace (the app's "Replace … codings" tick in the review): then that coder's
 * codings in the project are replaced by the file's, as the app does it.
 */
import type { CodebookDiffEntry } from '@shared/codebook/codebook-diff';
import { formatProblem } from '@shared/problem/problem';
import type { CoderLayerPlan } from '@shared/bundle/coder-layer-plan';
import { addCoderLayer, previewCoderLayer, type CoderLayerSummary } from '@shared/project/operations/coder-layer';
import { mergeCoderFiles, type MergedFileReport } from '@shared/project/operations/merge-coder-files';
import type { CoderFile } from '@shared/project/queries/coder-files';
import { qdpxCoderFile, type QdpxCoderFile } from '@shared/project/queries/qdpx-coder-file';
import { runOperation } from '@shared/project/run-operation';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs, takeRepeated } from '../args';
import { importIoOf } from '../import/import-io';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { nodeInflateRaw } from '../node-inflate';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';
import { VERSION } from '../help';

export interface MergeDeps {
  clock: Clock;
  ids: IdSource;
}

export async function mergeCommand(args: readonly string[], io: CliIo, deps: MergeDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  // --replace may repeat (one coder per option: a name may hold a comma).
  const split = takeRepeated(args, 'replace', ['output']);
  if (!split.ok) return usageError('merge', split.error, io);
  const replaceNames = new Set(split.values.map((name) => name.trim()));
  const parsed = parseArgs(split.rest, [{ name: 'output', short: 'o', takesValue: true }]);
  if (!parsed.ok) return usageError('merge', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...paths] = positionals;
  const output = options.get('output');
  if (path === undefined) return usageError('merge', 'missing <project>', io);
  if (paths.length === 0) return usageError('merge', 'missing <coder-file>... (the packages the coders returned, or .qdpx files coded elsewhere)', io);
  if (typeof output !== 'string' || output === '-') return usageError('merge', 'missing -o <out.threadmark.json> (may be the project itself)', io);
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };

  const opened = await openProjectFile(path, io);
  if (!opened.ok) return fail(opened.error.lines);
  // Every file is read before stopping, so one run shows the problems of all of them.
  const { store, actor } = opened.value;
  const files: CoderFile[] = [];
  const layers: Array<{ name: string; layer: QdpxCoderFile; plan: CoderLayerPlan }> = [];
  const problems: string[] = [];
  for (const file of paths) {
    if (isQdpx(file)) {
      const read = await readQdpxLayer(file, io, store, deps.clock);
      if (!read.ok) {
        problems.push(...read.error);
        continue;
      }
      // Planned as the app's review plans it, before anything is written.
      const incoming = read.value.bundle;
      try {
        const plan = await store.read((reader) => previewCoderLayer(reader, incoming, deps.ids));
        layers.push({ name: file, layer: read.value, plan });
      } catch (error) {
        problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      continue;
    }
    const loaded = await loadBundle(file, io);
    if (loaded.ok) files.push({ name: file, bundle: loaded.value });
    else problems.push(...loaded.error.lines);
  }
  problems.push(...unmatchedReplaces(replaceNames, layers));
  if (problems.length > 0) return fail([...problems, 'threadmark: nothing written']);

  const env = { clock: deps.clock, ids: deps.ids, actor };
  const lines: string[] = [];
  const entries: number[] = [];
  if (files.length > 0) {
    const merged = await runOperation(store, mergeCoderFiles, { files }, env);
    // The problem names the coder file; a rule of the project itself names no file, so the project is named.
    if (!merged.ok) return fail([`${merged.error.file === undefined ? `${path}: ` : ''}${formatProblem(merged.error)}`, 'threadmark: nothing written']);
    lines.push(...merged.value.result.files.flatMap(fileLines));
    if (merged.value.entry) entries.push(merged.value.entry.seq);
  }
  // Each .qdpx as the app adds it after the review: its own journal entry; the coders named by
  // --replace replaced, checked against the counts the plan showed (as the review's tick is).
  for (const { name, layer, plan } of layers) {
    const replaced = replacedCoders(plan, replaceNames);
    const confirmedCounts = new Map(replaced.map((c) => [c.projectCoderId, c.existingCodings]));
    const added = await runOperation(store, addCoderLayer, { incoming: layer.bundle, source: name, replace: new Set(confirmedCounts.keys()), confirmedCounts }, env);
    if (!added.ok) return fail([...lines, `${name}: ${formatProblem(added.error)}`, 'threadmark: nothing written']);
    lines.push(...layerLines(name, layer, added.value.result, replaced));
    if (added.value.entry) entries.push(added.value.entry.seq);
  }
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail([...lines, ...saveFailureLines(output, saved.error)]);
  const journal = entries.length === 1 ? `journal entry #${entries[0]}` : `journal entries ${entries.map((n) => `#${n}`).join(', ')}`;
  lines.push(entries.length > 0 ? `wrote ${output}: ${journal}` : `wrote ${output}: nothing changed (every file was merged before)`);
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return EXIT_OK;
}

const isQdpx = (file: string): boolean => file.toLowerCase().endsWith('.qdpx');

/** The coders of a layer file already in the project that --replace names (by name, or by id). */
const replacedCoders = (plan: CoderLayerPlan, names: ReadonlySet<string>): CoderLayerPlan['coders'] =>
  plan.coders.filter((c) => !c.isNew && (names.has(c.name) || names.has(c.projectCoderId)));

/** A --replace that names no coder both in the project and in a .qdpx given: refused, so a typo replaces nothing silently. */
function unmatchedReplaces(names: ReadonlySet<string>, layers: ReadonlyArray<{ plan: CoderLayerPlan }>): string[] {
  const present = layers.flatMap(({ plan }) => plan.coders.filter((c) => !c.isNew));
  const unmatched = [...names].filter((name) => !present.some((c) => c.name === name || c.projectCoderId === name));
  if (unmatched.length === 0) return [];
  const choices = [...new Set(present.map((c) => c.name))];
  const which = choices.length > 0 ? `coders of the project in the .qdpx files given: ${choices.join(', ')}` : 'no coder of the project is in a .qdpx file given (a returned package always replaces what was merged from it before)';
  return unmatched.map((name) => `--replace ${name}: not a coder both in the project and in a .qdpx file given; ${which}`);
}

async function readQdpxLayer(file: string, io: CliIo, store: Parameters<typeof qdpxCoderFile>[0], clock: Clock): Promise<{ ok: true; value: QdpxCoderFile } | { ok: false; error: string[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await importIoOf(io).readBytes(file);
  } catch (e) {
    return { ok: false, error: [`${file}: cannot read the file: ${describeFileError(e)}`] };
  }
  const layer = await qdpxCoderFile(store, bytes, file, { at: clock.now(), app: { name: 'Threadmark', version: VERSION } }, { inflate: nodeInflateRaw });
  return layer.ok ? layer : { ok: false, error: layer.error.map((l) => `${file}: ${l}`) };
}

/** A .qdpx's counts, then what the app's review lists: each thing not taken exactly as it was. */
function layerLines(name: string, layer: QdpxCoderFile, s: CoderLayerSummary, replaced: CoderLayerPlan['coders']): string[] {
  const n = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const kept = new Set(s.keptCoders);
  const coders = layer.bundle.coders.filter((c) => !kept.has(c.name)).map((c) => c.name).join(', ');
  const head = `${name}: REFI-QDA project coded by ${coders || 'nobody'}: ${n(s.addedCodings, 'coding')}, ${n(s.memos, 'memo')}, ${n(s.relations, 'relation')} added`;
  const skipped = s.skipped.mismatchedPostCodings + s.skipped.unmatchedPostCodings;
  return [
    head,
    ...layer.notes.map((l) => `  ${l}`),
    ...(skipped > 0 ? [`  ${n(skipped, 'coding')} left out: the post is not in the project as the file has it`] : []),
    ...replaced.map((c) => `  replaced: ${c.name}’s ${n(c.existingCodings, 'coding')} in the project with the ${c.incomingCodings} in the file`),
    ...s.keptCoders.map((c) => `  kept: ${c} is already in the project; nothing of theirs changed (--replace "${c}" replaces them)`),
  ];
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

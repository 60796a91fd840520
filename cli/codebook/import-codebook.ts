/**
 * `threadmark import <codebook> -o <bundle> [--into <bundle>] [--take …]`: a codebook file (.qdc,
 * .qdpx, codebook CSV) becomes a new bundle holding just that codebook, or is merged into the
 * --into bundle's codebook by the non-interactive take policy (shared/codebook/merge-codebook.ts).
 * Either way the codes are written by the core's applyCodebookImport operation, journaled, with
 * names and texts trimmed as the app stores them. All or nothing, as the thread import: everything
 * is read, merged, applied and validated in memory before the output is written (atomically); -o
 * may equal --into.
 */
import type { AppliedChange } from '@shared/codebook/apply-codebook-diff';
import { describeCodeChange } from '@shared/codebook/describe-code-change';
import { formatLeft, type LeftDifference } from '@shared/codebook/left-difference';
import { mergeCodebook } from '@shared/codebook/merge-codebook';
import type { DifferenceKind } from '@shared/codebook/take-option';
import type { Code } from '@shared/model/records';
import { normalizeFields } from '@shared/project/code-rules';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { applyCodebookImport } from '@shared/project/operations/codebook-import';
import { runOperation, type CoreEnv } from '@shared/project/run-operation';
import { formatProblem } from '@shared/problem/problem';
import type { Clock, IdSource } from '@shared/util/clock';

import { EXIT_FAILED, EXIT_OK } from '../io';
import type { ImportIo } from '../import/import-io';
import { formatImportProblem } from '../import/import-problem-text';
import { CLI_ACTOR, cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { readCodebookFile, type CodebookFormat } from './codebook-file';
import { mergeSummary, newBundleSummary, type CodebookReadSummary } from './codebook-import-summary';

export interface CodebookImportRequest {
  file: string;
  format: CodebookFormat;
  output: string;
  /** The bundle to merge into, or null for a new bundle. */
  into: string | null;
  take: ReadonlySet<DifferenceKind>;
  /** The new project's name (from the file name). */
  projectName: string;
}

export interface CodebookImportDeps {
  clock: Clock;
  ids: IdSource;
}

export async function importCodebook(io: ImportIo, request: CodebookImportRequest, deps: CodebookImportDeps): Promise<number> {
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };
  const { file, output, into } = request;

  const opened = into === null ? null : await openProjectFile(into, io);
  if (opened && !opened.ok) return fail(opened.error.lines);
  const read = await readCodebookFile(io, file, request.format, deps.ids);
  if (!read.ok) return fail([...read.error.map(formatImportProblem), `threadmark: nothing written (${file} has problems above)`]);
  const summary: CodebookReadSummary = { file, format: request.format, codes: read.value.codes.length, origin: read.value.origin, warnings: read.value.warnings };
  // The codes as they will be stored (names and texts trimmed, as the app stores them), so the
  // comparison and the report see what is kept: "  Whataboutism" is no rename of "Whataboutism".
  const incoming: Code[] = read.value.codes.map((code) => ({ ...code, ...normalizeFields(code) }));

  let store: MemoryProjectStore;
  let env: CoreEnv;
  let base: Code[];
  let codes: Code[];
  let applied: AppliedChange[];
  let left: LeftDifference[] = [];
  if (opened === null) {
    // A new project holding just this codebook: every code of the file is added.
    store = new MemoryProjectStore({ project: { id: deps.ids.newId(), name: request.projectName, createdAt: deps.clock.now() } });
    env = { clock: deps.clock, ids: deps.ids, actor: CLI_ACTOR };
    base = [];
    codes = incoming;
    const byId = new Map(incoming.map((c) => [c.id, c]));
    applied = incoming.map((c) => ({ codeId: c.id, kind: 'add', before: null, after: c, summary: describeCodeChange(null, c, byId) }));
  } else {
    ({ store } = opened.value);
    env = { clock: deps.clock, ids: deps.ids, actor: opened.value.actor };
    const [current, codingCounts] = await store.read((reader) => Promise.all([reader.codes(), reader.codingCountsByCode()]));
    const merged = mergeCodebook({ current, codingCounts, incoming, unknownFields: read.value.unknownFields, take: request.take, file, ids: deps.ids });
    if (!merged.ok) {
      return fail([
        ...merged.error.map((line) => `${into}: ${line}`),
        `threadmark: nothing written (a removal is taken only for codes without codings; leave removals out with --take all)`,
      ]);
    }
    base = current;
    ({ codes, applied, left } = merged.value);
  }

  const result = await runOperation(store, applyCodebookImport, { source: file, base, codes, applied, codingsToDelete: new Map() }, env);
  if (!result.ok) return fail([`${into ?? file}: ${formatProblem(result.error)}`, 'threadmark: nothing written']);
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail(saveFailureLines(output, saved.error));
  if (left.length > 0) io.stderr(left.map((l) => `${formatLeft(l)}\n`).join(''));
  io.stdout(into === null ? newBundleSummary(summary, output, request.projectName) : mergeSummary(summary, into, output, applied, left, result.value.entry));
  return EXIT_OK;
}

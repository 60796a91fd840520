/**
 * `threadmark import <codebook> -o <bundle> [--into <bundle>] [--take …]`: a codebook file (.qdc,
 * .qdpx, codebook CSV) becomes a new bundle holding just that codebook, or is merged into the
 * --into bundle's codebook (merge-codebook.ts), each taken change logged (import-change-log.ts).
 * All or nothing, as the thread import: everything is read, merged and validated before the output
 * is written (atomically); -o may equal --into.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '@shared/bundle/bundle';
import { formatProblem, validateBundle } from '@shared/bundle/validate';
import type { ImportedCodebook } from '@shared/codebook/refi/imported-codebook';
import type { Clock, IdSource } from '@shared/util/clock';

import { VERSION } from '../help';
import { describeFileError, EXIT_FAILED, EXIT_OK } from '../io';
import { loadBundle } from '../load-bundle';
import { serializeBundleChunks } from '../import/bundle-chunks';
import type { ImportIo } from '../import/import-io';
import { formatImportProblem } from '../import/import-problem-text';
import { readCodebookFile, type CodebookFormat } from './codebook-file';
import { mergeSummary, newBundleSummary, type CodebookReadSummary } from './codebook-import-summary';
import { importChanges, importCoder } from './import-change-log';
import { formatLeft } from './left-difference';
import { mergeCodebook } from './merge-codebook';
import type { DifferenceKind } from './take-option';

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

  let base: Bundle | null = null;
  if (into !== null) {
    const loaded = await loadBundle(into, io);
    if (!loaded.ok) return fail(loaded.error.lines);
    base = loaded.value;
  }
  const read = await readCodebookFile(io, file, request.format, deps.ids);
  if (!read.ok) return fail([...read.error.map(formatImportProblem), `threadmark: nothing written (${file} has problems above)`]);
  const summary: CodebookReadSummary = { file, format: request.format, codes: read.value.codes.length, origin: read.value.origin, warnings: read.value.warnings };

  const now = deps.clock.now();
  let bundle: Bundle;
  let report: string;
  let leftLines: string[] = [];
  if (base === null) {
    bundle = newCodebookBundle(read.value, request.projectName, now, deps.ids);
    report = newBundleSummary(summary, output, request.projectName);
  } else {
    const merged = mergeCodebook({ current: base.codes, codings: base.codings, incoming: read.value.codes, unknownFields: read.value.unknownFields, take: request.take, file, ids: deps.ids });
    if (!merged.ok) {
      return fail([
        ...merged.error.map((line) => `${into}: ${line}`),
        `threadmark: nothing written (a removal is taken only for codes without codings; leave removals out with --take all)`,
      ]);
    }
    const { applied, codes, left } = merged.value;
    const coder = applied.length > 0 ? importCoder(base.coders, deps.ids) : { coderId: '', coders: base.coders };
    bundle = {
      ...base,
      exportedAt: now,
      app: { name: 'Threadmark', version: VERSION },
      codes,
      coders: coder.coders,
      codebookChanges: [...(base.codebookChanges ?? []), ...importChanges(applied, now, coder.coderId, deps.ids)],
    };
    leftLines = left.map(formatLeft);
    report = mergeSummary(summary, into as string, output, applied, left);
  }

  // A defect in the merge must not ship an invalid file.
  const valid = validateBundle(bundle);
  if (!valid.ok) {
    return fail([...valid.error.slice(0, 20).map((p) => `${output}: ${formatProblem(p)}`), 'threadmark: internal error: the merged bundle is not valid; nothing written']);
  }
  try {
    await io.writeChunks(output, serializeBundleChunks(bundle));
  } catch (e) {
    return fail([`threadmark: cannot write ${output}: ${describeFileError(e)}`]);
  }
  if (leftLines.length > 0) io.stderr(leftLines.map((l) => `${l}\n`).join(''));
  io.stdout(report);
  return EXIT_OK;
}

function newCodebookBundle(read: ImportedCodebook, name: string, now: string, ids: IdSource): Bundle {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: now,
    app: { name: 'Threadmark', version: VERSION },
    project: { id: ids.newId(), name, createdAt: now },
    threads: [],
    posts: [],
    codes: read.codes,
    coders: [],
    codings: [],
    codebookChanges: [],
    codebookVersions: [],
  };
}

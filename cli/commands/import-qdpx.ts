/**
 * `threadmark import <x.qdpx> -o <bundle> [--into <bundle>] [--split source|paragraph]`: a whole
 * REFI-QDA project (shared/refi/), through the core's `qdpx.import` as the app runs it, all or
 * nothing; prints what was added and the report (sources skipped, codings not placed or split).
 * `--codebook-only` (import.ts) takes only the codebook, as a .qdpx import did before.
 */
import { formatProblem } from '@shared/problem/problem';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { extrasPhrase, importQdpx } from '@shared/project/operations/qdpx-import';
import { runOperation } from '@shared/project/run-operation';
import { prepareQdpxImport } from '@shared/refi/prepare-qdpx-import';
import type { QdpxPostSplit } from '@shared/refi/qdpx-import-bundle';
import { reportLines } from '@shared/refi/qdpx-report';
import type { Clock, IdSource } from '@shared/util/clock';

import { VERSION } from '../help';
import { describeFileError, EXIT_FAILED, EXIT_OK } from '../io';
import { nodeInflateRaw } from '../node-inflate';
import type { ImportIo } from '../import/import-io';
import { CLI_ACTOR, cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';

export interface QdpxImportRequest {
  file: string;
  output: string;
  into: string | null;
  split: QdpxPostSplit;
}

/** Report lines printed; the rest are counted. */
const SHOWN_REPORT_LINES = 30;

export async function importQdpxProject(io: ImportIo, request: QdpxImportRequest, deps: { clock: Clock; ids: IdSource }): Promise<number> {
  const fail = (lines: string[]): number => {
    io.stderr([...lines, 'threadmark: nothing written'].map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };
  let bytes: Uint8Array;
  try {
    bytes = await io.readBytes(request.file);
  } catch (e) {
    return fail([`${request.file}: cannot read the file: ${describeFileError(e)}`]);
  }
  let store = new MemoryProjectStore();
  let actor = CLI_ACTOR;
  if (request.into !== null) {
    const opened = await openProjectFile(request.into, io);
    if (!opened.ok) return fail(opened.error.lines);
    store = opened.value.store;
    actor = opened.value.actor;
  }
  const prepared = await prepareQdpxImport(bytes, request.file, { split: request.split, at: deps.clock.now(), app: { name: 'Threadmark', version: VERSION } }, { inflate: nodeInflateRaw });
  if (!prepared.ok) return fail(prepared.error.map((p) => formatProblem(p)));
  const applied = await runOperation(store, importQdpx, { ...prepared.value, source: request.file }, { clock: deps.clock, ids: deps.ids, actor });
  if (!applied.ok) return fail([`threadmark: ${formatProblem(applied.error)}`]);
  const saved = await saveProjectFile(store, request.output, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail(saveFailureLines(request.output, saved.error));
  const { added, report, extras } = applied.value.result;
  const n = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const lines = [`${request.file}: REFI-QDA project, ${[n(added.threads, 'thread'), n(added.posts, 'post'), n(added.codes, 'code'), n(added.coders, 'coder'), n(added.codings, 'coding')].join(', ')}${extrasPhrase(extras)} added to ${request.output}`];
  const reported = reportLines(report);
  if (reported.length > 0) {
    lines.push(`not taken as it was (${reported.length}):`);
    lines.push(...reported.slice(0, SHOWN_REPORT_LINES).map((l) => `  ${l}`));
    if (reported.length > SHOWN_REPORT_LINES) lines.push(`  …and ${reported.length - SHOWN_REPORT_LINES} more`);
  }
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return EXIT_OK;
}

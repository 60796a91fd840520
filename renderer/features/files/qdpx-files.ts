/**
 * REFI-QDA projects (.qdpx) in the app, through the same shared code as `threadmark export --to qdpx`
 * and `threadmark import x.qdpx`: File → Export writes the canonical bundle as a .qdpx; File → Import
 * runs the core's `qdpx.import` (all or nothing) and shows its report; a Threadmark export coded in
 * another tool comes back through Team → Add coder files (its users' layers, add-coder-files.ts).
 */
import { formatProblem } from '@shared/problem/problem';
import { extrasPhrase, importQdpx } from '@shared/project/operations/qdpx-import';
import { qdpxCoderFile } from '@shared/project/queries/qdpx-coder-file';
import type { QdpxPostSplit } from '@shared/refi/qdpx-import-bundle';
import { reportLines } from '@shared/refi/qdpx-report';
import type { PositionUnit } from '@shared/refi/write-project-qde';
import { writeQdpx } from '@shared/refi/write-qdpx';
import { fileStem } from '@shared/util/file-name';

import type { Services } from '../../app/services';
import { APP_INFO } from '../../app/app-info';
import { planCoderFile, runInProject, storeOf } from '../../db/project-store';
import { journalStep } from '../coding/journal-step';
import type { IncomingFile } from './add-coder-files';
import { prepareQdpxInWorker } from './qdpx-file-client';
import { bundleToExport, privacySentence, PSEUDONYMISED, type PrivacyChoice } from './export-privacy';

const QDPX_FILTERS = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];

export async function exportQdpx(services: Services, positions: PositionUnit, privacy: PrivacyChoice = PSEUDONYMISED): Promise<void> {
  const { platform, announce } = services;
  const { bundle, report } = await bundleToExport(services, privacy);
  const written = await writeQdpx(bundle, { origin: `${APP_INFO.name} ${APP_INFO.version}`, positions });
  if (!written.ok) {
    announce(`Nothing exported: ${written.error.join('; ')}`, 'error');
    return;
  }
  const name = `${fileStem(bundle.project.name)}${positions === 'utf16' ? '-nvivo' : ''}.qdpx`;
  const saved = await platform.saveBinaryFile(name, written.value, QDPX_FILTERS);
  if (!saved.ok) announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) announce(`Exported the project as a REFI-QDA project (${bundle.codings.length} codings) to ${saved.value}.${privacySentence(report)}`);
}

export interface QdpxImportOutcome {
  fileName: string;
  /** What was added, or why nothing was. */
  ok: boolean;
  headline: string;
  /** Each thing not taken as it was, or every problem of a refused file. */
  lines: string[];
}

/** Picks a .qdpx and imports it whole; null when the researcher cancels. */
export async function importQdpxFile(services: Services, split: QdpxPostSplit): Promise<QdpxImportOutcome | null> {
  const { db, platform, clock, ids, tracker, history, announce } = services;
  const opened = await platform.openBinaryFile('Import a REFI-QDA project', QDPX_FILTERS);
  if (!opened.ok) {
    announce(opened.error, 'error');
    return null;
  }
  if (opened.value === null) return null;
  const { name, bytes } = opened.value;
  // In a Worker: a big or hostile project must not freeze the window while it is read.
  const prepared = await prepareQdpxInWorker(name, bytes, { split, at: clock.now(), app: APP_INFO });
  if (!prepared.ok) return { fileName: name, ok: false, headline: 'Nothing was imported: the file is refused.', lines: prepared.error.map((p) => formatProblem(p)) };
  const result = await tracker.track('import .qdpx', runInProject(db, importQdpx, { ...prepared.value, source: name }, { clock, ids }));
  if (!result.ok) return { fileName: name, ok: false, headline: 'Nothing was imported: the import was rolled back.', lines: [formatProblem(result.error)] };
  const { added, report, extras } = result.value.result;
  if (result.value.entry) history.push(journalStep(services, `importing ${name}`, result.value.entry.id));
  const n = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const headline = `Imported ${n(added.threads, 'thread')}, ${n(added.posts, 'post')}, ${n(added.codes, 'code')}, ${n(added.coders, 'coder')} and ${n(added.codings, 'coding')}${extrasPhrase(extras)}.`;
  announce(`${name}: ${headline}`);
  return { fileName: name, ok: true, headline, lines: reportLines(report) };
}

/** A .qdpx exported from this project and coded elsewhere, picked among the coder files: its users as coder layers, for review (the rule: qdpx-coder-file.ts, as `threadmark merge`). */
export async function reviewQdpxCoderFile(services: Services, name: string, bytes: Uint8Array): Promise<IncomingFile> {
  const { db, clock, ids } = services;
  const layer = await qdpxCoderFile(storeOf(db), bytes, name, { at: clock.now(), app: APP_INFO });
  if (!layer.ok) return { kind: 'refused', name, problems: layer.error };
  const { bundle, notes } = layer.value;
  try {
    return { kind: 'layer', name, bundle, plan: await planCoderFile(db, bundle, ids), notes };
  } catch (error) {
    return { kind: 'refused', name, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/**
 * REFI-QDA projects (.qdpx) in the app, through the same shared code as `threadmark export --to qdpx`
 * and `threadmark import x.qdpx`: File → Export writes the canonical bundle as a .qdpx; File → Import
 * runs the core's `qdpx.import` (all or nothing) and shows its report; a Threadmark export coded in
 * another tool comes back through Team → Add coder files (its users' layers, add-coder-files.ts).
 */
import type { Post } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { extrasPhrase, importQdpx } from '@shared/project/operations/qdpx-import';
import { qdpxCoderBundle } from '@shared/refi/qdpx-coder-bundle';
import type { QdpxPostSplit } from '@shared/refi/qdpx-import-bundle';
import { reportLines } from '@shared/refi/qdpx-report';
import { readQdpxProject } from '@shared/refi/read-qdpx-project';
import type { PositionUnit } from '@shared/refi/write-project-qde';
import { writeQdpx } from '@shared/refi/write-qdpx';
import { fileStem } from '@shared/util/file-name';
import { pseudonymiseBundle } from '@shared/privacy/pseudonymise-bundle';
import { restoreReturned } from '@shared/privacy/restore-returned';

import type { Services } from '../../app/services';
import { APP_INFO } from '../../app/app-info';
import { exportBundle, planCoderFile, runInProject, storeOf } from '../../db/project-store';
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

/** A .qdpx exported from this project and coded elsewhere, picked among the coder files: its users as coder layers, for review. */
export async function reviewQdpxCoderFile(services: Services, name: string, bytes: Uint8Array): Promise<IncomingFile> {
  const { db, clock, ids } = services;
  const read = await readQdpxProject(bytes, name);
  if (!read.ok) return { kind: 'refused', name, problems: read.error.map((p) => formatProblem(p)) };
  const stored = await storeOf(db).read(async (reader) => {
    const [project, threads, posts, codes, memos, relations] = await Promise.all([reader.project(), reader.threads(), reader.allPosts(), reader.codes(), reader.memos(), reader.relations()]);
    const postsByThread = new Map<string, Post[]>();
    for (const post of posts) postsByThread.set(post.threadId, [...(postsByThread.get(post.threadId) ?? []), post]);
    return project ? { project, threads, postsByThread, codes, extras: { memos, relations } } : null;
  });
  if (stored === null) return { kind: 'refused', name, problems: ['The project is empty: import its threads first.'] };
  let { bundle, report, own } = qdpxCoderBundle(read.value, stored, { at: clock.now(), app: APP_INFO });
  let notes = reportLines(report);
  // Nothing placed: perhaps the file was a pseudonymised export (the default). Matched against
  // that, its codings are carried back to the project's own texts.
  if (bundle.codings.length === 0 && stored.project.pseudonymSecret) {
    const original = await exportBundle(db, { clock, app: APP_INFO });
    const done = pseudonymiseBundle(original, stored.project.pseudonymSecret);
    const postsByThread = new Map<string, Post[]>();
    for (const post of done.bundle.posts) postsByThread.set(post.threadId, [...(postsByThread.get(post.threadId) ?? []), post]);
    const again = qdpxCoderBundle(read.value, { ...stored, threads: done.bundle.threads, postsByThread }, { at: clock.now(), app: APP_INFO });
    if (again.bundle.codings.length > 0) {
      bundle = restoreReturned(again.bundle, done, original);
      report = again.report;
      own = again.own;
      notes = ['Matched the pseudonymised export: each coding was carried back to the project’s own texts.', ...reportLines(report)];
    }
  }
  const ownCount = own.notes + own.links;
  if (ownCount > 0) notes.push(`${ownCount} ${ownCount === 1 ? 'memo or relation' : 'memos and relations'} the export wrote from this project left as ${ownCount === 1 ? 'it is' : 'they are'} (the project’s own, not a coder’s)`);
  try {
    return { kind: 'layer', name, bundle, plan: await planCoderFile(db, bundle, ids), notes };
  } catch (error) {
    return { kind: 'refused', name, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/**
 * Mixed-tool teams, the one rule both front ends follow: a Threadmark .qdpx export coded in NVivo,
 * ATLAS.ti or MAXQDA → the bundle "Add coder files…" (app) and `threadmark merge` (CLI) take as its
 * users' coder layers, with the lines the review shows. Read against the project as it is stored
 * (qdpx-coder-bundle.ts); when nothing lands, the file may be a pseudonymised export (the default):
 * matched against that, its codings are carried back to the project's own texts (restore-returned.ts).
 */
import type { Bundle } from '../../bundle/bundle';
import type { QdpxReadOptions } from '../../codebook/refi/open-qdpx-archive';
import type { Post } from '../../model/records';
import { formatProblem } from '../../problem/problem';
import { pseudonymiseBundle } from '../../privacy/pseudonymise-bundle';
import { restoreReturned } from '../../privacy/restore-returned';
import { qdpxCoderBundle, type StoredProject } from '../../refi/qdpx-coder-bundle';
import type { QdpxProject } from '../../refi/qdpx-project';
import { reportLines, type QdpxReport } from '../../refi/qdpx-report';
import { readQdpxProject } from '../../refi/read-qdpx-project';
import { err, ok, type Result } from '../../util/result';
import type { ProjectReader, ProjectStore } from '../project-store';
import { projectBundle } from './project-bundle';

export interface QdpxCoderFile {
  /** The file's users as coders of the project's posts, for the core's coders.add-layer. */
  bundle: Bundle;
  /** What was not taken exactly as it was (splits, codings not placed, skipped sources, the project's own memos), one line each. */
  notes: string[];
  report: QdpxReport;
}

export interface QdpxCoderHead {
  at: string;
  app: { name: string; version: string };
}

/** Bytes in, layer out: the file read (refused whole when hostile or invalid), then placed on the stored project in one read. */
export async function qdpxCoderFile(store: ProjectStore, bytes: Uint8Array, name: string, head: QdpxCoderHead, options: QdpxReadOptions = {}): Promise<Result<QdpxCoderFile, string[]>> {
  // Read outside the store's transaction: unzipping awaits work the store does not own.
  const read = await readQdpxProject(bytes, name, options);
  if (!read.ok) return err(read.error.map((p) => formatProblem(p)));
  return store.read((reader) => qdpxCoderLayer(reader, read.value, head));
}

function byThread(posts: readonly Post[]): Map<string, Post[]> {
  const map = new Map<string, Post[]>();
  for (const post of posts) map.set(post.threadId, [...(map.get(post.threadId) ?? []), post]);
  return map;
}

/** A .qdpx already read, placed on the project the reader holds. */
export async function qdpxCoderLayer(reader: ProjectReader, file: QdpxProject, head: QdpxCoderHead): Promise<Result<QdpxCoderFile, string[]>> {
  const [project, threads, posts, codes, memos, relations] = await Promise.all([reader.project(), reader.threads(), reader.allPosts(), reader.codes(), reader.memos(), reader.relations()]);
  if (!project) return err(['The project is empty: import its threads first.']);
  const stored: StoredProject = { project, threads, postsByThread: byThread(posts), codes, extras: { memos, relations } };
  const options = { at: head.at, app: head.app };
  let { bundle, report, own } = qdpxCoderBundle(file, stored, options);
  let notes = reportLines(report);
  if (bundle.codings.length === 0 && project.pseudonymSecret) {
    const original = await projectBundle(reader, { exportedAt: head.at, app: head.app });
    if (original.ok) {
      const done = pseudonymiseBundle(original.value, project.pseudonymSecret);
      const again = qdpxCoderBundle(file, { ...stored, threads: done.bundle.threads, postsByThread: byThread(done.bundle.posts) }, options);
      if (again.bundle.codings.length > 0) {
        bundle = restoreReturned(again.bundle, done, original.value);
        report = again.report;
        own = again.own;
        notes = ['Matched the pseudonymised export: each coding was carried back to the project’s own texts.', ...reportLines(report)];
      }
    }
  }
  const ownCount = own.notes + own.links;
  if (ownCount > 0) notes.push(`${ownCount} ${ownCount === 1 ? 'memo or relation' : 'memos and relations'} the export wrote from this project left as ${ownCount === 1 ? 'it is' : 'they are'} (the project’s own, not a coder’s)`);
  return ok({ bundle, notes, report });
}

/**
 * Mixed-tool teams: a Threadmark .qdpx export coded in NVivo, ATLAS.ti or MAXQDA → a bundle the
 * "Add coder files" path takes as its users' layers (coder-layer.ts). Each text source is matched to
 * the thread it was exported from: by its GUID, else by its text, which must still be exactly that
 * thread's layout (thread-layout.ts) once the BOM is off and line ends are LF. Positions then map onto
 * the stored posts; a selection over a post boundary becomes one coding per post, and is reported;
 * one in a header line is listed. Users with codings become coders (matched by name, as every coder file is).
 */
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle, type BundleCoding } from '../bundle/bundle';
import type { Code, Coder, Post, Project, Thread } from '../model/records';
import { derivedId } from '../util/derived-id';
import { placeCodings } from './place-codings';
import { qdpxCoderExtras, type StoredExtras } from './qdpx-coder-extras';
import type { PlacedSource } from './qdpx-extras-import';
import { SourceText } from './position-convention';
import type { QdpxProject } from './qdpx-project';
import { emptyReport, type QdpxReport } from './qdpx-report';
import { refiGuid } from './refi-guid';
import { layOutThread, type ThreadLayout } from './thread-layout';

export interface StoredProject {
  project: Project;
  threads: readonly Thread[];
  /** Each thread's posts in reading order (as the export laid them out). */
  postsByThread: ReadonlyMap<string, readonly Post[]>;
  codes: readonly Code[];
  /** The project's memos and relations, which its export wrote into the file: never taken as a coder's (absent: none). */
  extras?: StoredExtras;
}

export function qdpxCoderBundle(file: QdpxProject, stored: StoredProject, options: { at: string; app: { name: string; version: string } }): { bundle: Bundle; report: QdpxReport; own: { notes: number; links: number } } {
  const report = emptyReport();
  report.skippedSources.push(...file.skipped);
  const back = (guid: string): string => file.layout?.ids[guid] ?? guid;
  // Codes by the project's own ids where the GUID is one of them (derived GUIDs included), else the file's.
  const projectCodeByGuid = new Map(stored.codes.map((c) => [refiGuid('code', c.id), c.id]));
  const codeId = (guid: string): string => projectCodeByGuid.get(guid) ?? back(guid);
  const codes: Code[] = file.codes.map((c) => ({ ...c, id: codeId(c.id), parentId: c.parentId === null ? null : codeId(c.parentId) }));
  const known = new Set(codes.map((c) => c.id));
  const coders = new Map<string, Coder>();
  const fallback: Coder = { id: derivedId('qdpx-coder', file.origin ?? file.file), name: file.origin ?? 'Imported coder' };
  const coderOf = (user: string | null): string => {
    const name = user === null ? undefined : file.users.get(user);
    if (name === undefined) {
      coders.set(fallback.id, fallback);
      return fallback.id;
    }
    const id = back(user!);
    coders.set(id, { id, name });
    return id;
  };

  const layouts = new Map<string, { thread: Thread; layout: ThreadLayout; posts: readonly Post[] }>();
  const byText = new Map<string, string>();
  for (const thread of stored.threads) {
    const posts = stored.postsByThread.get(thread.id) ?? [];
    if (posts.length === 0) continue;
    const layout = layOutThread(posts);
    layouts.set(refiGuid('thread', thread.id), { thread, layout, posts });
    byText.set(layout.text.trimEnd(), refiGuid('thread', thread.id));
  }
  const threads: Thread[] = [];
  const posts: Post[] = [];
  const codings: BundleCoding[] = [];
  const threadOf = new Map<string, string>();
  const placed = new Map<string, PlacedSource>();
  for (const source of file.sources) {
    const text = new SourceText(source.text);
    const guid = layouts.has(source.guid) && layouts.get(source.guid)!.layout.text.trimEnd() === text.lf.trimEnd() ? source.guid : byText.get(text.lf.trimEnd());
    const match = guid === undefined ? undefined : layouts.get(guid);
    if (!match) {
      report.skippedSources.push({ guid: source.guid, name: source.name, kind: 'TextSource', reason: 'its text is not a thread of this project as Threadmark exported it (was the text edited, or the thread deleted?)' });
      continue;
    }
    threads.push(match.thread);
    posts.push(...match.posts);
    const target = { spans: match.layout.posts, postText: new Map(match.posts.map((p) => [p.id, p.text])) };
    threadOf.set(source.guid, match.thread.id);
    placed.set(source.guid, { source, text, target });
    codings.push(
      ...placeCodings(file, source, text, target, {
        code: (g) => (known.has(codeId(g)) ? codeId(g) : null),
        coder: coderOf,
        coding: back,
        categoryOnly: new Set(codes.filter((c) => !c.codable).map((c) => c.id)),
        at: options.at,
      }, report),
    );
  }
  // Memos and relations by the file's users, the project's own left out (qdpx-coder-extras.ts).
  const extras = qdpxCoderExtras({ file, projectId: stored.project.id, stored: stored.extras ?? { memos: [], relations: [] }, threadOf, placed, back: codeId, coder: coderOf, codeIds: known, at: options.at }, report);
  const more = { ...(extras.memos.length > 0 ? { memos: extras.memos } : {}), ...(extras.relations.length > 0 ? { relationCodes: extras.relationCodes, relations: extras.relations } : {}) };
  return {
    bundle: { format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, exportedAt: options.at, app: options.app, project: stored.project, threads, posts, codes, coders: [...coders.values()], codings, ...more },
    report,
    own: { notes: extras.ownNotes, links: extras.ownLinks },
  };
}

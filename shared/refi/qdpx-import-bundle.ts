/**
 * A read .qdpx → the bundle its import adds, and the report (docs/formats.md, "REFI-QDA project").
 * Each text source becomes a document thread: one post, or one post per paragraph (each non-blank
 * line), as the researcher chose. A source Threadmark wrote (threadmark-layout.json, and the text
 * still exactly that layout) gets its threads and posts back as they were, ids and all. Line ends
 * become LF (positions are mapped, not shifted); the text is otherwise kept exactly, so every coding
 * covers the characters it covered in the other tool.
 */
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle, type BundleCoding } from '../bundle/bundle';
import type { Code, Coder, Post, Thread } from '../model/records';
import { codePointLength } from '../text/offsets';
import { derivedId } from '../util/derived-id';
import { placeCodings, isoOrNull, type PlacementTarget } from './place-codings';
import { importExtras, sourcesWithPlacedParts, type PlacedSource } from './qdpx-extras-import';
import { SourceText } from './position-convention';
import type { QdpxLayoutFile } from './qdpx-layout-file';
import type { QdpxProject, QdpxTextSource } from './qdpx-project';
import { emptyReport, type QdpxReport } from './qdpx-report';
import { TextIndex } from './text-index';
import { postHeader } from './thread-layout';

export type QdpxPostSplit = 'source' | 'paragraph';

export interface QdpxImportOptions {
  split: QdpxPostSplit;
  /** The import's time (ISO 8601 UTC): threads' importedAt, codings without a time. */
  at: string;
  app: { name: string; version: string };
}

export function qdpxImportBundle(project: QdpxProject, options: QdpxImportOptions): { bundle: Bundle; report: QdpxReport } {
  const report = emptyReport();
  report.skippedSources.push(...project.skipped);
  report.warnings.push(...project.warnings);
  const layout = project.layout;
  // A Map, built once: 200,000 codings look up three ids each.
  const ids = new Map(Object.entries(layout?.ids ?? {}));
  const back = (guid: string): string => ids.get(guid) ?? guid;
  const codes: Code[] = project.codes.map((c) => ({ ...c, id: back(c.id), parentId: c.parentId === null ? null : back(c.parentId), exemplarCodingIds: layout?.exemplars[back(c.id)] ?? [] }));
  const codeIds = new Set(codes.map((c) => c.id));
  const coders = new Map<string, Coder>();
  const fallbackCoder: Coder = { id: derivedId('qdpx-coder', project.origin ?? project.file), name: project.origin ?? 'Imported coder' };
  const coderOf = (user: string | null): string => {
    if (user === null || !project.users.has(user)) {
      coders.set(fallbackCoder.id, fallbackCoder);
      return fallbackCoder.id;
    }
    const id = back(user);
    if (!coders.has(id)) coders.set(id, { id, name: project.users.get(user)! });
    return id;
  };
  // Threadmark's own export: every user was a coder.
  if (layout) for (const user of project.users.keys()) coderOf(user);

  const threads: Thread[] = [];
  const posts: Post[] = [];
  const codings: BundleCoding[] = [];
  const categoryOnly = new Set(codes.filter((c) => !c.codable).map((c) => c.id));
  const laidOut = new Map(layout?.sources.map((s) => [s.guid, s]));
  // Sources whose selections Links and notes point at stay cut for the extras; the others are let go.
  const keep = sourcesWithPlacedParts(project);
  const placed = new Map<string, PlacedSource>();
  const threadOf = new Map<string, string>();
  for (const source of project.sources) {
    const text = new SourceText(source.text);
    const cut = cutSource(source, text, laidOut.get(source.guid), project, options);
    if (cut === null) {
      report.skippedSources.push({ guid: source.guid, name: source.name, kind: 'TextSource', reason: 'the source has no text' });
      continue;
    }
    threads.push(cut.thread);
    posts.push(...cut.posts);
    const target: PlacementTarget = { spans: cut.spans, postText: new Map(cut.posts.map((p) => [p.id, p.text])) };
    threadOf.set(source.guid, cut.thread.id);
    if (keep.has(source.guid)) placed.set(source.guid, { source, text, target });
    codings.push(
      ...placeCodings(project, source, text, target, {
        code: (guid) => (codeIds.has(back(guid)) ? back(guid) : null),
        coder: coderOf,
        coding: back,
        categoryOnly,
        at: options.at,
      }, report),
    );
  }
  const projectRecord = layout?.project ?? { id: derivedId('qdpx-project', project.file, project.name), name: project.name.trim() || stem(project.file), createdAt: options.at };
  const extras = importExtras({ project, projectId: projectRecord.id, threadOf, placed, back, coder: coderOf, codeIds, at: options.at }, report);
  return {
    bundle: {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      exportedAt: options.at,
      app: options.app,
      project: projectRecord,
      threads,
      posts,
      codes,
      coders: [...coders.values()],
      codings,
      // Written only when there are some, as every optional bundle array is.
      ...(extras.memos.length > 0 ? { memos: extras.memos } : {}),
      ...(extras.attributes.length > 0 ? { attributes: extras.attributes } : {}),
      ...(extras.attributeValues.length > 0 ? { attributeValues: extras.attributeValues } : {}),
      ...(extras.relationCodes.length > 0 ? { relationCodes: extras.relationCodes } : {}),
      ...(extras.relations.length > 0 ? { relations: extras.relations } : {}),
    },
    report,
  };
}

interface CutSource {
  thread: Thread;
  posts: Post[];
  spans: PlacementTarget['spans'];
}

function cutSource(source: QdpxTextSource, text: SourceText, own: QdpxLayoutFile['sources'][number] | undefined, project: QdpxProject, options: QdpxImportOptions): CutSource | null {
  if (own) {
    const restored = restoreLayout(own, text.lf);
    if (restored) return restored;
  }
  const author = source.user !== null ? (project.users.get(source.user) ?? '') : '';
  const createdAt = isoOrNull(source.createdAt);
  const pieces = options.split === 'source' ? wholeText(text) : paragraphs(text);
  if (pieces.length === 0) return null;
  // Ids made from the source's GUID: importing the same file again adds nothing, and a source that
  // was once a Threadmark thread (its GUID that thread's id) never adds posts to that thread.
  const threadId = derivedId('qdpx-source', source.guid);
  const ids = pieces.map((_, i) => derivedId('qdpx-post', source.guid, String(i)));
  const posts: Post[] = pieces.map((piece, i) => ({
    id: ids[i]!,
    threadId,
    parentId: i === 0 ? null : ids[0]!,
    author,
    createdAt,
    text: piece.text,
    platform: 'text',
    platformId: null,
    url: null,
    meta: {},
  }));
  const thread: Thread = { id: threadId, title: source.name, platform: 'text', rootPostId: ids[0]!, importedAt: options.at, source: project.file };
  return { thread, posts, spans: pieces.map((p, i) => ({ postId: ids[i]!, start: p.start, end: p.end })) };
}

type Piece = { start: number; end: number; text: string };

function wholeText(text: SourceText): Piece[] {
  return text.lf.trim() === '' ? [] : [{ start: 0, end: text.lfIndex.lengthCp, text: text.lf }];
}

/** Each line with something on it, exactly as written. */
function paragraphs(text: SourceText): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const line of text.lf.split('\n')) {
    const length = codePointLength(line);
    if (line.trim() !== '') pieces.push({ start: at, end: at + length, text: line });
    at += length + 1;
  }
  return pieces;
}

/**
 * The posts of Threadmark's own export, when the source text is still exactly their layout
 * (thread-layout.ts): each header line and post text found in turn, then nothing but white space.
 */
function restoreLayout(own: QdpxLayoutFile['sources'][number], lf: string): CutSource | null {
  const index = new TextIndex(lf);
  const posts: Post[] = [];
  const spans: Array<PlacementTarget['spans'][number]> = [];
  let at16 = 0;
  for (let i = 0; i < own.posts.length; i++) {
    const laid = own.posts[i]!;
    const head = `${i === 0 ? '' : '\n\n'}${postHeader(laid)}\n`;
    if (!lf.startsWith(head, at16)) return null;
    at16 += head.length;
    const start = index.codePointOf(at16);
    if (start === null || start + laid.length > index.lengthCp) return null;
    const end16 = index.utf16Of(start + laid.length);
    // The record as the layout file holds it (its keys in that order), its length made its text.
    posts.push({ id: laid.id, threadId: laid.threadId, parentId: laid.parentId, author: laid.author, createdAt: laid.createdAt, platform: laid.platform, platformId: laid.platformId, url: laid.url, meta: laid.meta, text: lf.slice(at16, end16) });
    spans.push({ postId: laid.id, start, end: start + laid.length });
    at16 = end16;
  }
  // layOutThread(posts).text is what was matched and a final LF: the text may end in other white space.
  if (lf.slice(at16).trim() !== '') return null;
  return { thread: own.thread, posts, spans };
}

function stem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.qdpx$/i, '') || name;
}

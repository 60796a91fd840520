/**
 * A project (its canonical bundle) → the parts of a .qdpx: project.qde valid against Project.xsd
 * (checked with xmllint in write-qdpx.test.ts), one UTF-8 text source per thread in the layout of
 * thread-layout.ts, and threadmark-layout.json. Each coding is one PlainTextSelection holding one
 * Coding (as NVivo writes them); its memo is a Note the Coding points at. Coders are Users. Positions
 * are code points, as the standard says, or UTF-16 code units for NVivo, which reads them so.
 * Deterministic: the same bundle and options give the same bytes.
 */
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { checkWritable, codeElementLines } from '../codebook/refi/write-qdc';
import { REFI_PROJECT_NAMESPACE } from '../codebook/refi/refi-namespace';
import { normalizeGuid } from '../codebook/refi/refi-values';
import { escapeXmlAttribute, escapeXmlText } from '../codebook/refi/xml-text';
import type { Post } from '../model/records';
import { postsInReadingOrder } from '../project/queries/reading-order';
import { codePointToUtf16 } from '../text/offsets';
import { Utf8Writer } from '../text/utf8-writer';
import { err, ok, type Result } from '../util/result';
import { LAYOUT_FORMAT, type LaidPost, type QdpxLayoutFile } from './qdpx-layout-file';
import { partGuid, refiGuid, xsdDateTime } from './refi-guid';
import { attributeXml } from './write-attributes';
import { memoXml } from './write-memos';
import { layOutThread, type LaidOutPost } from './thread-layout';
import { linkLines, relationEndSelections } from './write-links';

export type PositionUnit = 'code-points' | 'utf16';

export interface QdpxWriteOptions {
  /** Project@origin, e.g. "Threadmark 0.1.0". */
  origin: string;
  positions: PositionUnit;
}

export interface QdpxParts {
  /** project.qde as UTF-8 (shared/text/utf8-writer.ts: written as it is made, never one string). */
  qde: Uint8Array;
  /** `sources/<guid>.txt` entries, one per thread with posts. */
  sources: Array<{ path: string; threadTitle: string; text: string }>;
  layout: QdpxLayoutFile;
}

export function projectQdpxParts(bundle: Bundle, options: QdpxWriteOptions): Result<QdpxParts, string[]> {
  const ids: Record<string, string> = {};
  const guidOf = (kind: string, id: string): string => {
    const guid = refiGuid(kind, id);
    if (guid !== id) ids[guid] = id;
    return guid;
  };
  const userOf = new Map(bundle.coders.map((c) => [c.id, guidOf('coder', c.id)]));
  const codeGuidOf = new Map(bundle.codes.map((c) => [c.id, refiGuid('code', c.id)]));
  // Codings share few distinct times: each is formatted once.
  const times = new Map<string, string | null>();
  const timeOf = (iso: string): string | null => {
    let time = times.get(iso);
    if (time === undefined) times.set(iso, (time = xsdDateTime(iso)));
    return time;
  };
  const codingsByPost = groupBy(bundle.codings, (c) => c.postId);
  const relationEnds = relationEndSelections(bundle);
  const postsByThread = groupBy(postsInReadingOrder(bundle.threads, bundle.posts), (p) => p.threadId);
  const postsById = new Set(bundle.memos?.some((m) => m.target.kind === 'post') ? [...postsByThread.values()].flat().map((p) => p.id) : []);

  const writer = new Utf8Writer();
  const lines = (...texts: string[]): void => {
    for (const text of texts) writer.line(text);
  };
  lines('<?xml version="1.0" encoding="UTF-8"?>');
  const created = xsdDateTime(bundle.project.createdAt);
  // Readers pick the unit by origin (docs/refi-qda.md §6): say so when positions are NVivo's.
  const origin = options.positions === 'utf16' ? `${options.origin} (NVivo-compatible: UTF-16 positions)` : options.origin;
  lines(`<Project xmlns="${REFI_PROJECT_NAMESPACE}" name="${escapeXmlAttribute(bundle.project.name)}" origin="${escapeXmlAttribute(origin)}"${created ? ` creationDateTime="${created}"` : ''}>`);
  if (bundle.coders.length > 0) {
    lines('  <Users>');
    for (const coder of bundle.coders) lines(`    <User guid="${userOf.get(coder.id)!}" name="${escapeXmlAttribute(coder.name)}"/>`);
    lines('  </Users>');
  }
  // Codes keep their GUIDs; an id that is not one (the demo's) gets a derived GUID, mapped back on import.
  const codes = bundle.codes.map((c) => ({ ...c, id: guidOf('code', c.id), parentId: c.parentId === null ? null : refiGuid('code', c.parentId) }));
  const problems = checkWritable(codes);
  if (codes.length > 0 && problems.length > 0) return err(problems);
  const memos = memoXml(bundle, userOf, { thread: (id) => postsByThread.has(id), post: (id) => postsById.has(id) });
  const codeNotes = new Map([...memos.codes].map(([id, notes]) => [codeGuidOf.get(id) ?? refiGuid('code', id), notes]));
  if (codes.length > 0) lines('  <CodeBook>', '    <Codes>', ...codeElementLines(codes, 3, codeNotes), '    </Codes>', '  </CodeBook>');

  const attributes = attributeXml(bundle, (threadId) => refiGuid('thread', threadId), '  ');
  lines(...attributes.variables, ...attributes.cases);

  const sources: QdpxParts['sources'] = [];
  const layoutSources: QdpxLayoutFile['sources'] = [];
  const notes: string[] = [...memos.notes];
  const threads = bundle.threads.filter((t) => postsByThread.has(t.id));
  if (threads.length > 0) lines('  <Sources>');
  for (const thread of threads) {
    const posts = postsByThread.get(thread.id)!;
    const layout = layOutThread(posts);
    const guid = guidOf('thread', thread.id);
    const path = `${guid}.txt`;
    sources.push({ path, threadTitle: thread.title, text: layout.text });
    layoutSources.push({ guid, thread, posts: posts.map((post, i) => laidPost(post, layout.posts[i]!.end - layout.posts[i]!.start)) });
    const when = xsdDateTime(thread.importedAt);
    lines(`    <TextSource guid="${guid}" name="${escapeXmlAttribute(thread.title)}" plainTextPath="internal://${path}"${when ? ` creationDateTime="${when}"` : ''}>`);
    posts.forEach((post, i) => {
      for (const coding of codingsByPost.get(post.id) ?? []) {
        const [start, end] = positionsOf(coding, post, layout.posts[i]!, options.positions);
        const user = userOf.get(coding.coderId);
        const by = user ? ` creatingUser="${user}"` : '';
        const at = timeOf(coding.createdAt);
        const stamp = `${by}${at ? ` creationDateTime="${at}"` : ''}`;
        // The id read as a GUID once, for the coding's GUID and its selection's and note's.
        const canonical = normalizeGuid(coding.id);
        const codingGuid = canonical === coding.id ? canonical : guidOf('coding', coding.id);
        // Who and when once, on the Coding (a reader takes the selection's only when the Coding has none).
        // One string of five or six lines per coding: a string per line was 1.2 million of them.
        const head = `      <PlainTextSelection guid="${partGuid('selection', coding.id, canonical)}" startPosition="${start}" endPosition="${end}">\n        <Coding guid="${codingGuid}"${stamp}>\n          <CodeRef targetGUID="${codeGuidOf.get(coding.codeId) ?? refiGuid('code', coding.codeId)}"/>`;
        if (coding.memo !== '') {
          const note = partGuid('note', coding.id, canonical);
          writer.line(`${head}\n          <NoteRef targetGUID="${note}"/>\n        </Coding>\n      </PlainTextSelection>`);
          notes.push(`    <Note guid="${note}" name="Memo"${stamp}>\n      <PlainTextContent>${escapeXmlText(coding.memo)}</PlainTextContent>\n    </Note>`);
        } else writer.line(`${head}\n        </Coding>\n      </PlainTextSelection>`);
      }
      // Relation ends: selections without a coding, which the project's Links join.
      for (const end of relationEnds.get(post.id) ?? []) {
        const [start, stop] = positionsOf({ start: end.start, end: end.end }, post, layout.posts[i]!, options.positions);
        const user = userOf.get(end.coderId);
        const at = timeOf(end.createdAt);
        lines(`      <PlainTextSelection guid="${end.guid}" name="${escapeXmlAttribute(end.name)}" startPosition="${start}" endPosition="${stop}"${user ? ` creatingUser="${user}"` : ''}${at ? ` creationDateTime="${at}"` : ''}/>`);
      }
      // Post memos: a selection over the whole post, with no coding, referring to each coder's note.
      const memo = memos.posts.get(post.id);
      if (memo) {
        const [start, stop] = positionsOf({ start: 0, end: layout.posts[i]!.end - layout.posts[i]!.start }, post, layout.posts[i]!, options.positions);
        lines(`      <PlainTextSelection guid="${memo.selection}" name="Post memo" startPosition="${start}" endPosition="${stop}">`, ...memo.notes.map((n) => `        <NoteRef targetGUID="${n}"/>`), '      </PlainTextSelection>');
      }
    });
    for (const note of memos.threads.get(thread.id) ?? []) lines(`      <NoteRef targetGUID="${note}"/>`);
    lines(...(attributes.threadValues.get(thread.id) ?? []), '    </TextSource>');
  }
  if (threads.length > 0) lines('  </Sources>');
  const links = linkLines(bundle, relationEnds, guidOf, notes);
  if (notes.length > 0) {
    lines('  <Notes>');
    for (const note of notes) writer.line(note); // one by one: a spread of 200,000 memos would pass the argument limit
    lines('  </Notes>');
  }
  lines(...links, ...memos.project.map((n) => `  <NoteRef targetGUID="${n}"/>`), '</Project>');
  const exemplars: Record<string, string[]> = {};
  for (const code of bundle.codes) if (code.exemplarCodingIds.length > 0) exemplars[code.id] = [...code.exemplarCodingIds];
  const records = {
    ...((bundle.attributes ?? []).length > 0 ? { attributes: bundle.attributes } : {}),
    ...((bundle.relationCodes ?? []).length > 0 ? { relationCodes: bundle.relationCodes } : {}),
  };
  return ok({ qde: writer.bytes(), sources, layout: { format: LAYOUT_FORMAT, version: 1, project: bundle.project, ids, exemplars, sources: layoutSources, ...records } });
}

/**
 * The post as the layout file keeps it: without its text (the source holds it), with its length.
 * A spread with `text` undefined, which JSON.stringify leaves out, is several times cheaper than a
 * rest copy (`{ text, ...rest }`) over 100,000 posts and gives the same JSON.
 */
function laidPost(post: Post, length: number): LaidPost {
  return { ...post, text: undefined, length } as Omit<Post, 'text'> as LaidPost;
}

/** The selection's [start, end) in the source, in the unit asked for. */
function positionsOf(coding: Pick<BundleCoding, 'start' | 'end'>, post: Post, laid: LaidOutPost, unit: PositionUnit): [number, number] {
  if (unit === 'code-points') return [laid.start + coding.start, laid.start + coding.end];
  return [laid.start16 + codePointToUtf16(post.text, coding.start), laid.start16 + codePointToUtf16(post.text, coding.end)];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Relations between posts as REFI-QDA `Links` (Project.xsd LinkType): each relation end is a
 * PlainTextSelection in its thread's TextSource (the span, or the whole post), and a Link named
 * after the relation code, `direction="OneWay"`, in its colour, joins the source end's selection
 * (originGUID) to the target end's (targetGUID); a memo is a Note the Link refers to.
 */
import type { Bundle } from '../bundle/bundle';
import type { Post, Relation, RelationEnd } from '../model/records';
import { codePointLength } from '../text/offsets';
import { escapeXmlAttribute, escapeXmlText } from '../codebook/refi/xml-text';
import { partGuidOf } from './refi-guid';

export interface RelationEndSelection {
  guid: string;
  /** Code points in the post's text, end exclusive. */
  start: number;
  end: number;
  name: string;
  /** The relation's coder and time: written on the selection, as a Link has no creator of its own. */
  coderId: string;
  createdAt: string;
}

const endOf = (e: RelationEnd, post: Post): { start: number; end: number } => (e.start === undefined || e.end === undefined ? { start: 0, end: codePointLength(post.text) } : { start: e.start, end: e.end });

/** Per post id, the selections the relation ends in it become (whole-post ends of an empty post are left out). */
export function relationEndSelections(bundle: Pick<Bundle, 'posts' | 'relations' | 'relationCodes'>): Map<string, RelationEndSelection[]> {
  const relations = bundle.relations ?? [];
  const out = new Map<string, RelationEndSelection[]>();
  if (relations.length === 0) return out;
  const wanted = new Set(relations.flatMap((r) => [r.from.postId, r.to.postId]));
  const posts = new Map(bundle.posts.filter((p) => wanted.has(p.id)).map((p) => [p.id, p]));
  const names = new Map((bundle.relationCodes ?? []).map((c) => [c.id, c.name]));
  for (const r of relations) {
    for (const side of ['from', 'to'] as const) {
      const post = posts.get(r[side].postId);
      if (!post) continue;
      const { start, end } = endOf(r[side], post);
      if (start >= end) continue;
      const list = out.get(post.id) ?? [];
      list.push({ guid: selectionGuid(r, side), start, end, name: `${names.get(r.relationCodeId) ?? 'relation'} (${side === 'from' ? 'source' : 'target'})`, coderId: r.coderId, createdAt: r.createdAt });
      out.set(post.id, list);
    }
  }
  return out;
}

const selectionGuid = (r: Relation, side: 'from' | 'to'): string => partGuidOf(`relation-${side}`, r.id);

/** The `<Links>` element's lines (none without relations); memo notes are pushed onto `notes`. */
export function linkLines(bundle: Pick<Bundle, 'relations' | 'relationCodes'>, ends: ReadonlyMap<string, RelationEndSelection[]>, guidOf: (kind: string, id: string) => string, notes: string[]): string[] {
  const relations = bundle.relations ?? [];
  const written = new Set([...ends.values()].flat().map((e) => e.guid));
  const codes = new Map((bundle.relationCodes ?? []).map((c) => [c.id, c]));
  const lines: string[] = [];
  for (const r of relations) {
    const origin = selectionGuid(r, 'from');
    const target = selectionGuid(r, 'to');
    if (!written.has(origin) || !written.has(target)) continue;
    const code = codes.get(r.relationCodeId);
    const attrs = `guid="${guidOf('relation', r.id)}" name="${escapeXmlAttribute(code?.name ?? 'relation')}" direction="OneWay"${code ? ` color="${code.color}"` : ''} originGUID="${origin}" targetGUID="${target}"`;
    if (r.memo === '') {
      lines.push(`    <Link ${attrs}/>`);
      continue;
    }
    const note = partGuidOf('relation-note', r.id);
    notes.push(`    <Note guid="${note}" name="Relation memo">`, `      <PlainTextContent>${escapeXmlText(r.memo)}</PlainTextContent>`, '    </Note>');
    lines.push(`    <Link ${attrs}>`, `      <NoteRef targetGUID="${note}"/>`, '    </Link>');
  }
  return lines.length === 0 ? [] : ['  <Links>', ...lines, '  </Links>'];
}

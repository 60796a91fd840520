/**
 * A read .qdpx's Variables, Cases, Links and notes → attributes and their values, memos, relation
 * codes and relations (docs/formats.md, "REFI-QDA project (.qdpx)", what is read back).
 * - Variables: Threadmark's own ("Author: …", "Thread: …") come back as author and thread attributes
 *   (records from threadmark-layout.json when present). Another tool's variable with values on sources
 *   or on Cases linked to sources is a thread attribute; its values go to those sources' threads.
 *   Text and Boolean → text, Integer and Float → number, Date → date, DateTime → text as written.
 * - Notes: on the project → project memos; on a code → code memos; on a source → thread memos; on a
 *   selection without codings inside one post → post memos; on nothing at all → project memos. Who wrote
 *   a note is its coder; one memo per target and coder (several notes are joined).
 * - Links between two selections (or one-post sources) that each fall in one post of one thread →
 *   relations, their relation code named by the Link; any other Link is listed by GUID, not dropped.
 */
import { attributeValueId } from '../analysis/attributes/attribute-value';
import { RESERVED_NAMES } from '../analysis/attributes/platform-attributes';
import { defaultCodeColor, normalizeColor } from '../codebook/refi/refi-values';
import type { Attribute, AttributeScope, AttributeType, AttributeValue, Memo, MemoTarget, Relation, RelationCode, RelationEnd } from '../model/records';
import { memoId, memoKey } from '../project/operations/memos';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import { derivedId } from '../util/derived-id';
import { isoOrNull, type PlacementTarget } from './place-codings';
import { chooseConvention, type PositionConvention, type SourceText } from './position-convention';
import type { QdpxProject, QdpxSelection, QdpxTextSource } from './qdpx-project';
import type { QdpxReport } from './qdpx-report';
import type { QdpxVariable, QdpxVariableValue } from './read-qdpx-extras';
import { refiGuid } from './refi-guid';
import { piecesOf } from './thread-layout';

/** A source cut into posts, with what is needed to read its selections' positions. */
export interface PlacedSource {
  source: QdpxTextSource;
  text: SourceText;
  target: PlacementTarget;
}

export interface ExtrasContext {
  project: QdpxProject;
  projectId: string;
  /** Source GUID → the thread it became (every source imported). */
  threadOf: ReadonlyMap<string, string>;
  /** The sources `sourcesWithPlacedParts` named, cut. */
  placed: ReadonlyMap<string, PlacedSource>;
  back(guid: string): string;
  coder(userGuid: string | null): string;
  codeIds: ReadonlySet<string>;
  at: string;
}

export interface ImportedExtras {
  attributes: Attribute[];
  attributeValues: AttributeValue[];
  memos: Memo[];
  relationCodes: RelationCode[];
  relations: Relation[];
}

/** Sources whose selections a Link or a note refers to: only these are kept cut for `importExtras`. */
export function sourcesWithPlacedParts(project: QdpxProject): Set<string> {
  const ends = new Set(project.extras.links.flatMap((l) => [l.origin, l.target]).filter((g) => g !== null));
  const out = new Set<string>();
  for (const source of project.sources) {
    if (ends.has(source.guid) || source.selections.some((s) => ends.has(s.guid) || (s.codings.length === 0 && s.noteGuids.length > 0))) out.add(source.guid);
  }
  return out;
}

export function importExtras(context: ExtrasContext, report: QdpxReport): ImportedExtras {
  const { attributes, attributeValues } = importAttributes(context, report);
  const { relationCodes, relations, linkNotes } = importLinks(context, report);
  return { attributes, attributeValues, memos: importMemos(context, linkNotes, report), relationCodes, relations };
}

const TYPE: Record<QdpxVariable['type'], AttributeType> = { Text: 'text', Boolean: 'text', Integer: 'number', Float: 'number', Date: 'date', DateTime: 'text' };
const OWN_PREFIX = /^(Author|Thread): (.+)$/;

function importAttributes(context: ExtrasContext, report: QdpxReport): { attributes: Attribute[]; attributeValues: AttributeValue[] } {
  const { project, threadOf, back } = context;
  const { variables, cases } = project.extras;
  if (variables.length === 0) return { attributes: [], attributeValues: [] };
  // Threadmark's own: by the GUID its export gave the attribute (derived when its id is not one).
  const own = new Map((project.layout?.attributes ?? []).map((a) => [refiGuid('attribute', a.id), a]));
  const variableOf = new Map(variables.map((v) => [v.guid, v]));
  const onSources = new Set(project.sources.flatMap((s) => s.values.map((v) => v.variableGuid)));
  const attributes = new Map<string, Attribute>();
  const taken: Attribute[] = [];
  for (const variable of variables) {
    const id = back(variable.guid);
    const stored = own.get(variable.guid);
    const prefixed = OWN_PREFIX.exec(variable.name);
    const scope: AttributeScope = stored?.scope ?? (prefixed?.[1] === 'Author' && !onSources.has(variable.guid) ? 'author' : 'thread');
    const attribute: Attribute = stored ?? { id, scope, name: freeName(scope, prefixed ? prefixed[2]!.trim() : variable.name, taken), type: TYPE[variable.type], createdAt: context.at };
    taken.push(attribute);
    attributes.set(variable.guid, attribute);
  }
  const values = new Map<string, AttributeValue>();
  const add = (raw: QdpxVariableValue, subject: string, where: string): void => {
    const attribute = attributes.get(raw.variableGuid);
    const variable = variableOf.get(raw.variableGuid);
    if (!attribute || !variable) {
      report.warnings.push({ file: project.file, record: where, field: 'VariableRef', message: `value of variable ${raw.variableGuid}, which the project does not define: not imported` });
      return;
    }
    const value = valueOf(variable.type, attribute.type, raw.text);
    if (value === undefined) {
      report.warnings.push({ file: project.file, record: where, field: variable.name, message: `${JSON.stringify(raw.text)} is not a valid ${variable.type} value: not imported` });
      return;
    }
    if (value === null) return;
    const id = attributeValueId(attribute.id, subject);
    const before = values.get(id);
    if (before && before.value !== value) {
      report.warnings.push({ file: project.file, record: where, field: variable.name, message: `a second value ${JSON.stringify(raw.text)} for the same ${attribute.scope}: the first, ${JSON.stringify(String(before.value))}, is kept` });
      return;
    }
    values.set(id, { id, attributeId: attribute.id, subject, value, updatedAt: context.at });
  };
  for (const source of project.sources) {
    const threadId = threadOf.get(source.guid);
    if (threadId !== undefined) for (const raw of source.values) add(raw, threadId, `source “${source.name}”`);
  }
  const sourceOfSelection = selectionSources(project);
  for (const c of cases) {
    const where = `case “${c.name || c.guid}”`;
    const authorValues = c.values.filter((v) => attributes.get(v.variableGuid)?.scope === 'author');
    if (authorValues.length > 0) {
      if (c.name === '') report.warnings.push({ file: project.file, record: `case ${c.guid}`, field: 'name', message: 'an author case without a name: its values are not imported' });
      else for (const raw of authorValues) add(raw, c.name, where);
    }
    const threadValues = c.values.filter((v) => attributes.get(v.variableGuid)?.scope !== 'author');
    if (threadValues.length === 0) continue;
    const threads = new Set([...c.sourceGuids, ...c.selectionGuids.flatMap((g) => sourceOfSelection.get(g) ?? [])].flatMap((g) => threadOf.get(g) ?? []));
    if (threads.size === 0) report.warnings.push({ file: project.file, record: where, message: 'the case names no imported source: its values are not imported' });
    for (const threadId of threads) for (const raw of threadValues) add(raw, threadId, where);
  }
  return { attributes: taken, attributeValues: [...values.values()] };
}

/** A value as written → the value to store; null: none (an empty cell); undefined: does not fit. */
function valueOf(written: QdpxVariable['type'], type: AttributeType, text: string): string | number | null | undefined {
  if (text.trim() === '') return null;
  if (written === 'Boolean') return /^(true|1)$/i.test(text) ? 'true' : /^(false|0)$/i.test(text) ? 'false' : undefined;
  if (type === 'number') {
    const n = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
    return Number.isFinite(n) ? n : undefined;
  }
  if (type === 'date') {
    const m = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/.exec(text);
    return m && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)) && new Date(`${m[1]}T00:00:00Z`).toISOString().startsWith(m[1]!) ? m[1] : undefined;
  }
  return text;
}

/** The name, or the name with " (2)", " (3)"… when a platform attribute or an earlier variable has it. */
function freeName(scope: AttributeScope, name: string, taken: readonly Attribute[]): string {
  const base = name.replace(/\s+/g, ' ').trim().slice(0, 90) || 'Variable';
  const used = (n: string): boolean => RESERVED_NAMES[scope].has(n.toLowerCase()) || taken.some((a) => a.scope === scope && a.name.toLowerCase() === n.toLowerCase());
  let candidate = base;
  for (let i = 2; used(candidate); i++) candidate = `${base} (${i})`;
  return candidate;
}

function selectionSources(project: QdpxProject): Map<string, string> {
  const out = new Map<string, string>();
  for (const source of project.sources) for (const s of source.selections) out.set(s.guid, source.guid);
  return out;
}

/** A selection's place: one post (whole or a span), or why not. */
type Placed = { ok: true; threadId: string; end: RelationEnd } | { ok: false; reason: string };

function placeSelection(context: ExtrasContext, sourceGuid: string, selection: QdpxSelection | null, conventions: Map<string, PositionConvention>): Placed {
  const placed = context.placed.get(sourceGuid);
  const threadId = context.threadOf.get(sourceGuid);
  if (!placed || threadId === undefined) return { ok: false, reason: `its source ${sourceGuid} was not imported` };
  const { text, target, source } = placed;
  if (selection === null) {
    if (target.spans.length !== 1) return { ok: false, reason: `it is the whole source “${source.name}”, which is ${target.spans.length} posts` };
    return { ok: true, threadId, end: { postId: target.spans[0]!.postId } };
  }
  let convention = conventions.get(sourceGuid);
  if (convention === undefined) conventions.set(sourceGuid, (convention = chooseConvention(context.project.origin, text, source.selections).convention));
  const start = text.toLfCodePoint(selection.start, convention);
  const end = text.toLfCodePoint(selection.end, convention);
  if (start === null || end === null || end <= start) return { ok: false, reason: `selection ${selection.guid} (${selection.start}–${selection.end}) does not fit the text of “${source.name}”` };
  const pieces = piecesOf({ posts: target.spans }, start, end);
  if (pieces.length !== 1) return { ok: false, reason: pieces.length === 0 ? `selection ${selection.guid} covers only header lines or the space between posts` : `selection ${selection.guid} crosses ${pieces.length} posts` };
  const piece = pieces[0]!;
  const postText = target.postText.get(piece.postId) ?? '';
  if (piece.start === 0 && piece.end === codePointLength(postText)) return { ok: true, threadId, end: { postId: piece.postId } };
  return { ok: true, threadId, end: { postId: piece.postId, start: piece.start, end: piece.end, quote: sliceCodePoints(postText, piece.start, piece.end) } };
}

export function importLinks(context: ExtrasContext, report: QdpxReport): { relationCodes: RelationCode[]; relations: Relation[]; linkNotes: Set<string> } {
  const { project, back } = context;
  const linkNotes = new Set<string>();
  const codes = new Map<string, RelationCode>();
  for (const code of project.layout?.relationCodes ?? []) codes.set(code.name.toLowerCase(), code);
  const relations: Relation[] = [];
  if (project.extras.links.length === 0) return { relationCodes: [...codes.values()], relations, linkNotes };
  const selections = new Map<string, { sourceGuid: string; selection: QdpxSelection }>();
  for (const source of project.sources) for (const selection of source.selections) selections.set(selection.guid, { sourceGuid: source.guid, selection });
  const sourceGuids = new Set(project.sources.map((s) => s.guid));
  const conventions = new Map<string, PositionConvention>();
  const unplaced = (guid: string, name: string, reason: string): void => {
    report.unplacedLinks.push({ guid, name, reason });
  };
  for (const link of project.extras.links) {
    for (const g of link.noteGuids) linkNotes.add(g);
    const ends: Placed[] = [];
    for (const guid of [link.origin, link.target]) {
      const selection = guid === null ? undefined : selections.get(guid);
      if (selection) ends.push(placeSelection(context, selection.sourceGuid, selection.selection, conventions));
      else if (guid !== null && sourceGuids.has(guid)) ends.push(placeSelection(context, guid, null, conventions));
      else ends.push({ ok: false, reason: guid === null ? 'an end is missing' : `its end ${guid} is not a text selection or text source (a code, case or note cannot be an end of a relation between posts)` });
    }
    const [from, to] = ends as [Placed, Placed];
    if (!from.ok || !to.ok) {
      unplaced(link.guid, link.name, (!from.ok ? from : (to as { reason: string })).reason);
      continue;
    }
    if (from.threadId !== to.threadId) {
      unplaced(link.guid, link.name, 'its ends are in different threads');
      continue;
    }
    if (from.end.postId === to.end.postId) {
      unplaced(link.guid, link.name, 'both ends are in the same post');
      continue;
    }
    const name = link.name || 'Linked';
    let code = codes.get(name.toLowerCase());
    if (!code) {
      code = { id: derivedId('qdpx-relation-code', name.toLowerCase()), name, definition: '', color: normalizeColor(link.color ?? '')?.color ?? defaultCodeColor(codes.size), order: codes.size, createdAt: context.at };
      codes.set(name.toLowerCase(), code);
    }
    const origin = selections.get(link.origin!)?.selection ?? null;
    const createdAt = isoOrNull(origin?.createdAt ?? null) ?? context.at;
    const memo = link.noteGuids.map((g) => project.notes.get(g) ?? '').filter((t) => t !== '').join('\n\n');
    relations.push({ id: back(link.guid), relationCodeId: code.id, coderId: context.coder(origin?.user ?? null), threadId: from.threadId, from: from.end, to: to.end, memo, createdAt, updatedAt: context.at });
  }
  return { relationCodes: [...codes.values()], relations, linkNotes };
}

export function importMemos(context: ExtrasContext, linkNotes: ReadonlySet<string>, report: QdpxReport): Memo[] {
  const { project } = context;
  const { notes } = project;
  if (notes.size === 0) return [];
  const { noteInfo, projectNoteGuids, codeNoteGuids } = project.extras;
  const used = new Set(linkNotes);
  const memos = new Map<string, Memo>();
  const add = (target: MemoTarget, noteGuid: string): void => {
    used.add(noteGuid);
    const text = notes.get(noteGuid);
    if (text === undefined || text.trim() === '') return;
    const info = noteInfo.get(noteGuid);
    const coderId = context.coder(info?.user ?? null);
    const key = memoKey({ target, coderId });
    const before = memos.get(key);
    if (before) {
      memos.set(key, { ...before, text: `${before.text}\n\n${text}` });
      return;
    }
    const createdAt = isoOrNull(info?.createdAt ?? null) ?? context.at;
    memos.set(key, { id: memoId(target, coderId), target, coderId, text, createdAt, updatedAt: isoOrNull(info?.modifiedAt ?? null) ?? createdAt });
  };
  const projectTarget: MemoTarget = { kind: 'project', id: context.projectId };
  for (const g of projectNoteGuids) add(projectTarget, g);
  for (const [codeGuid, refs] of codeNoteGuids) {
    const codeId = context.back(codeGuid);
    for (const g of refs) {
      if (context.codeIds.has(codeId)) add({ kind: 'code', id: codeId }, g);
      else used.add(g);
    }
  }
  const conventions = new Map<string, PositionConvention>();
  for (const source of project.sources) {
    const threadId = context.threadOf.get(source.guid);
    for (const selection of source.selections) {
      for (const g of selection.noteGuids) used.add(g);
      for (const c of selection.codings) for (const g of c.noteGuids) used.add(g);
      if (threadId === undefined || selection.codings.length > 0 || selection.noteGuids.length === 0) continue;
      const placed = placeSelection(context, source.guid, selection, conventions);
      if (!placed.ok) {
        report.warnings.push({ file: project.file, record: `source “${source.name}”`, field: 'NoteRef', message: `a note on ${placed.reason.replace(/^selection \S+ /, `selection ${selection.guid} `)}: kept as a memo on the thread` });
        for (const g of selection.noteGuids) add({ kind: 'thread', id: threadId }, g);
        continue;
      }
      for (const g of selection.noteGuids) add({ kind: 'post', id: placed.end.postId }, g);
    }
    if (threadId !== undefined) for (const g of source.noteGuids) add({ kind: 'thread', id: threadId }, g);
    else for (const g of source.noteGuids) used.add(g);
  }
  // Notes nothing refers to (memos in NVivo, MAXQDA and ATLAS.ti): memos on the project.
  for (const g of notes.keys()) if (!used.has(g)) add(projectTarget, g);
  return [...memos.values()];
}

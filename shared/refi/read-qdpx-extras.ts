/**
 * The parts of a project.qde beyond sources and codings: Variables and their values (on sources
 * and on Cases), Cases, Links, and where Notes hang (the project, a code, a source; who wrote each
 * and when). Read as written; qdpx-extras-import.ts decides what each becomes.
 */
import { normalizeGuid } from '../codebook/refi/refi-values';
import { childrenNamed, type XmlElement } from '../codebook/refi/xml-element';

/** REFI-QDA 1.5 typeOfVariable. */
export type QdpxVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface QdpxVariable {
  guid: string;
  name: string;
  type: QdpxVariableType;
}

export interface QdpxVariableValue {
  variableGuid: string;
  /** The value element's text as written (TextValue, BooleanValue…), trimmed unless a TextValue. */
  text: string;
}

export interface QdpxCase {
  guid: string;
  name: string;
  values: QdpxVariableValue[];
  sourceGuids: string[];
  selectionGuids: string[];
}

export interface QdpxLink {
  guid: string;
  name: string;
  direction: string | null;
  color: string | null;
  origin: string | null;
  target: string | null;
  noteGuids: string[];
}

export interface QdpxNoteInfo {
  name: string;
  user: string | null;
  createdAt: string | null;
  modifiedAt: string | null;
}

export interface QdpxExtras {
  variables: QdpxVariable[];
  cases: QdpxCase[];
  links: QdpxLink[];
  /** Note GUID → who wrote it and when (its text is in QdpxProject.notes). */
  noteInfo: Map<string, QdpxNoteInfo>;
  /** Notes the Project element refers to: memos on the project as a whole. */
  projectNoteGuids: string[];
  /** Code GUID → the notes the Code refers to. */
  codeNoteGuids: Map<string, string[]>;
}

const TYPES = new Set<QdpxVariableType>(['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime']);
const VALUE_ELEMENTS = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];

const guidOf = (element: XmlElement, name: string): string | null => normalizeGuid(element.attributes.get(name) ?? '');

export function noteRefsOf(element: XmlElement): string[] {
  return childrenNamed(element, 'NoteRef').flatMap((ref) => guidOf(ref, 'targetGUID') ?? []);
}

export function variableValuesOf(element: XmlElement): QdpxVariableValue[] {
  return childrenNamed(element, 'VariableValue').flatMap((value) => {
    const ref = childrenNamed(value, 'VariableRef')[0];
    const variableGuid = ref ? guidOf(ref, 'targetGUID') : null;
    const written = value.children.find((c) => VALUE_ELEMENTS.includes(c.name));
    if (variableGuid === null || !written) return [];
    return [{ variableGuid, text: written.name === 'TextValue' ? written.text : written.text.trim() }];
  });
}

export function readQdpxExtras(project: XmlElement): QdpxExtras {
  const all = (outer: string, inner: string): XmlElement[] => childrenNamed(project, outer).flatMap((e) => childrenNamed(e, inner));
  const variables = all('Variables', 'Variable').flatMap((v) => {
    const guid = guidOf(v, 'guid');
    const type = v.attributes.get('typeOfVariable') as QdpxVariableType | undefined;
    const name = (v.attributes.get('name') ?? '').trim();
    return guid === null || name === '' ? [] : [{ guid, name, type: type !== undefined && TYPES.has(type) ? type : 'Text' }];
  });
  const cases = all('Cases', 'Case').flatMap((c) => {
    const guid = guidOf(c, 'guid');
    if (guid === null) return [];
    const refs = (name: string): string[] => childrenNamed(c, name).flatMap((r) => guidOf(r, 'targetGUID') ?? []);
    return [{ guid, name: (c.attributes.get('name') ?? '').trim(), values: variableValuesOf(c), sourceGuids: refs('SourceRef'), selectionGuids: refs('SelectionRef') }];
  });
  const links = all('Links', 'Link').flatMap((l) => {
    const guid = guidOf(l, 'guid');
    if (guid === null) return [];
    return [{ guid, name: (l.attributes.get('name') ?? '').trim(), direction: l.attributes.get('direction') ?? null, color: l.attributes.get('color') ?? null, origin: guidOf(l, 'originGUID'), target: guidOf(l, 'targetGUID'), noteGuids: noteRefsOf(l) }];
  });
  const noteInfo = new Map<string, QdpxNoteInfo>();
  for (const note of all('Notes', 'Note')) {
    const guid = guidOf(note, 'guid');
    if (guid !== null) noteInfo.set(guid, { name: note.attributes.get('name') ?? '', user: guidOf(note, 'creatingUser'), createdAt: note.attributes.get('creationDateTime') ?? null, modifiedAt: note.attributes.get('modifiedDateTime') ?? null });
  }
  const codeNoteGuids = new Map<string, string[]>();
  const walk = (code: XmlElement): void => {
    const guid = guidOf(code, 'guid');
    const refs = noteRefsOf(code);
    if (guid !== null && refs.length > 0) codeNoteGuids.set(guid, refs);
    for (const child of childrenNamed(code, 'Code')) walk(child);
  };
  for (const codes of childrenNamed(project, 'CodeBook').flatMap((b) => childrenNamed(b, 'Codes'))) for (const code of childrenNamed(codes, 'Code')) walk(code);
  return { variables, cases, links, noteInfo, projectNoteGuids: noteRefsOf(project), codeNoteGuids };
}

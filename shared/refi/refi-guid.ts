/**
 * Threadmark ids → REFI-QDA GUIDs. Ours are UUIDs and go out as they are (lower case), so a code,
 * coder or coding keeps its GUID across every export; an id that is not one (the `consensus` coder,
 * the demo's ids) gets a GUID derived from it, the same every time. `kind` keeps a coding's
 * selection, coding and note GUIDs apart.
 */
import { normalizeGuid } from '../codebook/refi/refi-values';
import { derivedId } from '../util/derived-id';

export function refiGuid(kind: string, id: string): string {
  return normalizeGuid(id) ?? derivedId('refi', kind, id);
}

const PART_VERSION: Readonly<Record<'selection' | 'note', string>> = { selection: 'a', note: 'b' };

/**
 * A GUID made for a part Threadmark has no record of its own for (a coding's selection, its memo
 * note). From a GUID id: the same GUID with another version digit (a, b: no UUID version mints
 * those, so it cannot be another record's), which is cheap for 200,000 codings; otherwise derived.
 * `guid`: normalizeGuid(id), when the caller has it already.
 */
export function partGuid(kind: 'selection' | 'note', id: string, guid = normalizeGuid(id)): string {
  const version = PART_VERSION[kind];
  if (guid !== null && guid[14] !== 'a' && guid[14] !== 'b') return `${guid.slice(0, 14)}${version}${guid.slice(15)}`;
  return derivedId('refi', kind, id);
}

/** `2024-03-01T10:00:00.000Z` → `2024-03-01T10:00:00Z` (xsd:dateTime as tools write it); null when not an ISO time. */
export function xsdDateTime(iso: string | null | undefined): string | null {
  if (typeof iso !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return match ? `${match[1]}${match[3]}` : null;
}

/** A GUID for something Threadmark has no id for (an author as a Case): derived from its kind and name. */
export function partGuidOf(kind: string, name: string): string {
  return derivedId('refi', kind, name);
}

/**
 * One readable sentence for any change to one code, for the codebook's change log and the import
 * preview: "Renamed “Derailing” to “Derailment”, moved it under “Fallacy” and changed its definition".
 * The first clause names the code; later ones say "it", as a person writing the log would.
 */
import type { Code } from '../model/records';
import { DIFFED_FIELDS, FIELD_LABELS, sameFieldValue, type DiffedField } from './code-field-values';

/** Fields reported together as "Changed the … of": everything but the ones with their own verb. */
const PLAIN_FIELDS: ReadonlyArray<DiffedField | 'exemplarCodingIds'> = [
  ...DIFFED_FIELDS.filter((f) => f !== 'codable' && f !== 'retired'),
  'exemplarCodingIds',
];

interface Clause {
  /** The clause that opens the sentence, naming the code. */
  first: (name: string) => string;
  /** The same clause later in the sentence, where the code is "it". */
  later: string;
}

export const quoted = (text: string): string => `“${text}”`;

/**
 * `before` null: the code was added; `after` null: it was deleted. `codesById` names parents
 * (it should hold the parents of both versions; an unknown parent is said to be "not in the codebook").
 */
export function describeCodeChange(before: Code | null, after: Code | null, codesById: ReadonlyMap<string, Code>): string {
  if (before === null && after === null) return 'No change';
  if (before === null) return `Added ${quoted(after!.name)} ${placeOf(after!.parentId, codesById, 'at')}`;
  if (after === null) return `Deleted ${quoted(before.name)}`;

  const clauses = changeClauses(before, after, codesById);
  if (clauses.length === 0) return before.order !== after.order ? `Reordered ${quoted(after.name)}` : `No change to ${quoted(after.name)}`;
  const [head, ...rest] = clauses;
  return joinList([head!.first(after.name), ...rest.map((c) => c.later)]);
}

function changeClauses(before: Code, after: Code, codesById: ReadonlyMap<string, Code>): Clause[] {
  const clauses: Clause[] = [];
  if (before.name !== after.name) clauses.push({ first: () => `Renamed ${quoted(before.name)} to ${quoted(after.name)}`, later: '' });
  if ((before.parentId ?? null) !== (after.parentId ?? null)) {
    const place = placeOf(after.parentId, codesById, 'to');
    clauses.push({ first: (name) => `Moved ${quoted(name)} ${place}`, later: `moved it ${place}` });
  }
  const fields = fieldList(PLAIN_FIELDS.filter((f) => !sameFieldValue(f, before, after)));
  if (fields !== '') clauses.push({ first: (name) => `Changed the ${fields} of ${quoted(name)}`, later: `changed its ${fields}` });
  if (before.retired !== after.retired) {
    clauses.push(
      after.retired
        ? { first: (name) => `Retired ${quoted(name)}`, later: 'retired it' }
        : { first: (name) => `Brought ${quoted(name)} back into use`, later: 'brought it back into use' },
    );
  }
  if (before.codable !== after.codable) {
    clauses.push(
      after.codable
        ? { first: (name) => `Made ${quoted(name)} codable`, later: 'made it codable' }
        : { first: (name) => `Made ${quoted(name)} a category (not codable)`, later: 'made it a category (not codable)' },
    );
  }
  return clauses;
}

/** "under “Fallacy”", or "to the top level" / "at the top level". */
function placeOf(parentId: string | null, codesById: ReadonlyMap<string, Code>, topLevel: 'at' | 'to'): string {
  if (parentId === null) return `${topLevel} the top level`;
  const parent = codesById.get(parentId);
  return parent ? `under ${quoted(parent.name)}` : 'under a code not in the codebook';
}

/** "definition, inclusion and exclusion criteria, and colour": the two criteria share one noun. */
function fieldList(fields: ReadonlyArray<DiffedField | 'exemplarCodingIds'>): string {
  const labels = fields.map((f) => FIELD_LABELS[f]);
  const both = labels.indexOf(FIELD_LABELS.inclusion);
  if (both !== -1 && labels[both + 1] === FIELD_LABELS.exclusion) labels.splice(both, 2, 'inclusion and exclusion criteria');
  return joinList(labels);
}

/** "a", "a and b", "a, b, and c". */
function joinList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

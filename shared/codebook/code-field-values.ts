/**
 * The structured fields of a code that travel between codebooks, how two values of one are
 * compared, and how a sentence names them. Shared by the codebook diff and describeCodeChange so
 * "changed" means the same thing in the import preview and in the change log.
 */
import type { Code } from '../model/records';

/**
 * Fields a codebook diff compares, in the order entries list them. Name and parent are diffed
 * separately (renamed, moved); `exemplarCodingIds` point at this project's codings and `order` is
 * only a position among siblings, so neither is ever diffed.
 */
export const DIFFED_FIELDS = ['definition', 'inclusion', 'exclusion', 'examples', 'color', 'shortcut', 'codable', 'retired'] as const;
export type DiffedField = (typeof DIFFED_FIELDS)[number];

/** How a sentence names a field: "Changed the exclusion criteria of …". */
export const FIELD_LABELS: Record<DiffedField | 'exemplarCodingIds', string> = {
  definition: 'definition',
  inclusion: 'inclusion criteria',
  exclusion: 'exclusion criteria',
  examples: 'examples',
  color: 'colour',
  shortcut: 'shortcut',
  codable: 'codability',
  retired: 'retirement',
  exemplarCodingIds: 'exemplars',
};

/**
 * Line endings and surrounding white space are not a change a researcher can see or means: a file
 * from another tool with CRLF must not mark every definition as changed.
 */
const normalizeText = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

/** Whether `a` and `b` hold the same value of `field` (colours compare without letter case). */
export function sameFieldValue(field: DiffedField | 'exemplarCodingIds', a: Code, b: Code): boolean {
  switch (field) {
    case 'definition':
    case 'inclusion':
    case 'exclusion':
      return normalizeText(a[field]) === normalizeText(b[field]);
    case 'examples':
      return a.examples.length === b.examples.length && a.examples.every((x, i) => normalizeText(x) === normalizeText(b.examples[i] ?? ''));
    case 'exemplarCodingIds':
      return a.exemplarCodingIds.length === b.exemplarCodingIds.length && a.exemplarCodingIds.every((x, i) => x === b.exemplarCodingIds[i]);
    case 'color':
      return a.color.toLowerCase() === b.color.toLowerCase();
    case 'shortcut':
      return (a.shortcut || null) === (b.shortcut || null);
    case 'codable':
    case 'retired':
      return a[field] === b[field];
  }
}

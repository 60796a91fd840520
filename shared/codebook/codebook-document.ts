/**
 * What the Markdown and HTML codebooks say the same way: the heading line, the field labels and
 * the notes on categories and retired codes, so both documents read alike in a paper's appendix.
 */
import type { Code } from '../model/records';

export interface CodebookDocumentOptions {
  title: string;
  /** ISO 8601 UTC, passed in: shared/ is deterministic. */
  generatedAt: string;
}

/** The text fields of a code in the order a codebook entry lists them, with their headings. */
export const DOCUMENT_TEXT_FIELDS = [
  ['definition', 'Definition'],
  ['inclusion', 'Inclusion criteria'],
  ['exclusion', 'Exclusion criteria'],
] as const satisfies ReadonlyArray<readonly [keyof Code, string]>;

export const EXAMPLES_LABEL = 'Examples';

/** "2025-03-12T14:03:27.000Z" → "2025-03-12 14:03 UTC"; anything else is shown as given. */
export function formatGeneratedAt(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** "12 codes, 2 retired" */
export function codebookSummary(codes: readonly Code[]): string {
  const retired = codes.filter((c) => c.retired).length;
  const count = `${codes.length} ${codes.length === 1 ? 'code' : 'codes'}`;
  return retired > 0 ? `${count}, ${retired} retired` : count;
}

/** Why a code is not offered like the others; empty for an ordinary code. */
export function codeNotes(code: Code): string[] {
  const notes: string[] = [];
  if (!code.codable) notes.push('Category: groups other codes and is not applied to text.');
  if (code.retired) notes.push('Retired: no longer offered for coding; existing codings are kept.');
  return notes;
}

/** Examples without the blank entries a form may leave behind. */
export const documentExamples = (code: Code): string[] => code.examples.map((e) => e.trim()).filter((e) => e !== '');

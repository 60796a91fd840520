/** What reading a REFI-QDA codebook gives, and the limits that keep a hostile file harmless. */
import type { Code } from '../../model/records';
import type { Problem } from '../../problem/problem';
import type { DiffedField } from '../code-field-values';
import { MAX_CODE_DEPTH } from '../code-limits';

export interface ImportedCodebook {
  /** Every code in document order, parents before their children; ids are the file's GUIDs (lower case). */
  codes: Code[];
  /** Read anyway, worth telling: an unexpected namespace, a colour replaced, sets or memos not imported… */
  warnings: Problem[];
  /** The producing tool as the file names it (`origin`), or null. */
  origin: string | null;
  /** Per code id, fields the file does not give (unknown-fields.ts): a diff leaves them alone. */
  unknownFields: Map<string, DiffedField[]>;
}

export interface XmlLimits {
  /** The largest XML document read, in bytes (UTF-16 code units for a string). */
  maxBytes: number;
  /** The deepest element nesting read (a codebook four levels deep nests about 7). */
  maxDepth: number;
}

export interface QdpxLimits {
  /** The largest archive read, in bytes. */
  maxArchiveBytes: number;
  /** The most entries an archive may list (sources, the .qde, folders). */
  maxEntries: number;
  /** The largest `.qde` inflated, declared or actual, in bytes. */
  maxQdeBytes: number;
  maxDepth: number;
}

// Element nesting: the code tree's own cap (code-limits.ts) plus the elements around it, so a code
// too deep is refused by the code rule, which names it, before the parser's blunter limit.
export const DEFAULT_QDC_LIMITS: XmlLimits = { maxBytes: 50 * 1024 * 1024, maxDepth: MAX_CODE_DEPTH + 4 };

// A .qde also holds every selection of every source: docs/reliability.md, "Zip archives (.qdpx)".
export const DEFAULT_QDPX_LIMITS: QdpxLimits = {
  maxArchiveBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 20_000,
  maxQdeBytes: 200 * 1024 * 1024,
  maxDepth: MAX_CODE_DEPTH + 8,
};

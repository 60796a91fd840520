/**
 * What a REFI-QDA codebook from another tool cannot say. REFI has one `Description`; only
 * Threadmark writes criteria, examples, a shortcut and the retired flag into it (description-
 * layout.ts). From any other tool those fields are unknown, not empty, so a diff against the
 * project's codebook must not offer to empty them.
 */
import type { Code } from '../../model/records';
import type { DiffedField } from '../code-field-values';

const ONLY_THREADMARK_WRITES: readonly DiffedField[] = ['inclusion', 'exclusion', 'examples', 'shortcut', 'retired'];

export function refiUnknownFields(codes: readonly Code[], origin: string | null): Map<string, DiffedField[]> {
  if (origin !== null && /^Threadmark\b/.test(origin)) return new Map();
  return new Map(codes.map((c) => [c.id, [...ONLY_THREADMARK_WRITES]]));
}

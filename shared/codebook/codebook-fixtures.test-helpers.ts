/** Codes for the codebook tests: every field at its default unless a test sets it. */
import { EMPTY_CODE_FIELDS, type Code } from '../model/records';
import type { IdSource } from '../util/clock';

export function code(id: string, name: string, parentId: string | null = null, fields: Partial<Code> = {}): Code {
  return { ...EMPTY_CODE_FIELDS, id, name, parentId, color: '#336699', order: 0, ...fields, examples: [...(fields.examples ?? [])], exemplarCodingIds: [...(fields.exemplarCodingIds ?? [])] };
}

/** Ids "new-1", "new-2"… in call order. */
export function countingIds(prefix = 'new'): IdSource {
  let n = 0;
  return { newId: () => `${prefix}-${++n}` };
}

export const byId = (codes: readonly Code[]): Map<string, Code> => new Map(codes.map((c) => [c.id, c]));

/** Small codebooks and codings for the planning tests. */
import { EMPTY_CODE_FIELDS, type Code, type Coding } from '../model/records';

export function code(id: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code {
  return { id, name: id.toUpperCase(), parentId, color: '#336699', order, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [], ...extra };
}

export function coding(id: string, codeId: string, coderId: string, postId: string, start: number, end: number, memo = ''): Coding {
  const at = '2025-01-01T00:00:00.000Z';
  return { id, postId, threadId: 't', codeId, coderId, start, end, quote: 'x'.repeat(end - start), memo, createdAt: at, updatedAt: at };
}

/**
 *   a
 *     a1
 *     a2
 *       a2x
 *   b
 *   c
 */
export function tree(): Code[] {
  return [code('a', null, 0), code('a1', 'a', 0), code('a2', 'a', 1), code('a2x', 'a2', 0), code('b', null, 1), code('c', null, 2)];
}

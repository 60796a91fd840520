import { describe, expect, it } from 'vitest';

import { codeProblem } from '@shared/codebook/codebook-problem';
import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';

import { problemText } from './problem-text';

const code: Code = { ...EMPTY_CODE_FIELDS, id: 'c-1', name: 'Derailing', parentId: null, order: 0, color: '#000000', examples: [], exemplarCodingIds: [] };

describe('problemText', () => {
  it('names the code by its name, without its id or the field', () => {
    expect(problemText(codeProblem(code, 'parentId', 'cannot outdent a top-level code'))).toBe('“Derailing”: cannot outdent a top-level code');
  });

  it('keeps other records, and says codebook-wide problems as a sentence', () => {
    expect(problemText({ record: 'coding k-3', field: 'id', message: 'changed since' })).toBe('Coding k-3: changed since');
    expect(problemText({ record: 'codebook', field: 'coderId', message: 'no coder is chosen' })).toBe('No coder is chosen');
    expect(problemText(codeProblem('c-9', 'id', 'unknown code'))).toBe('Code c-9: unknown code');
  });
});

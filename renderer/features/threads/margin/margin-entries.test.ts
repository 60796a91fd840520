import { describe, expect, it } from 'vitest';

import type { Code, Coder, Coding } from '@shared/model/records';
import { EMPTY_CODE_FIELDS } from '@shared/model/records';

import { marginEntries } from './margin-entries';

const code = (id: string, name: string, parentId: string | null = null): Code =>
  ({ ...EMPTY_CODE_FIELDS, id, name, color: '#1f77b4', parentId }) as unknown as Code;
const coding = (id: string, codeId: string, start: number, end: number, coderId = 'ann'): Coding =>
  ({ id, postId: 'p', codeId, coderId, start, end, quote: `q${id}`, memo: '' }) as unknown as Coding;

describe('margin entries', () => {
  const codes = new Map([
    ['q', code('q', 'Questions')],
    ['r', code('r', 'Rhetorical question', 'q')],
    ['c', code('c', 'Claim')],
  ]);
  const coders = new Map<string, Coder>([['ann', { id: 'ann', name: 'Ann' } as Coder]]);

  it('lists a post’s codings by where they start, the longer first at one start', () => {
    const entries = marginEntries([coding('3', 'c', 40, 50), coding('1', 'c', 0, 10), coding('2', 'r', 0, 30)], codes, coders);
    expect(entries.map((e) => e.codingId)).toEqual(['2', '1', '3']);
  });

  it('names each by its code, with the path of its parents, and says who coded it', () => {
    const [entry] = marginEntries([coding('1', 'r', 0, 10)], codes, coders);
    expect(entry).toMatchObject({ name: 'Rhetorical question', path: 'Questions > Rhetorical question', coderName: 'Ann', quote: 'q1', start: 0 });
  });

  it('says so when the code or the coder is gone', () => {
    const [entry] = marginEntries([coding('1', 'gone', 0, 10, 'nobody')], codes, coders);
    expect(entry).toMatchObject({ name: 'deleted code', path: 'deleted code', coderName: 'unknown coder', color: '#999999' });
  });
});

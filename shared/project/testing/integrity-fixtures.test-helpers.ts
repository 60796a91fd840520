/** A damaged project for the integrity check and its repair: one of every kind of finding, and healthy records around them. */
import type { Code, Coding, Post } from '../../model/records';
import { MemoryProjectStore } from '../memory-store';
import { code, post, T0, thread } from './core-fixtures.test-helpers';

export const coding = (id: string, postId: string, codeId: string, start: number, end: number, quote: string, extra: Partial<Coding> = {}): Coding => ({
  id,
  postId,
  threadId: 't-1',
  codeId,
  coderId: 'coder-ada',
  start,
  end,
  quote,
  memo: '',
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

export function damagedProject(): MemoryProjectStore {
  const posts: Post[] = [post('p-1', 'Men are victims too', null), post('p-2', 'What about 👩‍👩‍👧 families?')];
  const codes: Code[] = [
    code('c-ok', 'Whataboutism', { exemplarCodingIds: ['k-good', 'k-gone'] }),
    code('c-orphan', 'Orphan', { parentId: 'c-nowhere' }),
    code('c-loop-a', 'Loop A', { parentId: 'c-loop-b' }),
    code('c-loop-b', 'Loop B', { parentId: 'c-loop-a' }),
    code('c-top', 'Orphan', { order: 3 }),
  ];
  return new MemoryProjectStore({
    project: { id: 'project-1', name: 'Damaged', createdAt: T0 },
    threads: [thread()],
    posts,
    codes,
    coders: [{ id: 'coder-ada', name: 'Ada' }],
    codings: [
      coding('k-good', 'p-1', 'c-ok', 0, 3, 'Men'),
      coding('k-no-post', 'p-9', 'c-ok', 0, 3, 'Men'),
      coding('k-no-code', 'p-1', 'c-gone', 0, 3, 'Men'),
      coding('k-no-coder', 'p-1', 'c-ok', 0, 3, 'Men', { coderId: 'coder-nobody' }),
      coding('k-past-end', 'p-2', 'c-ok', 20, 99, 'x'),
      coding('k-backwards', 'p-2', 'c-ok', 5, 2, 'x'),
      coding('k-thread', 'p-1', 'c-ok', 4, 7, 'are', { threadId: 't-other' }),
      // Code points: the family emoji is 5 of them, so "families" starts at 17.
      coding('k-quote', 'p-2', 'c-ok', 17, 25, 'famili…'),
    ],
  });
}

import { describe, expect, it } from 'vitest';
import type { Coding, Post } from '../model/records';
import { asSyncDoc, homeOf, parseDocId, postPageDocs, recordDoc, POST_PAGE_SIZE } from './doc-mapping';

const coding = (coderId: string): Coding => ({ id: 'c1', postId: 'p1', threadId: 't1', codeId: 'k1', coderId, start: 0, end: 3, quote: 'abc', memo: '', createdAt: '2026-01-01T00:00:00Z' }) as Coding;
const post = (i: number): Post => ({ id: `p${i}`, threadId: 't1', parentId: null, author: 'a', createdAt: null, text: 'x', platform: 'text', platformId: null, url: null, meta: {} });

describe('records as team server documents', () => {
  const names = new Map([['u-alice', 'Alice'], ['u-bob', 'bob']]);

  it('puts each record in the database that decides who reads it', () => {
    expect(homeOf('codings', coding('u-alice'), names)).toEqual({ kind: 'layer', user: 'alice' });
    expect(homeOf('codings', coding('consensus'), names)).toEqual({ kind: 'consensus' });
    expect(homeOf('codings', coding('u-nobody'), names)).toBeNull();
    expect(homeOf('codes', { id: 'k1' } as never, names)).toEqual({ kind: 'codebook' });
    expect(homeOf('threads', { id: 't1' } as never, names)).toEqual({ kind: 'corpus' });
    expect(homeOf('decisions', { id: 'p1|k1' } as never, names)).toEqual({ kind: 'consensus' });
  });

  it('names a layer document by its owner and reads its id back', () => {
    const doc = recordDoc('codings', coding('u-alice'), { kind: 'layer', user: 'Alice' }, 'dev-1');
    expect(doc).toMatchObject({ _id: 'codings:c1', owner: 'alice', origin: 'dev-1', table: 'codings' });
    expect(parseDocId(doc._id)).toEqual({ kind: 'record', table: 'codings', id: 'c1' });
    expect(parseDocId('decisions:p1|k1')).toEqual({ kind: 'record', table: 'decisions', id: 'p1|k1' });
    expect(parseDocId('_design/threadmark')).toBeNull();
    expect(parseDocId('widgets:1')).toBeNull();
    expect(asSyncDoc(doc)).toBe(doc);
    expect(asSyncDoc({ _id: 'codings:c1', table: 'codings', record: {} })).toBeNull();
  });

  it('pages a thread’s posts in the order given', () => {
    const posts = Array.from({ length: POST_PAGE_SIZE + 2 }, (_, i) => post(i));
    const pages = postPageDocs('t1', posts);
    expect(pages.map((p) => [p._id, p.posts.length])).toEqual([
      ['posts:t1:p0', POST_PAGE_SIZE],
      [`posts:t1:p${POST_PAGE_SIZE}`, 2],
    ]);
    expect(parseDocId(pages[1]!._id)).toEqual({ kind: 'posts', threadId: 't1' });
  });
});

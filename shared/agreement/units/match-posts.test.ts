import { describe, expect, it } from 'vitest';

import type { Bundle } from '../../bundle/bundle';
import { EMPTY_CODE_FIELDS, type Code, type Post } from '../../model/records';
import { matchPosts } from './match-posts';

const T0 = '2024-05-01T12:00:00.000Z';

const post = (id: string, text: string, platformId: string | null = null): Post => ({
  id,
  threadId: 't',
  parentId: null,
  author: 'someone',
  createdAt: null,
  text,
  platform: platformId === null ? 'text' : 'reddit',
  platformId,
  url: null,
  meta: {},
});

const code = (id: string, name: string, parentId: string | null = null): Code => ({ id, name, parentId, color: '#336699', ...EMPTY_CODE_FIELDS, order: 0 });

function bundle(parts: { posts: Post[]; codes: Code[]; coders: Array<{ id: string; name: string }>; codings: Array<[string, string, string, number, number]> }): Bundle {
  return {
    format: 'threadmark',
    formatVersion: 3,
    exportedAt: T0,
    app: { name: 'Threadmark', version: '0.1.0' },
    project: { id: 'proj', name: 'P', createdAt: T0 },
    threads: [{ id: 't', title: 'T', platform: 'reddit', rootPostId: parts.posts[0]!.id, importedAt: T0, source: 'x' }],
    posts: parts.posts,
    codes: parts.codes,
    coders: parts.coders,
    codings: parts.codings.map(([postId, codeId, coderId, start, end], i) => ({
      id: `c${i}`,
      postId,
      codeId,
      coderId,
      start,
      end,
      quote: '',
      memo: '',
      createdAt: T0,
      updatedAt: T0,
    })),
  };
}

describe('matchPosts', () => {
  const ana = bundle({
    posts: [post('p1', 'Hello 😀 world'), post('p2', 'from reddit', 'rd_9'), post('p3', 'original'), post('p4', 'only here')],
    codes: [code('k-claim', 'Claim'), code('k-fallacy', 'Fallacy'), code('k-hom', 'Ad hominem', 'k-fallacy')],
    coders: [{ id: 'u1', name: 'Ana' }],
    codings: [
      ['p1', 'k-claim', 'u1', 0, 5],
      ['p2', 'k-hom', 'u1', 0, 4],
      ['p3', 'k-claim', 'u1', 0, 3],
    ],
  });
  const ben = bundle({
    // p2 was re-imported under a new id; p3's text was edited; p5 exists only for Ben.
    posts: [post('p1', 'Hello 😀 world'), post('new-id', 'from reddit', 'rd_9'), post('p3', 'edited'), post('p5', 'ben only')],
    codes: [code('other-claim', 'Claim'), code('other-fallacy', 'Fallacy'), code('k-hom', 'Ad hominem (renamed)', 'other-fallacy')],
    coders: [{ id: 'u1', name: 'Ben' }],
    codings: [
      ['p1', 'other-claim', 'u1', 6, 7],
      ['new-id', 'k-hom', 'u1', 1, 4],
      ['p3', 'other-claim', 'u1', 0, 3],
      ['p5', 'other-claim', 'u1', 0, 2],
    ],
  });
  const { input, mismatched } = matchPosts([
    { name: 'ana.threadmark.json', bundle: ana },
    { name: 'ben.threadmark.json', bundle: ben },
  ]);

  it('matches posts by id, else by platform id, and reports a changed text instead of comparing it', () => {
    expect(input.posts.map((p) => p.id)).toEqual(['p1', 'p2', 'p4', 'p5']);
    expect(mismatched).toEqual([{ postId: 'p3', bundles: ['ana.threadmark.json', 'ben.threadmark.json'], reason: 'the text differs' }]);
    expect(input.codings.some((c) => c.postId === 'p3')).toBe(false);
  });

  it('measures posts in code points', () => {
    expect(input.posts[0]!.length).toBe(13);
  });

  it('identifies coders by name and records who rated each post', () => {
    expect(input.coders).toEqual([{ id: 'Ana', name: 'Ana' }, { id: 'Ben', name: 'Ben' }]);
    expect(input.posts.map((p) => p.ratedBy)).toEqual([undefined, undefined, ['Ana'], ['Ben']]);
  });

  it('matches codes by id, else by path, and maps every coding onto the shared codebook', () => {
    expect(input.codes.map((c) => c.id)).toEqual(['k-claim', 'k-fallacy', 'k-hom']);
    expect(input.codings).toEqual([
      { postId: 'p1', codeId: 'k-claim', coderId: 'Ana', start: 0, end: 5 },
      { postId: 'p2', codeId: 'k-hom', coderId: 'Ana', start: 0, end: 4 },
      { postId: 'p1', codeId: 'k-claim', coderId: 'Ben', start: 6, end: 7 },
      { postId: 'p2', codeId: 'k-hom', coderId: 'Ben', start: 1, end: 4 },
      { postId: 'p5', codeId: 'k-claim', coderId: 'Ben', start: 0, end: 2 },
    ]);
  });

  it('adds codes only one bundle has, under the matching parent', () => {
    const withNewCode = { ...ben, codes: [...ben.codes, code('k-new', 'Straw man', 'other-fallacy')] };
    const merged = matchPosts([
      { name: 'a', bundle: ana },
      { name: 'b', bundle: withNewCode },
    ]);
    expect(merged.input.codes.find((c) => c.id === 'k-new')?.parentId).toBe('k-fallacy');
  });
});

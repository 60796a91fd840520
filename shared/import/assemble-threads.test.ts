import { describe, expect, it } from 'vitest';

import { validateBundle } from '../bundle/validate';
import type { Post } from '../model/records';
import { assembleThreads, type AssembledImport, type ExistingPosts } from './assemble-threads';
import { testDeps } from './files.test-helpers';
import type { ParsedFile, RawPost } from './raw-post';

function raw(platformId: string, parentPlatformId: string | null, extra: Partial<RawPost> = {}): RawPost {
  return {
    platform: 'reddit',
    platformId,
    parentPlatformId,
    threadKey: 'T',
    author: `u-${platformId}`,
    createdAt: null,
    text: `text ${platformId}`,
    url: null,
    meta: {},
    ...extra,
  };
}

const file = (posts: RawPost[], fileName = 'a.json'): { fileName: string; parsed: ParsedFile } => ({
  fileName,
  parsed: { format: 'test', posts, warnings: [] },
});
const none: ExistingPosts = { hasPost: () => false };
const at = (minute: number): string => `2024-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`;

function assemble(posts: RawPost[], existing: ExistingPosts = none): AssembledImport {
  return assembleThreads([file(posts)], existing, testDeps());
}

/** Indented outline of the posts, by platform id or placeholder text, to compare trees at a glance. */
function outline(result: AssembledImport): string[] {
  const depth = new Map<string, number>();
  return result.posts.map((p) => {
    const d = p.parentId === null ? 0 : (depth.get(p.parentId) ?? -99) + 1;
    depth.set(p.id, d);
    return '  '.repeat(d) + (p.platformId ?? `<${p.text}>`);
  });
}

/** The output must be storable: the bundle validator checks references, one thread per post, no loops. */
function expectStorable(result: AssembledImport): void {
  const bundle = {
    format: 'threadmark',
    formatVersion: 1,
    exportedAt: '2024-06-01T10:00:00.000Z',
    app: { name: 'Threadmark', version: 'test' },
    project: { id: 'p', name: 'p', createdAt: '2024-06-01T10:00:00.000Z' },
    threads: result.threads,
    posts: result.posts,
    codes: [],
    coders: [],
    codings: [],
  };
  const checked = validateBundle(bundle);
  expect(checked.ok ? [] : checked.error).toEqual([]);
}

describe('assembleThreads', () => {
  it('rebuilds the reply tree in reading order: depth-first, siblings by time then input order', () => {
    const result = assemble([
      raw('r', null, { createdAt: at(0), threadTitle: 'The title' }),
      raw('b', 'r', { createdAt: at(5) }),
      raw('a', 'r', { createdAt: at(2) }),
      raw('a2', 'a', { createdAt: at(3) }),
      raw('u1', 'r'), // undated: after dated siblings, in input order
      raw('c', 'r', { createdAt: at(5) }), // same time as b: input order
      raw('u2', 'r'),
    ]);
    expect(outline(result)).toEqual(['r', '  a', '    a2', '  b', '  c', '  u1', '  u2']);
    expect(result.warnings).toEqual([]);
    expectStorable(result);
  });

  it('gives every thread and post a Threadmark id and fills the thread record', () => {
    const result = assemble([raw('r', null, { threadTitle: 'Title' }), raw('x', 'r')]);
    expect(result.threads).toEqual([
      { id: 'tm-1', title: 'Title', platform: 'reddit', rootPostId: 'tm-2', importedAt: '2024-06-01T10:00:00.000Z', source: 'a.json', collectedWith: 'test' },
    ]);
    const [root, reply] = result.posts as [Post, Post];
    expect(root).toMatchObject({ id: 'tm-2', threadId: 'tm-1', parentId: null, platformId: 'r', author: 'u-r' });
    expect(reply).toMatchObject({ id: 'tm-3', threadId: 'tm-1', parentId: 'tm-2', platformId: 'x' });
  });

  it("records a Mastodon thread's instance from its opening post's URL (platform terms pick it)", () => {
    const result = assemble([raw('r', null, { platform: 'mastodon', url: 'https://Scholar.Social/@ana/1' }), raw('x', 'r', { platform: 'mastodon' })]);
    expect(result.threads[0]).toMatchObject({ platform: 'mastodon', instance: 'scholar.social', collectedWith: 'test' });
  });

  it("records when a thread was collected when its posts say so (the latest collection time)", () => {
    const result = assemble([raw('r', null, { meta: { collected_at: '2024-05-01T10:00:00.000Z' } }), raw('x', 'r', { meta: { collected_at: '2024-05-01T10:02:00.000Z' } }), raw('y', 'r')]);
    expect(result.threads[0]?.collectedAt).toBe('2024-05-01T10:02:00.000Z');
    expect(assemble([raw('r', null)]).threads[0]).not.toHaveProperty('collectedAt');
  });

  it('titles a thread with the first 80 code points of its root text when it has no title', () => {
    const long = `😀 ${'word '.repeat(40)}`;
    const result = assemble([raw('r', null, { text: `  ${long}\nsecond line` })]);
    const title = result.threads[0]?.title ?? '';
    expect([...title]).toHaveLength(81);
    expect(title.startsWith('😀 word word')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
  });

  it('hangs a reply whose parent is absent under a visible "missing" placeholder, not under the root', () => {
    const result = assemble([
      raw('r', null, { createdAt: at(0) }),
      raw('x', 'gone', { createdAt: at(4), location: { line: 3 } }),
      raw('y', 'gone', { createdAt: at(2) }),
      raw('z', 'r', { createdAt: at(3) }),
    ]);
    expect(outline(result)).toEqual(['r', '  <[post not in this file]>', '    y', '    x', '  z']);
    const stand = result.posts[1] as Post;
    expect(stand).toMatchObject({ author: '[missing]', platformId: null, createdAt: null, meta: { placeholder: 'missing', platformId: 'gone' } });
    expect(result.warnings).toEqual([{ file: 'a.json', line: 3, field: 'parent', message: expect.stringContaining('gone') as string }]);
    expectStorable(result);
  });

  it('uses the missing opening post as the root when replies point at it, else a placeholder root', () => {
    // A dump slice: the submission T is absent, top-level comments point at it.
    const slice = assemble([raw('a', 'T'), raw('b', 'a'), raw('c', 'T')]);
    expect(outline(slice)).toEqual(['<[post not in this file]>', '  a', '    b', '  c']);
    expect(slice.posts[0]?.meta).toEqual({ placeholder: 'missing', platformId: 'T' });
    expect(slice.threads[0]?.title).toBe('Thread T (opening post not in this file)');

    // Replies to other missing posts: a root placeholder for the thread, theirs under it.
    const orphans = assemble([raw('a', 'p1'), raw('b', 'p2')]);
    expect(outline(orphans)).toEqual(['<[post not in this file]>', '  <[post not in this file]>', '    a', '  <[post not in this file]>', '    b']);
    expect(orphans.warnings.some((w) => w.message.includes('opening post T'))).toBe(true);
    expectStorable(slice);
    expectStorable(orphans);
  });

  it('keeps deleted posts as tombstones with their replies', () => {
    const result = assemble([raw('r', null), raw('d', 'r', { deleted: true, text: '[deleted]', author: '[deleted]' }), raw('k', 'd')]);
    expect(outline(result)).toEqual(['r', '  d', '    k']);
    expect(result.posts[1]).toMatchObject({ text: '[deleted]', meta: { deleted: true } });
  });

  it('adds one "N more replies" placeholder after the replies that are present', () => {
    const result = assemble([
      raw('r', null, { moreReplies: 332 }),
      raw('a', 'r', { createdAt: at(9), moreReplies: 1 }),
      raw('b', 'a', { moreRepliesUncounted: true }),
    ]);
    expect(outline(result)).toEqual([
      'r',
      '  a',
      '    b',
      '      <More replies not in this file>',
      '    <1 more reply not in this file>',
      '  <332 more replies not in this file>',
    ]);
    expect(result.posts.at(-1)).toMatchObject({ author: '[more]', platformId: null, meta: { placeholder: 'more', count: 332 } });
    expect(result.posts[3]?.meta).toEqual({ placeholder: 'more', count: null });
    expectStorable(result);
  });

  it('skips posts already in the project or repeated in the import, and counts them', () => {
    const existing = { hasPost: (platform: string, id: string) => platform === 'reddit' && id === 'old' };
    const result = assembleThreads(
      [file([raw('r', null), raw('old', 'r'), raw('new', 'old')]), file([raw('r', null), raw('x', 'r')], 'b.json')],
      existing,
      testDeps(),
    );
    expect(result.duplicatesSkipped).toBe(2);
    // Neither the placeholder nor x has a time: input order, placeholders after the posts.
    expect(outline(result)).toEqual(['r', '  x', '  <[post not in this file]>', '    new']);
    expect(result.warnings[0]?.message).toContain('already in the project');
    expect(result.threads[0]?.source).toBe('a.json, b.json');

    // A later slice answering a post imported before: the warning says where the parent is.
    const later = assemble([raw('late', 'old')], existing);
    expect(later.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('post old, which is already in the project') as string,
      expect.stringContaining('opening post T of this thread is not in the file') as string,
    ]);

    // Importing the same posts again creates nothing.
    const ids = new Set(result.posts.flatMap((p) => (p.platformId ? [p.platformId] : [])));
    const again = assemble([raw('r', null), raw('new', 'old'), raw('x', 'r')], { hasPost: (_p, id) => ids.has(id) });
    expect(again).toMatchObject({ threads: [], posts: [], duplicatesSkipped: 3 });
  });

  it('joins new replies to a thread imported earlier, under the stored posts they answer', () => {
    // Stored earlier: opening post T (thread th-1) and its reply a; c answers a post of another thread.
    const stored = new Map([
      ['T', { postId: 'post-T', threadId: 'th-1' }],
      ['a', { postId: 'post-a', threadId: 'th-1' }],
      ['z', { postId: 'post-z', threadId: 'th-9' }],
    ]);
    const existing: ExistingPosts = { hasPost: (_, id) => stored.has(id), locate: (_, id) => stored.get(id) ?? null };
    const result = assemble([raw('b', 'a'), raw('b2', 'b'), raw('c', 'z'), raw('d', 'T')], existing);
    expect(result.threads).toEqual([]);
    expect(result.joinedThreadIds).toEqual(['th-1']);
    const byPlatformId = new Map(result.posts.map((p) => [p.platformId, p]));
    expect(byPlatformId.get('b')).toMatchObject({ threadId: 'th-1', parentId: 'post-a' });
    expect(byPlatformId.get('b2')).toMatchObject({ threadId: 'th-1', parentId: byPlatformId.get('b')!.id });
    expect(byPlatformId.get('d')).toMatchObject({ threadId: 'th-1', parentId: 'post-T' });
    // z is in another thread: c hangs under a placeholder for it, inside the joined thread.
    const c = byPlatformId.get('c')!;
    expect(result.posts.find((p) => p.id === c.parentId)).toMatchObject({ threadId: 'th-1', parentId: 'post-T', meta: { placeholder: 'missing', platformId: 'z' } });
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('replies to post z, which is already in the project')]);
  });

  it('does not join when the import has its own opening post for the thread', () => {
    const stored = new Map([['a', { postId: 'post-a', threadId: 'th-1' }]]);
    const existing: ExistingPosts = { hasPost: (_, id) => stored.has(id), locate: (_, id) => stored.get(id) ?? null };
    const result = assemble([raw('T2', null, { threadKey: 'T2' }), raw('b', 'a', { threadKey: 'T2' })], existing);
    expect(result.joinedThreadIds).toEqual([]);
    expect(result.threads).toHaveLength(1);
    expect(outline(result)).toEqual(['T2', '  <[post not in this file]>', '    b']);
  });

  it('groups by platform and threadKey across files, in order of first appearance', () => {
    const result = assembleThreads(
      [
        file([raw('c1', 'S2', { threadKey: 'S2' }), raw('a', null, { threadKey: 'S1' })], 'RC.ndjson'),
        file([raw('S2', null, { threadKey: 'S2', threadTitle: 'Two' }), raw('a', null, { platform: 'mastodon', threadKey: 'S1' })], 'RS.ndjson'),
      ],
      none,
      testDeps(),
    );
    expect(result.threads.map((t) => [t.title, t.platform, t.source])).toEqual([
      ['Two', 'reddit', 'RC.ndjson, RS.ndjson'],
      ['text a', 'reddit', 'RC.ndjson'],
      ['text a', 'mastodon', 'RS.ndjson'],
    ]);
    expect(outline(result)).toEqual(['S2', '  c1', 'a', 'a']);
  });

  it('normalizes text once: BOM, CRLF and NFC', () => {
    const result = assemble([raw('r', null, { text: '\ufeffcafe\u0301\r\nline\rend', author: 'Zoe\u0308', threadTitle: 'Ti\u0308tle' })]);
    expect(result.posts[0]).toMatchObject({ text: 'caf\u00e9\nline\nend', author: 'Zo\u00eb' });
    expect(result.threads[0]?.title).toBe('T\u00eftle');
  });

  it('keeps emoji, ZWJ sequences and flags intact', () => {
    const text = 'family 👩‍👩‍👧 flag 🇫🇷 grin 😀';
    expect(assemble([raw('r', null, { text })]).posts[0]?.text).toBe(text);
  });

  it('leaves out a post with an unpaired surrogate, naming it, and keeps its replies under a placeholder', () => {
    const result = assemble([
      raw('r', null),
      raw('bad', 'r', { text: 'cut emoji \ud83d', location: { record: 't1_bad' } }),
      raw('child', 'bad'),
    ]);
    expect(outline(result)).toEqual(['r', '  <[post left out: its text is not well-formed Unicode]>', '    child']);
    expect(result.posts[1]?.meta).toEqual({ placeholder: 'missing', platformId: 'bad', rejected: true });
    expect(result.warnings).toEqual([
      { file: 'a.json', record: 't1_bad', field: 'text', message: expect.stringContaining('unpaired surrogate at UTF-16 index 10') as string },
    ]);
    expectStorable(result);

    const badAuthor = assemble([raw('r', null), raw('x', 'r', { author: '\udc00' })]);
    expect(badAuthor.warnings[0]?.field).toBe('author');
    expect(outline(badAuthor)).toEqual(['r']);
  });

  it('empties a time that is not ISO 8601, with a warning', () => {
    const result = assemble([raw('r', null, { createdAt: 'last Tuesday' })]);
    expect(result.posts[0]?.createdAt).toBeNull();
    expect(result.warnings[0]).toMatchObject({ field: 'createdAt' });
  });

  it('shows a second opening post as a reply to the first, with a warning', () => {
    const result = assemble([raw('r1', null), raw('r2', null)]);
    expect(outline(result)).toEqual(['r1', '  r2']);
    expect(result.warnings[0]?.message).toContain('also opens thread T');
  });

  it('breaks reply loops and a post answering itself instead of losing them', () => {
    const result = assemble([raw('r', null), raw('a', 'b'), raw('b', 'a'), raw('c', 'b'), raw('s', 's')]);
    expect(result.posts).toHaveLength(5);
    expect(outline(result)).toEqual(['r', '  a', '    b', '      c', '  s']);
    expect(result.warnings.filter((w) => w.message.includes('reply loop'))).toHaveLength(2);
    expectStorable(result);
  });

  it('keeps ids above 2^53 exactly as strings and never orders by them as numbers', () => {
    const big = ['9007199254740993', '9007199254740992', '18446744073709551615'];
    const result = assemble([raw(big[0] as string, null), raw(big[1] as string, big[0] as string), raw(big[2] as string, big[0] as string)]);
    expect(result.posts.map((p) => p.platformId)).toEqual(big);
    expect(result.posts[1]?.parentId).toBe(result.posts[0]?.id);
  });

  // 50,000 nested calls overflow Node's stack, so a recursive walk fails here; vitest's timeout catches a quadratic one.
  it('assembles a 50,000-deep reply chain without recursion', () => {
    const n = 50_000;
    const posts = [raw('p0', null)];
    for (let i = 1; i < n; i++) posts.push(raw(`p${i}`, `p${i - 1}`, { createdAt: at(i % 60) }));
    const result = assemble(posts);
    expect(result.posts).toHaveLength(n);
    expect(result.posts.map((p) => p.platformId)).toEqual(posts.map((p) => p.platformId));
    const chained = result.posts.every((p, i) => i === 0 || p.parentId === result.posts[i - 1]?.id);
    expect(chained).toBe(true);
  });

  it('handles a wide thread of 100,000 replies and a missing parent with 100,000 replies', () => {
    const wide = [raw('r', null)];
    for (let i = 0; i < 100_000; i++) wide.push(raw(`w${i}`, i % 2 ? 'r' : 'gone', { createdAt: at(59 - (i % 60)) }));
    const result = assemble(wide);
    expect(result.posts).toHaveLength(100_002);
  });
});

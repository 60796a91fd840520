import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import type { Bundle } from '../bundle/bundle';
import { serializeBundle } from '../bundle/serialize';
import { validateBundle } from '../bundle/validate';
import { codedSegmentsCsv } from '../export/coded-segments-csv';
import type { Post } from '../model/records';
import { sliceCodePoints } from '../text/offsets';
import { codedDemo } from './demo-fixture.test-helpers';
import { pseudonymiseBundle } from './pseudonymise-bundle';

const SECRET = '0123456789abcdef0123456789abcdef';

describe('pseudonymiseBundle on the demo project', () => {
  const original = codedDemo();
  const { bundle, report, key } = pseudonymiseBundle(original, SECRET);
  const csv = codedSegmentsCsv(bundle);

  it('the segments CSV names no author, handle or profile of the project', () => {
    expect(original.codings.length).toBeGreaterThan(60);
    const people = new Set(original.posts.map((p) => p.author).filter((a) => a !== '[deleted]'));
    expect(people.size).toBe(21);
    const lower = csv.toLowerCase();
    for (const name of people) {
      expect(lower, name).not.toContain(name.toLowerCase());
      expect(lower).not.toContain(`u/${name.toLowerCase()}`);
    }
    expect(csv).not.toMatch(/https?:\/\/[^\s,]*(\/u\/|\/user\/|\/@)/);
  });

  it('every quote in the CSV is its slice of the exported post text, and the bundle is valid', () => {
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    const textOf = new Map(bundle.posts.map((p) => [p.id, p.text]));
    expect(rows).toHaveLength(original.codings.length);
    for (const row of rows) expect(row.quote).toBe(sliceCodePoints(textOf.get(row.post_id!)!, Number(row.start), Number(row.end)));
    const valid = validateBundle(JSON.parse(serializeBundle(bundle)));
    expect(valid.ok ? [] : valid.error.slice(0, 3)).toEqual([]);
  });

  it('one alias per author, the same for a mention and a name written out; the report counts each kind', () => {
    const aliasOf = new Map(original.posts.map((p, i) => [p.author, bundle.posts[i]!.author]));
    const quiet = aliasOf.get('quietlantern')!;
    expect(quiet).toMatch(/^Author \d{4}$/);
    expect(aliasOf.get('[deleted]')).toBe('[deleted]');
    expect(new Set(aliasOf.values()).size).toBe(22);
    const mentioning = bundle.posts.find((p) => p.text.startsWith('@'))!;
    expect(mentioning.text.startsWith(`@${quiet} have you`)).toBe(true);
    expect(bundle.posts.some((p) => p.text.includes(`exchange with ${aliasOf.get('northpier_dad')!} and ${aliasOf.get('fieldnotes_kay')!}`))).toBe(true);
    // Naive counts straight from the demo's texts.
    const mentions = original.posts.reduce((n, p) => n + (p.text.match(/@[a-z_0-9]+/g) ?? []).length, 0);
    expect(report.mentions).toBe(mentions);
    // Three in post texts, and each coding memo names its post's author.
    expect(report.names).toBe(3 + original.codings.filter((c) => !c.memo.endsWith('[deleted]')).length);
    expect(report.authors).toBe(21);
    expect(report.authorFields).toBe(original.posts.filter((p) => p.author !== '[deleted]').length);
    expect(key.find((k) => k.alias === quiet)?.names).toContain('quietlantern');
    expect(bundle.project.pseudonymSecret).toBeUndefined();
  });

  it('aliases depend on the secret, and are stable for one secret', () => {
    const again = pseudonymiseBundle(original, SECRET).bundle;
    const other = pseudonymiseBundle(original, 'fedcba9876543210fedcba9876543210').bundle;
    expect(again.posts.map((p) => p.author)).toEqual(bundle.posts.map((p) => p.author));
    expect(other.posts.map((p) => p.author)).not.toEqual(bundle.posts.map((p) => p.author));
  });
});

describe('pseudonymiseBundle by platform convention', () => {
  const post = (id: string, platform: Post['platform'], author: string, text: string, extra: Partial<Post> = {}): Post => ({
    id,
    threadId: `t-${platform}`,
    parentId: null,
    author,
    createdAt: null,
    text,
    platform,
    platformId: null,
    url: null,
    meta: {},
    ...extra,
  });
  const base = (posts: Post[]): Bundle => ({
    format: 'threadmark',
    formatVersion: 3,
    exportedAt: '2025-01-01T00:00:00.000Z',
    app: { name: 'Threadmark', version: '0' },
    project: { id: 'p', name: 'P', createdAt: '2025-01-01T00:00:00.000Z', pseudonymSecret: SECRET },
    threads: [...new Set(posts.map((p) => p.platform))].map((platform) => ({ id: `t-${platform}`, title: 'T', platform, rootPostId: posts.find((p) => p.platform === platform)!.id, importedAt: '2025-01-01T00:00:00.000Z', source: 'x' })),
    posts,
    codes: [],
    coders: [],
    codings: [],
  });

  it('replaces Reddit u/ and /u/, X @handles and status links, Mastodon @user@instance, Bluesky handles and at:// ids, YouTube @handles', () => {
    const posts = [
      post('r1', 'reddit', 'spez', 'ask u/kn0thing or /u/Spez, see https://www.reddit.com/user/kn0thing/ and mail a@b.org'),
      post('x1', 'twitter', 'jack', '@Jack said it: https://x.com/jack/status/20 (via @biz).', { url: 'https://x.com/jack/status/20', meta: { authorName: 'Jack D', authorId: '12', likes: 3 } }),
      post('m1', 'mastodon', 'gargron@mastodon.social', 'cc @Gargron@mastodon.social and @alice, https://mastodon.social/@gargron', { url: 'https://mastodon.social/@gargron/1', meta: { boostedBy: 'alice@example.org' } }),
      post('b1', 'bluesky', 'alice.bsky.social', 'hi @bob.bsky.social! https://bsky.app/profile/alice.bsky.social/post/3k', { platformId: 'at://did:plc:abc/app.bsky.feed.post/3k', url: 'https://bsky.app/profile/alice.bsky.social/post/3k', meta: { did: 'did:plc:abc', displayName: 'Alice W' } }),
      post('y1', 'youtube', '@MrCreator', 'great video @MrCreator, also https://www.youtube.com/@OtherOne', { meta: { authorChannelId: 'UC123' } }),
    ];
    const { bundle, report } = pseudonymiseBundle(base(posts), SECRET);
    const all = JSON.stringify(bundle).toLowerCase();
    for (const leaked of ['spez', 'kn0thing', 'jack', 'biz', 'gargron', 'alice', 'bob.bsky', 'did:plc', 'mrcreator', 'otherone', 'uc123']) expect(all, leaked).not.toContain(leaked);
    expect(all).toContain('a@b.org'); // an e-mail address is not a mention
    const [r, x, m, b] = bundle.posts;
    const alias = (i: number) => bundle.posts[i]!.author;
    expect(r!.text).toContain(`/u/${alias(0)}`); // /u/Spez is the author spez
    expect(x!.text.startsWith(`@${alias(1)} said it: [post by ${alias(1)}]`)).toBe(true);
    expect(x!.url).toBe('https://x.com/i/web/status/20');
    expect(x!.meta).toEqual({ likes: 3 });
    expect(m!.text).toContain(`cc @${alias(2)} and @`);
    expect(m!.text).toContain(`[profile of ${alias(2)}]`);
    expect(m!.url).toBeNull();
    expect(b!.platformId).toBeNull();
    expect(report.urls).toBe(5);
    expect(report.postUrls).toBe(3);
    expect(report.platformIds).toBe(1);
  });
});

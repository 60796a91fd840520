import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Post } from '@shared/model/records';
import { postFactsOf } from '@shared/project/post-facts';

import { ThreadmarkDB } from '../database';
import { appendPosts, PAGE_SIZE } from '../post-store';
import { tableCounts } from '../testing/test-support';

import { MIGRATIONS } from '.';

let name: string;

afterEach(async () => {
  await new ThreadmarkDB(name).delete();
});

const before10 = MIGRATIONS.filter((m) => m.version < 10);
const upTo10 = MIGRATIONS.filter((m) => m.version <= 10);

const post = (id: string, threadId: string, i: number): Post => ({
  id,
  threadId,
  parentId: null,
  author: i % 5 === 0 ? '' : `user${i % 7}`,
  createdAt: i % 3 === 0 ? null : `2025-0${(i % 9) + 1}-01T00:00:00.000Z`,
  text: `post ${i}`,
  platform: i % 2 ? 'reddit' : 'mastodon',
  platformId: id,
  url: null,
  meta: i % 2 ? { subreddit: ' sub ' } : { acct: `u${i}@host${i % 3}.example`, language: 'en,de', followers_count: i },
});

describe('migration 10: post metadata', () => {
  it('fills a facts page beside every stored post page, same key and order, and keeps every other row', async () => {
    name = `threadmark-0010-${crypto.randomUUID()}`;
    const old = new ThreadmarkDB(name, before10);
    await old.open();
    // Two threads, one over two pages: the facts follow the pages.
    const posts = [...Array.from({ length: PAGE_SIZE + 3 }, (_, i) => post(`a${i}`, 't-a', i)), ...Array.from({ length: 4 }, (_, i) => post(`b${i}`, 't-b', i))];
    await old.transaction('rw', [old.postPages, old.threadStats], () => appendPosts(old, posts));
    const before = await tableCounts(old);
    const pagesBefore = await old.postPages.toArray();
    old.close();

    const db = new ThreadmarkDB(name, upTo10);
    await db.open();
    expect(db.verno).toBe(10);
    const after = await tableCounts(db);
    expect(after).toEqual({ ...before, postFacts: 3 });
    expect(await db.postPages.toArray()).toEqual(pagesBefore);
    const facts = await db.postFacts.toArray();
    expect(facts.map((f) => [f.threadId, f.page])).toEqual(pagesBefore.map((p) => [p.threadId, p.page]));
    // Each post's facts, made the one way the adapters make them; counted naively too.
    expect(facts.flatMap((f) => f.facts)).toEqual(posts.map(postFactsOf));
    expect(facts.flatMap((f) => f.facts).filter((f) => f.month === '2025-02').length).toBe(posts.filter((p) => p.createdAt?.startsWith('2025-02')).length);
    expect(facts[0]!.facts[2]).toEqual({ id: 'a2', threadId: 't-a', author: 'user2', platform: 'mastodon', createdAt: '2025-03-01T00:00:00.000Z', month: '2025-03', acctHost: 'host2.example', language: 'en', followers: 2 });
    db.close();
  });
});

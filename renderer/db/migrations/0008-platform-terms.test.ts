import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Post, Thread } from '@shared/model/records';

import { ThreadmarkDB } from '../database';
import { appendPosts } from '../post-store';
import { tableCounts } from '../testing/test-support';

import { MIGRATIONS } from '.';

let name: string;

afterEach(async () => {
  await new ThreadmarkDB(name).delete();
});

const T0 = '2025-03-01T00:00:00.000Z';
const thread = (id: string, platform: Thread['platform'], rootPostId: string): Thread => ({ id, title: id, platform, rootPostId, importedAt: T0, source: 'f.json' });
const post = (id: string, threadId: string, platform: Post['platform'], url: string | null): Post => ({ id, threadId, parentId: null, author: 'a', createdAt: T0, text: 'hello', platform, platformId: id, url, meta: {} });

describe('migration 8: platform terms', () => {
  it("keeps every row and gives stored Mastodon threads their instance from the opening post's URL", async () => {
    name = `threadmark-0008-${crypto.randomUUID()}`;
    const v7 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 7));
    await v7.open();
    await v7.threads.bulkAdd([thread('t-m', 'mastodon', 'p-m'), thread('t-r', 'reddit', 'p-r'), thread('t-x', 'mastodon', 'p-x')]);
    await v7.transaction('rw', [v7.postPages, v7.threadStats], () =>
      appendPosts(v7, [post('p-m', 't-m', 'mastodon', 'https://Scholar.Social/@ana/1'), post('p-r', 't-r', 'reddit', 'https://reddit.com/r/x/1'), post('p-x', 't-x', 'mastodon', null)]),
    );
    const before = await tableCounts(v7);
    const pagesBefore = await v7.postPages.toArray();
    v7.close();

    const v8 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 8));
    await v8.open();
    expect(v8.verno).toBe(8);
    expect(await tableCounts(v8)).toEqual(before);
    expect(await v8.postPages.toArray()).toEqual(pagesBefore);
    const threads = new Map((await v8.threads.toArray()).map((t) => [t.id, t]));
    expect(threads.get('t-m')).toEqual({ ...thread('t-m', 'mastodon', 'p-m'), instance: 'scholar.social' });
    // Not federated, or no URL to tell: unchanged.
    expect(threads.get('t-r')).toEqual(thread('t-r', 'reddit', 'p-r'));
    expect(threads.get('t-x')).toEqual(thread('t-x', 'mastodon', 'p-x'));
    v8.close();
  });
});

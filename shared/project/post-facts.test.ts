import { describe, expect, it } from 'vitest';

import type { Post } from '../model/records';
import { tombstoneOf } from '../platform/tombstone';
import { describesAnAuthor, monthOf, postFactsOf } from './post-facts';

const post = (over: Partial<Post>): Post => ({ id: 'p', threadId: 't', parentId: null, author: 'ana', createdAt: '2025-03-08T09:12:00.000Z', text: 'long text the facts never carry', platform: 'mastodon', platformId: '1', url: null, meta: {}, ...over });

describe('postFactsOf', () => {
  it('keeps who, where and when, and only the meta values attributes derive from, cleaned', () => {
    const facts = postFactsOf(post({ meta: { acct: ' ana@Scholar.Social ', instance: ' boost.example ', subreddit: '  ', langs: ' de , en', followers_count: ' 42 ', score: 9 } }));
    expect(facts).toEqual({ id: 'p', threadId: 't', author: 'ana', platform: 'mastodon', createdAt: '2025-03-08T09:12:00.000Z', month: '2025-03', acctHost: 'Scholar.Social', instance: 'boost.example', language: 'de', followers: 42 });
    expect(JSON.stringify(facts)).not.toContain('long text');
  });

  it('takes the first language key with a value, and a numeric follower count as it is', () => {
    expect(postFactsOf(post({ meta: { language: ' ', lang: 'pt-BR', followers: 7 } }))).toMatchObject({ language: 'pt-BR', followers: 7 });
    expect(postFactsOf(post({ meta: { acct: 'local-only', followers: 'many' } }))).not.toHaveProperty('acctHost');
    expect(postFactsOf(post({ meta: { followers: 'many' } }))).not.toHaveProperty('followers');
  });

  it('marks placeholders and tombstones, which describe no author', () => {
    const placeholder = postFactsOf(post({ meta: { placeholder: 'missing' } }));
    expect(placeholder.placeholder).toBe(true);
    expect(describesAnAuthor(placeholder)).toBe(false);
    const gone = postFactsOf(tombstoneOf(post({ meta: { acct: 'ana@x.example' } }), '2025-04-01T00:00:00.000Z'));
    expect(gone).toEqual({ id: 'p', threadId: 't', author: '', platform: 'mastodon', createdAt: '2025-03-08T09:12:00.000Z', month: '2025-03', deleted: true });
    expect(describesAnAuthor(gone)).toBe(false);
    expect(describesAnAuthor(postFactsOf(post({ author: '  ' })))).toBe(false);
  });

  it('buckets a month in UTC, whatever offset the time was written with', () => {
    expect(monthOf('2025-03-01T01:00:00+02:00')).toBe('2025-02');
    expect(monthOf(null)).toBeNull();
    expect(monthOf('not a date')).toBeNull();
    expect(postFactsOf(post({ createdAt: null })).month).toBeNull();
  });
});

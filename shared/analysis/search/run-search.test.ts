import { describe, expect, it } from 'vitest';

import type { Post } from '../../model/records';
import { sliceCodePoints } from '../../text/offsets';
import { runSearch, type SearchResult } from './run-search';
import type { SearchRequest } from './search-request';
import { CORPUS, corpusIndex, naivePostCount } from './search.test-helpers';
import { SearchIndex } from './search-index';

async function search(request: SearchRequest, index = corpusIndex(), env = {}): Promise<SearchResult> {
  const result = await runSearch(index, request, env);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const where = (r: SearchResult) => r.hits.map((h) => `${h.postId}:${h.match}`);

describe('words, phrases, prefixes', () => {
  it('a word ignores case and diacritics by default, and placeholders are never hits', async () => {
    const r = await search({ query: 'cafe' });
    expect(where(r)).toEqual(['p-1:café', 'p-2:Cafe', 'p-3:CAFÉ']);
    expect(r.postCount).toBe(3);
  });

  it('case-sensitive and diacritics-sensitive options narrow the match', async () => {
    expect(where(await search({ query: 'Cafe', caseSensitive: true }))).toEqual(['p-2:Cafe']);
    expect(where(await search({ query: 'café', ignoreDiacritics: false }))).toEqual(['p-1:café', 'p-3:CAFÉ']);
    expect(where(await search({ query: 'CAFÉ', caseSensitive: true, ignoreDiacritics: false }))).toEqual(['p-3:CAFÉ']);
  });

  it('all words must occur; each occurrence is a hit', async () => {
    const r = await search({ query: 'the cafe' });
    expect(where(r)).toEqual(['p-1:The', 'p-1:café', 'p-3:the', 'p-3:CAFÉ']);
    expect(r.postCount).toBe(2);
  });

  it('a phrase matches consecutive words across punctuation; a hyphenated word is a phrase', async () => {
    expect(where(await search({ query: '"opened then"' }))).toEqual(['p-1:opened. Then']);
    expect(where(await search({ query: '"then opened"' }))).toEqual([]);
    expect(where(await search({ query: 'e-mail' }))).toEqual(['p-6:e-mail']);
  });

  it('a prefix matches word starts', async () => {
    expect(where(await search({ query: 'colo*' }))).toEqual(['p-2:colonial', 'p-2:colourful', 'p-6:Colour']);
  });

  it('offsets are code points: after an emoji family the match still slices out of the text', async () => {
    const [hit] = (await search({ query: 'families' })).hits;
    const text = CORPUS.find((p) => p.id === 'p-3')!.text;
    expect(hit!.start).toBe(17); // "What about " (11) + the family (5 code points: 3 people, 2 joiners) + " "
    expect(sliceCodePoints(text, hit!.start, hit!.end)).toBe('families');
    expect(hit!.left).toBe('What about 👩‍👩‍👧 ');
    expect(hit!.right).toBe(' at the CAFÉ?');
  });

  it('post counts equal a naive scan on a generated corpus', async () => {
    const words = ['alpha', 'beta', 'Gamma', 'délta', 'eps', 'alphabet'];
    const posts: Post[] = [];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 400; i++) {
      const text = Array.from({ length: 1 + rand(12) }, () => words[rand(words.length)]).join(rand(3) === 0 ? ', ' : ' ');
      posts.push({ ...CORPUS[0]!, id: `g-${i}`, threadId: `t-${i % 7}`, parentId: null, text });
    }
    const index = corpusIndex(posts);
    for (const q of ['alpha', 'delta', 'gamma beta', 'alpha*', 'eps delta alpha', 'zeta']) {
      expect((await search({ query: q, limit: 100_000 }, index)).postCount, q).toBe(naivePostCount(posts, q));
    }
  });
});

describe('regular expressions', () => {
  it('match the text as stored, with code-point offsets', async () => {
    const r = await search({ query: 'colou?r\\w*', regex: true });
    expect(where(r)).toEqual(['p-2:colourful', 'p-6:Colour']);
    expect(where(await search({ query: 'colou?r\\w*', regex: true, caseSensitive: true }))).toEqual(['p-2:colourful']);
  });

  it('a pattern without a literal scans every post', async () => {
    const r = await search({ query: '\\p{Extended_Pictographic}', regex: true });
    expect(r.scannedAll).toBe(true);
    expect(r.hits.map((h) => h.postId)).toEqual(['p-3', 'p-3', 'p-3']);
    expect(r.hits[0]!.start).toBe(11);
  });

  it('an invalid one is a Problem naming the error', async () => {
    const r = await runSearch(corpusIndex(), { query: 'caf(e', regex: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/^the regular expression is invalid: .*(Unterminated group|unterminated)/i);
  });
});

describe('filters', () => {
  it('by thread, platform, author and time', async () => {
    expect(where(await search({ query: 'cafe*', filters: { threadIds: ['t-b'] } }))).toEqual(['p-5:cafes']);
    expect(where(await search({ query: 'colo*', filters: { platforms: ['mastodon'] } }))).toEqual(['p-6:Colour']);
    expect(where(await search({ query: 'colo*', filters: { authors: ['author of p-2'] } }))).toEqual(['p-2:colonial', 'p-2:colourful']);
    // p-6 has no time: a time range leaves it out.
    expect(where(await search({ query: 'colour cafes', filters: { from: '2025-05-01' } }))).toEqual([]);
    expect(where(await search({ query: 'cafes', filters: { from: '2025-05-01', to: '2025-06-02' } }))).toEqual(['p-5:cafes']);
    expect(where(await search({ query: 'cafe', filters: { to: '2025-05-01' } }))).toHaveLength(3);
  });

  it('coded and uncoded posts', async () => {
    const codedPostIds = new Set(['p-2']);
    expect(where(await search({ query: 'cafe', filters: { coded: { mode: 'coded' } } }, corpusIndex(), { codedPostIds }))).toEqual(['p-2:Cafe']);
    expect(where(await search({ query: 'cafe', filters: { coded: { mode: 'uncoded' } } }, corpusIndex(), { codedPostIds }))).toEqual(['p-1:café', 'p-3:CAFÉ']);
  });

  it('a bad date is a Problem naming the field', async () => {
    const r = await runSearch(corpusIndex(), { query: 'cafe', filters: { from: 'yesterday' } });
    expect(r.ok ? null : r.error.field).toBe('from');
  });
});

describe('capped results', () => {
  it('lists the first N hits in reading order and counts every matching post', async () => {
    const posts: Post[] = Array.from({ length: 3000 }, (_, i) => ({ ...CORPUS[0]!, id: `m-${String(i).padStart(4, '0')}`, threadId: `t-${i % 3}`, text: `word ${i} and word` }));
    const index = corpusIndex(posts);
    const r = await search({ query: 'word', limit: 5 }, index);
    expect(r.postCount).toBe(3000);
    expect(r.truncated).toBe(true);
    expect(where(r)).toEqual(['m-0000:word', 'm-0000:word', 'm-0003:word', 'm-0003:word', 'm-0006:word']);
    // Checked against the text (a phrase), the count is the same.
    expect((await search({ query: '"and word"', limit: 5 }, index)).postCount).toBe(3000);
  });

  it('an out-of-range limit is a Problem', async () => {
    const r = await runSearch(corpusIndex(), { query: 'cafe', limit: 0 });
    expect(r.ok ? null : r.error.field).toBe('limit');
  });

  it('a cancelled search ends with a cancelled Problem', async () => {
    const posts: Post[] = Array.from({ length: 5000 }, (_, i) => ({ ...CORPUS[0]!, id: `c-${i}`, text: `word ${i}` }));
    const r = await runSearch(corpusIndex(posts), { query: '\\d+', regex: true }, { signal: { cancelled: true } });
    expect(r.ok ? null : r.error.kind).toBe('cancelled');
  });
});

describe('the index', () => {
  it('serializes without texts, and a restored index with its texts back answers the same', async () => {
    const index = corpusIndex();
    const restored = SearchIndex.restore(structuredClone(index.serialize()))!;
    expect(restored.hasAllTexts()).toBe(false);
    for (const t of ['t-a', 't-b']) expect(restored.attachTexts(t, CORPUS.filter((p) => p.threadId === t))).toBe(true);
    expect(await search({ query: 'colo* "the café"' }, restored)).toEqual(await search({ query: 'colo* "the café"' }, index));
  });

  it('a removed thread is no longer found; re-adding replaces it', async () => {
    const index = corpusIndex();
    index.removeThread('t-a');
    expect((await search({ query: 'cafe*' }, index)).hits.map((h) => h.postId)).toEqual(['p-5']);
    index.addThreads([{ thread: { id: 't-a', platform: 'reddit' }, posts: [CORPUS[0]!] }]);
    expect((await search({ query: 'cafe*' }, index)).hits.map((h) => h.postId)).toEqual(['p-1', 'p-5']);
    expect(index.indexedThreads()).toEqual(new Map([['t-b', 2], ['t-a', 1]]));
  });
});

/** A small corpus for the search tests, and a naive search to check the index's counts against. */
import type { Post } from '../../model/records';
import { post } from '../../project/testing/core-fixtures.test-helpers';
import { SearchIndex } from './search-index';

export const CORPUS: Post[] = [
  post('p-1', 'The café opened. Then it closed again!', null, 't-a'),
  post('p-2', 'Cafe culture is colonial? No, colourful.', 'p-1', 't-a'),
  post('p-3', 'What about 👩‍👩‍👧 families at the CAFÉ?', 'p-1', 't-a'),
  { ...post('p-4', '[missing] cafe', 'p-1', 't-a'), meta: { placeholder: 'missing' } },
  { ...post('p-5', 'A false equivalence: cafes are not bars.', null, 't-b'), platform: 'mastodon', author: 'bo', createdAt: '2025-06-01T00:00:00.000Z' },
  { ...post('p-6', 'Colour me surprised, said the e-mail.', 'p-5', 't-b'), platform: 'mastodon', author: 'bo', createdAt: null },
];

export function corpusIndex(posts: readonly Post[] = CORPUS): SearchIndex {
  const index = new SearchIndex();
  const threads = [...new Set(posts.map((p) => p.threadId))];
  index.addThreads(threads.map((id) => ({ thread: { id, platform: posts.find((p) => p.threadId === id)!.platform }, posts: posts.filter((p) => p.threadId === id) })));
  return index;
}

/** Independent of tokens.ts: split on anything not a letter, digit or mark, fold with NFD. */
export function naiveWords(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
    .filter((w) => w !== '');
}

/** Posts (not placeholders) holding every word (a trailing * is a prefix). */
export function naivePostCount(posts: readonly Post[], query: string): number {
  const terms = query.split(/\s+/).filter(Boolean);
  return posts.filter((p) => {
    if (p.meta.placeholder !== undefined) return false;
    const words = naiveWords(p.text);
    return terms.every((t) => (t.endsWith('*') ? words.some((w) => w.startsWith(naiveWords(t)[0]!)) : words.includes(naiveWords(t)[0]!)));
  }).length;
}

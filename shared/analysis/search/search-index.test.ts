import { describe, expect, it } from 'vitest';

import type { Post } from '../../model/records';
import { post } from '../../project/testing/core-fixtures.test-helpers';
import { foldText } from './fold';
import { SearchIndex } from './search-index';
import { CORPUS, naiveWords } from './search.test-helpers';

/** Every folded word → the posts holding it, in corpus order, computed without the index. */
function naivePostings(posts: readonly Post[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of posts) {
    if (p.meta.placeholder !== undefined) continue;
    for (const w of new Set(naiveWords(p.text))) out.set(w, [...(out.get(w) ?? []), p.id]);
  }
  return out;
}

// Spellings recur across threads (case, diacritics, a lone combining mark) so a later batch meets
// spellings an earlier batch already folded.
const MORE: Post[] = [
  post('q-1', 'CAFÉ café Cafe \u0301 ÉTÉ été', null, 't-c'),
  post('q-2', 'été \u0301 \u0301 Ünïcode unicode 42 x42', 'q-1', 't-c'),
  post('q-3', 'Über ÜBER über 👩‍👩‍👧 über', null, 't-d'),
];
const POSTS = [...CORPUS, ...MORE];
const threadsOf = (posts: readonly Post[]) =>
  [...new Set(posts.map((p) => p.threadId))].map((id) => ({ thread: { id, platform: posts.find((p) => p.threadId === id)!.platform }, posts: posts.filter((p) => p.threadId === id) }));

function postIdsOf(index: SearchIndex, word: string): string[] {
  return [...index.docsOfTerm(word)].map((d) => index.postIds[d]!);
}

describe('SearchIndex built in batches', () => {
  it('finds every word in the posts a naive split-and-fold finds, whether built in one batch or one per thread', () => {
    const expected = naivePostings(POSTS);
    const whole = new SearchIndex();
    whole.addThreads(threadsOf(POSTS));
    const batched = new SearchIndex();
    for (const t of threadsOf(POSTS)) batched.addThreads([t]);
    for (const index of [whole, batched]) {
      expect(index.termCount).toBe(expected.size);
      for (const [word, ids] of expected) expect(postIdsOf(index, word)).toEqual(ids);
    }
  });

  it('finds a thread indexed again after a batch that saw its spellings', () => {
    const index = new SearchIndex();
    for (const t of threadsOf(POSTS)) index.addThreads([t]);
    index.addThreads([threadsOf(MORE)[0]!]);
    const live = (word: string) => [...index.docsOfTerm(word)].filter((d) => index.isLive(d)).map((d) => index.postIds[d]!);
    expect(live('ete')).toEqual(['q-1', 'q-2']);
    expect(live('cafe').sort()).toEqual(['p-1', 'p-2', 'p-3', 'q-1']);
    expect(index.docOf('q-1')).toBe(index.docCount - 2);
  });
});

describe('SearchIndex.restore', () => {
  it('restores an index of more posts than a call takes arguments (the scale bench broke at 100,000)', () => {
    // Thread t-big holds 300,000 posts: the serialized form of a project far past the argument limit.
    const big = new SearchIndex();
    const posts = Array.from({ length: 300_000 }, (_, i) => post(`b-${i}`, i % 2 === 0 ? 'even word' : 'odd word', null, 't-big'));
    big.addThreads([{ thread: { id: 't-big', platform: 'reddit' }, posts }]);
    const restored = SearchIndex.restore(big.serialize());
    expect(restored?.docCount).toBe(300_000);
    expect(restored?.postIds[299_999]).toBe('b-299999');
    expect([...restored!.docsOfTerm('odd')].length).toBe(150_000);
  });
});

describe('foldText', () => {
  it('folds ASCII as it folds each character', () => {
    for (const word of ['HeLLo', 'abc123', 'ALLCAPS', '']) {
      const perChar = [...word].map((ch) => ch.toLowerCase()).join('');
      expect(foldText(word, { caseSensitive: false, ignoreDiacritics: true })).toBe(perChar);
      expect(foldText(word, { caseSensitive: true, ignoreDiacritics: false })).toBe(word);
    }
    expect(foldText('ÉtÉ', { caseSensitive: false, ignoreDiacritics: true })).toBe('ete');
  });
});

import { describe, expect, it } from 'vitest';

import { COMMON_WORDS } from './common-words';
import { LONG_QUOTE_WORDS, quoteFlags, quoteSuggestion, quoteWords, RARE_MIN_UNCOMMON, RARE_WINDOW, rareSequence } from './quote-flags';

const kinds = (quote: string, terms = '') => quoteFlags(quote, terms).map((f) => f.kind);

/** The rule restated naively: some window of RARE_WINDOW words has ≥ RARE_MIN_UNCOMMON words not in the list. */
function naiveRare(text: string): boolean {
  const words = text.toLowerCase().replace(/'/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  for (let i = 0; i + RARE_WINDOW <= words.length; i++) {
    if (words.slice(i, i + RARE_WINDOW).filter((w) => !COMMON_WORDS.has(w) && !/^\d+$/.test(w)).length >= RARE_MIN_UNCOMMON) return true;
  }
  return false;
}

describe('quoteFlags', () => {
  it('passes a short quote of common words', () => {
    expect(kinds('I think that is not what they want')).toEqual([]);
  });

  it('flags a long quote at LONG_QUOTE_WORDS words, not one word before', () => {
    const words = Array.from({ length: LONG_QUOTE_WORDS }, () => 'the');
    expect(kinds(words.slice(1).join(' '))).toEqual([]);
    expect(quoteFlags(words.join(' '), '')).toEqual([{ kind: 'long', detail: `${LONG_QUOTE_WORDS} words` }]);
  });

  it('flags a rare word sequence and names it; agrees with a naive restatement of the rule', () => {
    const quote = 'honestly the vaccine mandate bureaucrats never listen';
    expect(quoteFlags(quote, '').find((f) => f.kind === 'rare-sequence')?.detail).toBe('honestly the vaccine mandate bureaucrats');
    for (const text of ['I do not know what you want', 'the the quantum banana the', 'quantum banana the the the', 'we will see what people say about it', 'Pineapple pizza enthusiasts unite tonight', "Don't you think it's great"]) {
      expect(rareSequence(quoteWords(text)) !== null, text).toBe(naiveRare(text));
    }
  });

  it('flags handles, hashtags and links, each once', () => {
    const flags = quoteFlags('ask @alice_b or u/bob_99 about #MeToo and #MeToo at https://example.org/x, or see bsky.app', '');
    expect(flags.filter((f) => f.kind !== 'rare-sequence' && f.kind !== 'long')).toEqual([
      { kind: 'handle', detail: '@alice_b' },
      { kind: 'handle', detail: 'u/bob_99' },
      { kind: 'hashtag', detail: '#MeToo' },
      { kind: 'link', detail: 'https://example.org/x' },
      { kind: 'link', detail: 'bsky.app' },
    ]);
  });

  it('does not take an e-mail address for a handle, nor C# or &#39; for a hashtag', () => {
    expect(kinds('write to me at ana@example')).not.toContain('handle');
    expect(kinds('I like C# a lot')).not.toContain('hashtag');
  });

  it("adds the thread's platform terms and suggests what to do", () => {
    const flags = quoteFlags('see @ana', 'Reddit: honour deletions; no verbatim quotes');
    expect(flags.map((f) => f.kind)).toEqual(['handle', 'platform-terms']);
    expect(quoteSuggestion(flags)).toBe('Remove the handle');
    expect(quoteSuggestion([{ kind: 'platform-terms', detail: 'x' }])).toBe('Check the platform terms before quoting');
    expect(quoteSuggestion(quoteFlags('honestly the vaccine mandate bureaucrats #x', ''))).toBe('Paraphrase it or quote a shorter, common-worded part; drop or generalise the hashtag');
  });
});

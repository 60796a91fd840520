/**
 * What makes a verbatim quote findable, so the researcher can paraphrase it before publishing:
 * - long: `LONG_QUOTE_WORDS` words or more (an exact-phrase search needs far fewer);
 * - rare sequence: `RARE_WINDOW` consecutive words of which at least `RARE_MIN_UNCOMMON` are not in
 *   the common-word list (common-words.ts): such a run is close to unique on the web;
 * - handle (@name, u/name), hashtag (#tag), link (a URL or a bare domain): each a direct search key;
 * - platform terms: the thread's terms note is shown beside the quote (what the platform requires).
 * Words are the search index's words (letters, digits and marks), folded to lower case, with
 * apostrophes dropped ("don't" → "dont").
 */
import { tokenize } from '../search/tokens';
import { COMMON_WORDS } from './common-words';

export const LONG_QUOTE_WORDS = 12;
export const RARE_WINDOW = 5;
export const RARE_MIN_UNCOMMON = 3;

export type QuoteFlagKind = 'long' | 'rare-sequence' | 'handle' | 'hashtag' | 'link' | 'platform-terms';

export interface QuoteFlag {
  kind: QuoteFlagKind;
  /** What was found: "14 words", the rare run, the handle, the hashtag, the link, the terms note. */
  detail: string;
}

const HANDLE = /(?:^|[^\p{L}\p{N}_@/])(@[\p{L}\p{N}_.]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?|\/?u\/[A-Za-z0-9_-]{3,})/gu;
const HASHTAG = /(?:^|[^\p{L}\p{N}_&#])(#[\p{L}\p{N}_]+)/gu;
const LINK = /\b(?:https?:\/\/\S+|www\.\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|uk|de|fr|social|app|gov|edu|ly|me|tv|info)(?:\/\S*)?)/giu;

/** Lower-cased words with apostrophes joined ("don't" → "dont"), as the common-word list spells them. */
export function quoteWords(text: string): string[] {
  return tokenize(text.replace(/(\p{L})['’](\p{L})/gu, '$1$2')).map((t) => t.text.toLowerCase());
}

const uncommon = (word: string): boolean => !COMMON_WORDS.has(word) && !/^\d+$/.test(word);

/** The first run of RARE_WINDOW words with at least RARE_MIN_UNCOMMON uncommon ones, or null. */
export function rareSequence(words: readonly string[]): string | null {
  for (let i = 0; i + RARE_WINDOW <= words.length; i++) {
    const window = words.slice(i, i + RARE_WINDOW);
    if (window.filter(uncommon).length >= RARE_MIN_UNCOMMON) return window.join(' ');
  }
  return null;
}

const matches = (re: RegExp, text: string): string[] => [...text.matchAll(re)].map((m) => (m[1] ?? m[0]).replace(/[.,;:!?)]+$/, ''));

/** The flags of one verbatim quote; `terms` is the thread's terms note ("" for none). */
export function quoteFlags(quote: string, terms: string): QuoteFlag[] {
  const flags: QuoteFlag[] = [];
  const words = quoteWords(quote);
  if (words.length >= LONG_QUOTE_WORDS) flags.push({ kind: 'long', detail: `${words.length} words` });
  const rare = rareSequence(words);
  if (rare !== null) flags.push({ kind: 'rare-sequence', detail: rare });
  for (const handle of new Set(matches(HANDLE, quote))) flags.push({ kind: 'handle', detail: handle });
  for (const tag of new Set(matches(HASHTAG, quote))) flags.push({ kind: 'hashtag', detail: tag });
  for (const link of new Set(matches(LINK, quote))) flags.push({ kind: 'link', detail: link });
  if (terms.trim() !== '') flags.push({ kind: 'platform-terms', detail: terms.trim() });
  return flags;
}

/** What the report suggests for a flagged verbatim quote. */
export function quoteSuggestion(flags: readonly QuoteFlag[]): string {
  const findable = flags.filter((f) => f.kind !== 'platform-terms');
  if (findable.length === 0) return flags.length > 0 ? 'Check the platform terms before quoting' : '';
  const parts: string[] = [];
  if (findable.some((f) => f.kind === 'long' || f.kind === 'rare-sequence')) parts.push('paraphrase it or quote a shorter, common-worded part');
  if (findable.some((f) => f.kind === 'handle')) parts.push('remove the handle');
  if (findable.some((f) => f.kind === 'hashtag')) parts.push('drop or generalise the hashtag');
  if (findable.some((f) => f.kind === 'link')) parts.push('remove the link');
  const sentence = parts.join('; ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * Words in a post: maximal runs of letters, digits and combining marks (fold.ts), with their
 * offsets in code points (end exclusive). The index and the check of a hit use this one rule, so
 * what the index finds is what the check confirms.
 */
import { foldText, isWordCodePoint, type FoldOptions } from './fold';

export interface Token {
  /** The word as written in the post. */
  text: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
}

/** Every word of `text` with its code-point offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let cp = 0;
  let startUnit = -1;
  let startCp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    let code = text.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    if (isWordCodePoint(code)) {
      if (startUnit < 0) {
        startUnit = i;
        startCp = cp;
      }
    } else if (startUnit >= 0) {
      tokens.push({ text: text.slice(startUnit, i), start: startCp, end: cp });
      startUnit = -1;
    }
    i += width - 1;
  }
  if (startUnit >= 0) tokens.push({ text: text.slice(startUnit), start: startCp, end: cp });
  return tokens;
}

/**
 * Each word of `text` as written (not folded): the indexer's hot loop, which folds each distinct
 * spelling once (search-index.ts). ASCII takes a fast path; other code points are classified
 * through fold.ts's per-code-point cache.
 */
export function forEachWord(text: string, each: (word: string) => void): void {
  const n = text.length;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let word: boolean;
    if (c < 128) {
      word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      word = isWordCodePoint((c - 0xd800) * 0x400 + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000);
      if (word) {
        if (start < 0) start = i;
        i++;
        continue;
      }
    } else {
      word = isWordCodePoint(c);
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      each(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) each(text.slice(start));
}

/** Folded spellings per option set, so checking many candidate posts folds each spelling once. */
const keyCaches = new Map<string, Map<string, string>>();
const KEY_CACHE_LIMIT = 200_000;

/** A word's key under `options`: what a query word must equal. */
export function wordKey(word: string, options: FoldOptions): string {
  const which = `${options.caseSensitive ? 'C' : 'c'}${options.ignoreDiacritics ? 'd' : 'D'}`;
  let cache = keyCaches.get(which);
  if (cache === undefined) keyCaches.set(which, (cache = new Map()));
  let key = cache.get(word);
  if (key === undefined) {
    key = foldText(word, options);
    if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
    cache.set(word, key);
  }
  return key;
}

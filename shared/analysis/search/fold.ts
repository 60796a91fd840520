/**
 * How search compares words: each code point folded once (lower case, diacritics removed) and
 * cached, so the index and the check of a hit agree on every character. ASCII takes a fast path;
 * other code points go through NFD and drop their combining marks (é → e, Å → a).
 */

/** How two words are compared: the index always folds both; a search may keep case or diacritics. */
export interface FoldOptions {
  caseSensitive: boolean;
  ignoreDiacritics: boolean;
}

export const FULL_FOLD: FoldOptions = { caseSensitive: false, ignoreDiacritics: true };

const WORD = /^[\p{L}\p{N}\p{M}]$/u;
const MARKS = /\p{M}/gu;

interface CodePointFold {
  word: boolean;
  /** Lower case, no diacritics. */
  full: string;
  lower: string;
  /** Case kept, no diacritics. */
  bare: string;
}

const cache = new Map<number, CodePointFold>();

function foldOf(cp: number): CodePointFold {
  let f = cache.get(cp);
  if (f === undefined) {
    const ch = String.fromCodePoint(cp);
    const bare = ch.normalize('NFD').replace(MARKS, '').normalize('NFC');
    f = { word: WORD.test(ch), full: bare.toLowerCase(), lower: ch.toLowerCase(), bare };
    cache.set(cp, f);
  }
  return f;
}

/** Per BMP code point: 0 not yet classified, 1 a word character, 2 not (the indexer's hot path). */
const bmpClass = new Uint8Array(0x10000);

/** True for a code point that belongs to a word: a letter, a digit or a combining mark. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57);
  if (cp < 0x10000) {
    let c = bmpClass[cp]!;
    if (c === 0) bmpClass[cp] = c = foldOf(cp).word ? 1 : 2;
    return c === 1;
  }
  return foldOf(cp).word;
}

/** A word (or any text) folded as `options` say. */
export function foldText(text: string, options: FoldOptions): string {
  // ASCII (most words): folding is at most toLowerCase, without a string per character.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) ascii = text.charCodeAt(i) < 128;
  if (ascii) return options.caseSensitive ? text : text.toLowerCase();
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += options.caseSensitive ? ch : ch.toLowerCase();
    else {
      const f = foldOf(cp);
      out += options.ignoreDiacritics ? (options.caseSensitive ? f.bare : f.full) : options.caseSensitive ? ch : f.lower;
    }
  }
  return out;
}

/** A word as the index keeps it: lower case, no diacritics. */
export const indexKey = (word: string): string => foldText(word, FULL_FOLD);

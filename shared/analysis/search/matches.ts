/**
 * Where a query matches one post's text: each occurrence of each term (word, phrase, prefix)
 * under the search's case and diacritics options, or each match of the regular expression, as
 * code-point spans in text order. The check every candidate from the index goes through.
 */
import { utf16ToCodePoint } from '../../text/offsets';
import type { FoldOptions } from './fold';
import type { QueryTerm } from './query';
import { tokenize, wordKey } from './tokens';

export interface Span {
  start: number;
  end: number;
}

/** A term with its words folded once for the search's options. */
export interface PreparedTerm {
  keys: string[];
  prefix: boolean;
}

export const prepareTerms = (terms: readonly QueryTerm[], options: FoldOptions): PreparedTerm[] =>
  terms.map((t) => ({ keys: t.words.map((w) => wordKey(w, options)), prefix: t.prefix }));

/** The spans of every term in `text`, or null when some term does not occur (all must). */
export function termMatches(text: string, terms: readonly PreparedTerm[], options: FoldOptions): Span[] | null {
  const tokens = tokenize(text);
  const keys = tokens.map((t) => wordKey(t.text, options));
  const spans: Span[] = [];
  for (const term of terms) {
    let found = false;
    const n = term.keys.length;
    for (let i = 0; i + n <= keys.length; i++) {
      let all = true;
      for (let k = 0; k < n && all; k++) {
        const key = keys[i + k]!;
        all = term.prefix && k === n - 1 ? key.startsWith(term.keys[k]!) : key === term.keys[k];
      }
      if (all) {
        found = true;
        spans.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
      }
    }
    if (!found) return null;
  }
  return sortSpans(spans);
}

/** The spans of the expression's non-empty matches in `text` (empty matches are skipped). */
export function regexMatches(text: string, regex: RegExp): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  let cpBase = 0;
  let unitBase = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0] === '') {
      regex.lastIndex = m.index + 1;
      continue;
    }
    // Matches come in order: convert each offset from the previous one, not from the start.
    const start = cpBase + utf16ToCodePoint(text.slice(unitBase), m.index - unitBase);
    const end = start + utf16ToCodePoint(m[0], m[0].length);
    spans.push({ start, end });
    cpBase = start;
    unitBase = m.index;
  }
  return spans;
}

function sortSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return spans.filter((s, i) => i === 0 || s.start !== spans[i - 1]!.start || s.end !== spans[i - 1]!.end);
}

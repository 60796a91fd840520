/**
 * The search language: words (all must occur), "exact phrases", prefix* — or, with the regex
 * option, one JavaScript regular expression. Parsing is pure and says what is wrong in words.
 */
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import { indexKey } from './fold';
import { tokenize } from './tokens';

/** One part of a query: a word, a phrase (consecutive words) or a prefix (one word's start). */
export interface QueryTerm {
  /** The words as typed (a phrase has several; `e-mail` is the phrase `e mail`). */
  words: string[];
  /** The (only) word is a prefix: `colo*` finds colour, colonial. */
  prefix: boolean;
}

export type ParsedQuery = { kind: 'terms'; terms: QueryTerm[] } | { kind: 'regex'; regex: RegExp; source: string };

export interface QueryOptions {
  regex?: boolean;
  caseSensitive?: boolean;
}

const queryProblem = (message: string): Problem => ({ record: 'search', field: 'query', message });

/** The query as terms or a compiled regular expression, or a Problem naming what is wrong. */
export function parseQuery(text: string, options: QueryOptions = {}): Result<ParsedQuery, Problem> {
  if (text.trim() === '') return err(queryProblem('the query is empty: type a word, a "phrase", a prefix* or a regular expression'));
  if (options.regex) return parseRegex(text, options.caseSensitive ?? false);
  const terms: QueryTerm[] = [];
  const parts = splitQuery(text);
  if (!parts.ok) return parts;
  for (const part of parts.value) {
    const prefix = !part.quoted && part.text.endsWith('*');
    const body = prefix ? part.text.replace(/\*+$/, '') : part.text;
    const words = tokenize(body)
      .map((t) => t.text)
      .filter((w) => indexKey(w) !== '');
    if (words.length === 0) {
      if (part.quoted && part.text.trim() === '') return err(queryProblem('an empty phrase "": put words between the quotes'));
      return err(queryProblem(`“${part.text}” has no letter or digit to search for`));
    }
    if (prefix && words.length > 1) return err(queryProblem(`“${part.text}”: a prefix* must be one word (letters and digits only)`));
    terms.push({ words, prefix });
  }
  return ok({ kind: 'terms', terms });
}

interface QueryPart {
  text: string;
  quoted: boolean;
}

/** Whitespace-separated parts, "quoted" phrases kept whole. */
function splitQuery(text: string): Result<QueryPart[], Problem> {
  const parts: QueryPart[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return err(queryProblem(`the phrase starting at “${text.slice(i, i + 20)}” has no closing quote (")`));
      parts.push({ text: text.slice(i + 1, close), quoted: true });
      i = close + 1;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j]!) && text[j] !== '"') j++;
      parts.push({ text: text.slice(i, j), quoted: false });
      i = j;
    }
  }
  return ok(parts);
}

function parseRegex(source: string, caseSensitive: boolean): Result<ParsedQuery, Problem> {
  try {
    return ok({ kind: 'regex', regex: new RegExp(source, caseSensitive ? 'gu' : 'giu'), source });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return err(queryProblem(`the regular expression is invalid: ${reason}`));
  }
}

/**
 * What every match of a regular expression must contain, so it runs only on the posts whose
 * words hold it: the literal runs at the top level of a pattern without alternation, cut into
 * their word parts (letters and digits) of two or more characters, folded as the index folds.
 * Anything unsure (a `|`, a class, an escape, an optional character) ends a run; a pattern with no
 * such part returns [] and the search scans every post.
 */
import { indexKey } from './fold';
import { tokenize } from './tokens';

export function requiredLiterals(source: string): string[] {
  const runs: string[] = [];
  let run = '';
  let depth = 0;
  const end = (): void => {
    if (run !== '') runs.push(run);
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      end();
      i = escapeEnd(source, i);
    } else if (ch === '[') {
      end();
      i = classEnd(source, i);
    } else if (ch === '(') {
      end();
      depth++;
    } else if (ch === ')') {
      end();
      depth = Math.max(0, depth - 1);
    } else if (ch === '|') {
      if (depth === 0) return [];
      end();
    } else if (ch === '?' || ch === '*' || ch === '{') {
      // The character before is optional (or repeated a counted number of times, maybe zero).
      run = run.slice(0, -1);
      end();
      if (ch === '{') i = Math.max(i, source.indexOf('}', i));
    } else if (ch === '+' || ch === '.' || ch === '^' || ch === '$') {
      end();
    } else if (depth === 0) {
      run += ch;
    }
  }
  end();
  return runs.flatMap((r) => tokenize(r).map((t) => indexKey(t.text))).filter((part) => [...part].length >= 2);
}

/** The index of the last character of the escape starting at `i` (a backslash). */
function escapeEnd(source: string, i: number): number {
  const next = source[i + 1];
  if (next === undefined) return i;
  if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && (source[i + 2] === '{' || source[i + 2] === '<')) {
    const close = source.indexOf(source[i + 2] === '{' ? '}' : '>', i + 2);
    return close < 0 ? source.length : close;
  }
  if (next === 'u') return i + 5;
  if (next === 'x') return i + 3;
  if (next === 'c') return i + 2;
  return i + 1;
}

/** The index of the `]` closing the class opened at `i`. */
function classEnd(source: string, i: number): number {
  for (let j = i + 1; j < source.length; j++) {
    if (source[j] === '\\') j++;
    else if (source[j] === ']' && j > i + 1) return j;
  }
  return source.length;
}

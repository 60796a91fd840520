/**
 * The one description of what is wrong, used by every layer: a bundle check, a codebook rule, a
 * thread file's bad line, a refused operation. Each part is optional but the message, so a problem
 * says as much as is known: which file, which line, which record, which field.
 */
export interface Problem {
  /** The file's name as the user knows it (`posts.ndjson`), when the problem is in a file. */
  file?: string;
  /** 1-based line, for line-oriented files. */
  line?: number;
  /** The record: `codings[3] (id "c-1")`, `code “Fallacy” (id c-1)`, `coding k-3`, `codebook`. */
  record?: string;
  /** The field inside the record, dotted for nested values (`meta.score`). */
  field?: string;
  message: string;
  /** Set when the work was cancelled rather than refused (shared/util/cancelled.ts, isCancelled). */
  kind?: 'cancelled';
}

/** The words a file's format uses for a record and a field: `element`/`attribute` in XML, `column` in CSV. */
export interface ProblemWords {
  record?: string;
  field?: string;
}

/**
 * One line, place first: `posts.ndjson (line 3, record data[2], field parent): message`, or
 * `codings[3] (id "c-1") end: message` without a file. `words` names record and field as the
 * file's format does (`codes.csv (line 3, column color): …`). An empty
 * file name counts as none. Line breaks in any part become spaces.
 */
export function formatProblem(p: Problem): string;
export function formatProblem(p: Problem, words: ProblemWords): string;
export function formatProblem(p: Problem, words?: ProblemWords): string {
  // `problems.map(formatProblem)` passes an index here: only an object names the words.
  const named = typeof words === 'object' && words !== null ? words : {};
  const recordAndField = [p.record, p.field].filter((part) => part !== undefined && part !== '').join(' ');
  let where: string;
  if (p.file !== undefined && p.file !== '') {
    const inside = [
      p.line === undefined ? null : `line ${p.line}`,
      p.record === undefined || p.record === '' ? null : `${named.record ?? 'record'} ${p.record}`,
      p.field === undefined || p.field === '' ? null : `${named.field ?? 'field'} ${p.field}`,
    ].filter((part) => part !== null);
    where = `${p.file}${inside.length > 0 ? ` (${inside.join(', ')})` : ''}`;
  } else {
    where = [p.line === undefined ? '' : `line ${p.line}`, recordAndField].filter(Boolean).join(' ');
  }
  return (where === '' ? p.message : `${where}: ${p.message}`).replace(/[\r\n]+/g, ' ');
}

export const problem = (message: string, place: Omit<Problem, 'message'> = {}): Problem => ({ ...place, message });

/**
 * The command palette's filter: which actions a query finds, best first. Every word of the query
 * must be found in the label (a word start, then anywhere, then its letters in order) or in a
 * keyword; a label that starts with the whole query comes first. Ties keep the catalog's order.
 */

export interface PaletteEntry {
  label: string;
  keywords?: readonly string[];
}

/** Lower case, accents off, punctuation ("…", "(.qdc)", "REFI-QDA") as spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Letters of `term` in order inside `text`: a score that favours word starts and runs, or null. */
function inOrder(term: string, text: string): number | null {
  let at = 0;
  let score = 0;
  let previous = -2;
  for (const char of term) {
    const found = text.indexOf(char, at);
    if (found === -1) return null;
    if (found === 0 || text[found - 1] === ' ') score += 3;
    if (found === previous + 1) score += 1;
    previous = found;
    at = found + 1;
  }
  return Math.min(score, 30);
}

function termScore(term: string, label: string, keywords: readonly string[]): number | null {
  const words = label.split(' ');
  if (words.some((word) => word.startsWith(term))) return 80;
  if (label.includes(term)) return 60;
  if (keywords.some((k) => k.split(' ').some((word) => word.startsWith(term)))) return 45;
  if (keywords.some((k) => k.includes(term))) return 35;
  return term.length > 1 ? inOrder(term, label) : null;
}

/** How well the entry answers the query (higher is better), or null when it does not. */
export function scoreEntry(query: string, entry: PaletteEntry): number | null {
  const q = normalize(query);
  if (q === '') return 0;
  const label = normalize(entry.label);
  const keywords = (entry.keywords ?? []).map(normalize);
  let score = label.startsWith(q) ? 100 : label.includes(q) ? 40 : 0;
  for (const term of q.split(' ')) {
    const s = termScore(term, label, keywords);
    if (s === null) return null;
    score += s;
  }
  return score;
}

/** The entries the query finds, best first; an empty query gives them all in their order. */
export function filterEntries<T extends PaletteEntry>(query: string, entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index, score: scoreEntry(query, entry) }))
    .filter((ranked): ranked is { entry: T; index: number; score: number } => ranked.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((ranked) => ranked.entry);
}

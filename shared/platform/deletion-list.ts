/**
 * A platform's deletion list: the post ids or user ids that must no longer be kept (Reddit's and
 * X's terms; a compliance job's output). One id per line; blank lines and lines starting with "#"
 * are skipped; surrounding quotes, a trailing comma and spaces are dropped; duplicates count once.
 */
export interface DeletionList {
  ids: string[];
  /** Lines read (not counting blank ones and comments). */
  lines: number;
}

export function parseDeletionList(text: string): DeletionList {
  const ids = new Set<string>();
  let lines = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    lines++;
    const id = line
      .replace(/,$/, '')
      .replace(/^["'](.*)["']$/, '$1')
      .trim();
    if (id !== '') ids.add(id);
  }
  return { ids: [...ids], lines };
}

import type { ImportProblem } from '@shared/import/raw-post';

/** `posts.ndjson (line 3, field parent): message`: the file, then where in it, then what. */
export function formatImportProblem(p: ImportProblem): string {
  const where = [
    p.line === undefined ? null : `line ${p.line}`,
    p.record === undefined ? null : `record ${p.record}`,
    p.field === undefined ? null : `field ${p.field}`,
  ].filter((part) => part !== null);
  return `${p.file}${where.length > 0 ? ` (${where.join(', ')})` : ''}: ${p.message}`;
}

import { formatProblem, type Problem } from '@shared/problem/problem';

/** `posts.ndjson (line 3, field parent): message`: the file, then where in it, then what (formatProblem). */
export function formatImportProblem(p: Problem): string {
  return formatProblem(p);
}

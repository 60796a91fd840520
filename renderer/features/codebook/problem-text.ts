import type { Problem } from '@shared/problem/problem';


/**
 * A refusal as a researcher reads it: “Derailing”: cannot indent the first code of its level…
 * (formatCodebookProblem's record id and field name are for files and logs, not for the status line).
 */
export function problemText(problem: Problem): string {
  const record = problem.record ?? '';
  const name = /^code (“.*”) \(id [^)]*\)$/.exec(record)?.[1];
  if (name) return `${name}: ${problem.message}`;
  if (record === 'codebook' || record === 'project' || record === '') return problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  return `${record.charAt(0).toUpperCase()}${record.slice(1)}: ${problem.message}`;
}

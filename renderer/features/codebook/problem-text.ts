import type { CodebookProblem } from '@shared/codebook/codebook-problem';

/**
 * A refusal as a researcher reads it: “Derailing”: cannot indent the first code of its level…
 * (formatCodebookProblem's record id and field name are for files and logs, not for the status line).
 */
export function problemText(problem: CodebookProblem): string {
  const name = /^code (“.*”) \(id [^)]*\)$/.exec(problem.record)?.[1];
  if (name) return `${name}: ${problem.message}`;
  if (problem.record === 'codebook' || problem.record === '') return problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  return `${problem.record.charAt(0).toUpperCase()}${problem.record.slice(1)}: ${problem.message}`;
}

/**
 * Helpers for the problems parsers report. Problems are fatal for the file (an import is all or
 * nothing), so the first few are enough to fix it; a hostile file with a million bad lines must
 * not produce a million messages.
 */
import type { RawPost } from './raw-post';
import type { Problem } from '../problem/problem';

export const MAX_PROBLEMS = 50;

/** Per-record parsers return a post or a problem; a problem never has `platform`. */
export function isImportProblem(value: RawPost | Problem): value is Problem {
  return !('platform' in value);
}

/** Collects up to MAX_PROBLEMS, then one line saying how many more there were. */
export class ProblemList {
  private readonly items: Problem[] = [];
  private dropped = 0;

  constructor(private readonly file: string) {}

  add(problem: Problem): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push(problem);
    else this.dropped++;
  }

  get full(): boolean {
    return this.items.length >= MAX_PROBLEMS;
  }

  get count(): number {
    return this.items.length + this.dropped;
  }

  list(): Problem[] {
    if (this.dropped === 0) return [...this.items];
    return [...this.items, { file: this.file, message: `…and ${this.dropped} more problems like these` }];
  }
}

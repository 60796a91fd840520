/**
 * The Rounds view's table rows and the packages dialog's choice, apart from React: each round with
 * its codebook version's and coders' names, newest last, as the rounds were started.
 */
import type { CodebookVersion, Coder, Round } from '@shared/model/records';

import { excerpt } from '../threads/format-time';

export interface RoundRow {
  id: string;
  number: number;
  name: string;
  createdAt: string;
  /** The pinned version's name, or "(version deleted)". */
  versionName: string;
  coderNames: string[];
  posts: number;
  /** "5 posts, seed 7, stratified by thread", or "threads chosen by hand". */
  how: string;
  /** The first line or so of the instructions; "" when none. */
  instructions: string;
}

export function roundRows(rounds: readonly Round[], versions: readonly CodebookVersion[], coders: readonly Coder[]): RoundRow[] {
  const versionName = new Map(versions.map((v) => [v.id, v.name]));
  const coderName = new Map(coders.map((c) => [c.id, c.name]));
  return [...rounds]
    .sort((a, b) => a.number - b.number)
    .map((r) => ({
      id: r.id,
      number: r.number,
      name: r.name,
      createdAt: r.createdAt,
      versionName: versionName.get(r.codebookVersionId) ?? '(version deleted)',
      coderNames: r.coderIds.map((id) => coderName.get(id) ?? id),
      posts: r.postIds.length,
      how: howChosen(r),
      instructions: excerpt(r.instructions, 90),
    }));
}

function howChosen(round: Round): string {
  const s = round.sample;
  if (!s) return 'threads chosen by hand';
  const unit = s.unit === 'post' ? (s.size === 1 ? 'post' : 'posts') : s.size === 1 ? 'thread' : 'threads';
  return `sample of ${s.size} ${unit}, seed ${s.seed}${s.stratifyBy ? `, stratified by ${s.stratifyBy}` : ''}`;
}

/** The round a command acts on by default: the latest started. */
export const latestRound = <R extends Pick<Round, 'number'>>(rounds: readonly R[]): R | undefined =>
  rounds.reduce<R | undefined>((latest, r) => (latest === undefined || r.number > latest.number ? r : latest), undefined);

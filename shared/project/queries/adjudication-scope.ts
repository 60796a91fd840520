/**
 * What adjudication reads, once: the posts in reading order (placeholders never), their codings
 * indexed by post, the codebook's order, the decisions, and who rated which post. The coders are
 * the team: never the consensus coder; with a round, only the round's coders and posts; without
 * one, every coder with an assignment or a coding (someone who never coded and was never assigned
 * anything, such as a lead who only adjudicates, is not taken to have rated every post).
 * Who rated a post follows the assignments as agreement does (post-raters.ts).
 */
import { codesInTreeOrder } from '../../codebook/code-tree';
import { CONSENSUS_CODER_ID, type Assignment, type Code, type CodebookVersion, type Coder, type Coding, type Decision, type Post, type Project, type Round } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { ProjectReader } from '../project-store';
import { compareStrings } from '../record-order';
import { isPlaceholder } from './agreement-input';
import { postRaters } from './post-raters';
import { postsInReadingOrder } from './reading-order';

export interface UnitScope {
  round: Round | null;
  /** The team, by name then id. */
  coders: Coder[];
  /** Each code's place in the codebook tree. */
  codeRank: ReadonlyMap<string, number>;
  /** The team's coders who rated the post, in `coders` order. */
  raters(postId: string): readonly string[];
  /** The round a disagreement on the post belongs to: the scope's, else the latest round holding the post. */
  roundOf(postId: string): string | null;
}

export interface ScopeRecords {
  coders: readonly Coder[];
  codes: readonly Code[];
  assignments: readonly Assignment[];
  rounds: readonly Round[];
  round: Round | null;
  /** Without a round: the coders who coded something (the others count only when assigned posts). */
  coded?: ReadonlySet<string>;
}

export function unitScope({ coders, codes, assignments, rounds, round, coded }: ScopeRecords): UnitScope {
  const assigned = new Set(assignments.map((a) => a.coderId));
  const inRound = round ? new Set(round.coderIds) : null;
  const team = coders
    .filter((c) => c.id !== CONSENSUS_CODER_ID && (inRound ? inRound.has(c.id) : coded === undefined || coded.has(c.id) || assigned.has(c.id)))
    .sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
  const teamIds = team.map((c) => c.id);
  const rank = new Map(teamIds.map((id, i) => [id, i]));
  const teamAssignments = assignments.filter((a) => rank.has(a.coderId));
  const raters = postRaters(teamIds, teamAssignments);
  const latestRound = new Map<string, string>();
  for (const r of [...rounds].sort((a, b) => a.number - b.number)) for (const id of r.postIds) latestRound.set(id, r.id);
  return {
    round,
    coders: team,
    codeRank: new Map(codesInTreeOrder(codes).map((c, i) => [c.id, i])),
    // Nobody assigned: everybody rated every post, in team order already (the common case, kept cheap).
    raters: teamAssignments.length === 0 ? () => teamIds : (postId) => raters.ratedBy(postId).sort((a, b) => rank.get(a)! - rank.get(b)!),
    roundOf: (postId) => round?.id ?? latestRound.get(postId) ?? null,
  };
}

export interface AdjudicationRead {
  project: Project | undefined;
  scope: UnitScope;
  /** The scope's posts in reading order. */
  posts: Post[];
  codes: Code[];
  /** Every coder of the project, the consensus coder included when present. */
  allCoders: Coder[];
  /** Every coding of the scope's posts (the consensus layer's too), by post id. */
  codingsByPost: Map<string, Coding[]>;
  decisions: Map<string, Decision>;
  versions: CodebookVersion[];
}

export interface ScopeOptions {
  roundId?: string | null;
  /** Only these posts (a single decision reads one post, not the corpus). */
  postIds?: readonly string[];
}

export async function readAdjudication(reader: ProjectReader, { roundId = null, postIds }: ScopeOptions = {}): Promise<Result<AdjudicationRead, Problem>> {
  const [project, threads, codes, coders, assignments, rounds, decisions, versions] = await Promise.all([
    reader.project(),
    reader.threads(),
    reader.codes(),
    reader.coders(),
    reader.assignments(),
    reader.rounds(),
    reader.decisions(),
    reader.versions(),
  ]);
  const round = roundId === null ? null : rounds.find((r) => r.id === roundId);
  if (round === undefined) return err({ record: `round ${roundId}`, field: 'id', message: 'the round does not exist' });
  const wanted = postIds ?? round?.postIds;
  let posts: Post[];
  let codings: Coding[];
  if (wanted === undefined) {
    [posts, codings] = await Promise.all([reader.allPosts(), reader.allCodings()]);
  } else {
    const inRound = round ? new Set(round.postIds) : null;
    const ids = inRound ? wanted.filter((id) => inRound.has(id)) : wanted;
    const found = await reader.posts(ids);
    posts = ids.flatMap((id) => found.get(id) ?? []);
    codings = await reader.codingsOfPosts(ids);
  }
  posts = postsInReadingOrder(threads, posts.filter((p) => !isPlaceholder(p)));
  const codingsByPost = new Map<string, Coding[]>();
  for (const c of codings) {
    const list = codingsByPost.get(c.postId);
    if (list) list.push(c);
    else codingsByPost.set(c.postId, [c]);
  }
  // Without a round the team is read the same way for one post as for the whole project (see the header).
  const coded = round === null ? await reader.codersWithCodings() : undefined;
  return ok({
    project,
    scope: unitScope({ coders, codes, assignments, rounds, round, ...(coded ? { coded } : {}) }),
    posts,
    codes,
    allCoders: coders,
    codingsByPost,
    decisions: new Map(decisions.map((d) => [d.id, d])),
    versions,
  });
}

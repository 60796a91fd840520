/**
 * The adjudication list: each (post, code) where the coders assigned the post differ (coding-units.ts),
 * in reading order and then codebook order, each with every coder's codings of the code there, what
 * else each coder applied in the post, and the decision taken on it, if any.
 */
import type { Coding, Decision } from '../../model/records';
import type { ProjectReader } from '../project-store';
import { readAdjudication } from './adjudication-scope';
import { unitsOfPost, type CodingUnit } from './coding-units';

export interface DisagreementCoder {
  coderId: string;
  coderName: string;
  /** Their codings of this code in this post, by position; empty when they did not apply it. */
  codings: Coding[];
  /**
   * Codes they applied in this post that another coder of the post did not (this code aside), in
   * codebook order: what they used instead.
   */
  otherCodeIds: string[];
}

export interface Disagreement {
  /** `<postId>|<codeId>`, as its decision's id. */
  id: string;
  postId: string;
  threadId: string;
  codeId: string;
  /** The round asked for, else the latest round holding the post, else null. */
  roundId: string | null;
  /** The coders assigned the post, by name. */
  coders: DisagreementCoder[];
  decision: Decision | null;
}

export interface DisagreementFilter {
  roundId?: string | null;
  /** Only these codes (all when absent). */
  codeIds?: readonly string[];
}

/** An unknown round has no disagreements (the list the contract promises, never a throw). */
export async function listDisagreements(reader: ProjectReader, { roundId = null, codeIds }: DisagreementFilter = {}): Promise<Disagreement[]> {
  const read = await readAdjudication(reader, { roundId });
  if (!read.ok) return [];
  const { scope, posts, codingsByPost, decisions } = read.value;
  const names = new Map(scope.coders.map((c) => [c.id, c.name]));
  const wanted = codeIds === undefined ? null : new Set(codeIds);
  const out: Disagreement[] = [];
  for (const post of posts) {
    const inPost = unitsOfPost(scope, post, codingsByPost.get(post.id) ?? []);
    if (!inPost) continue;
    // A code is "other" for a coder when they applied it and some coder of the post did not.
    let notShared: CodingUnit[] | null = null;
    for (const unit of inPost.units) {
      if (unit.agreed || (wanted && !wanted.has(unit.codeId))) continue;
      const others = (notShared ??= inPost.units.filter((u) => u.codings.some((list) => list.length === 0)));
      out.push({
        id: unit.id,
        postId: post.id,
        threadId: post.threadId,
        codeId: unit.codeId,
        roundId: scope.roundOf(post.id),
        coders: unit.coderIds.map((coderId, i) => ({
          coderId,
          coderName: names.get(coderId) ?? coderId,
          codings: unit.codings[i]!,
          otherCodeIds: others.filter((u) => u !== unit && u.codings[i]!.length > 0).map((u) => u.codeId),
        })),
        decision: decisions.get(unit.id) ?? null,
      });
    }
  }
  return out;
}

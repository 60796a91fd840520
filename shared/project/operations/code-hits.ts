/**
 * Code all hits… (auto-coding): one code applied to a search's hits — the hit spans, the
 * sentences holding them, or the whole posts — for one coder, as ONE journal entry, so one undo
 * takes it all back. Spans the coder already coded with that code (a coding covering the span)
 * and placeholder posts are skipped; the same span reached twice is coded once. The preview
 * (`previewCodeHits`) runs the same plan, so its count is the count applied.
 */
import { sentenceAround } from '../../analysis/search/sentences';
import { notApplicableReason } from '../../codebook/code-status';
import type { Code, Coding, Post } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { codePointLength, sliceCodePoints } from '../../text/offsets';
import { err, ok, type Result } from '../../util/result';
import { defineOperation, unchanged, type Actor } from '../operation';
import type { ProjectReader } from '../project-store';
import { isPlaceholder } from '../queries/agreement-input';
import { versionInForce } from '../version-in-force';

export type CodeHitsScope = 'hit' | 'sentence' | 'post';

export interface HitSpan {
  postId: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
}

export interface CodeHitsInput {
  codeId: string;
  scope: CodeHitsScope;
  hits: readonly HitSpan[];
  /** Whose codings they are: the acting coder unless given. */
  coderId?: string;
}

export interface CodeHitsPlan {
  /** The spans that will be coded, in the order of the hits. */
  spans: HitSpan[];
  /** Spans the coder already coded with this code. */
  alreadyCoded: number;
  /** Hits in placeholder posts. */
  placeholders: number;
}

export interface CodeHitsSnapshot {
  posts: Map<string, Post>;
  code: Code | undefined;
  codings: Coding[];
  versionId: string | undefined;
}

const SCOPE_WORDS: Record<CodeHitsScope, string> = { hit: 'hits', sentence: 'sentences', post: 'posts' };

async function readHits(reader: ProjectReader, input: CodeHitsInput): Promise<CodeHitsSnapshot> {
  const postIds = [...new Set(input.hits.map((h) => h.postId))];
  const [posts, codes, codings, project, versions] = await Promise.all([reader.posts(postIds), reader.codes(), reader.codingsOfPosts(postIds), reader.project(), reader.versions()]);
  return { posts, code: codes.find((c) => c.id === input.codeId), codings, versionId: versionInForce(project, versions) };
}

/** What coding the hits would do, or the Problem that refuses it. */
export function planCodeHits(snapshot: CodeHitsSnapshot, input: CodeHitsInput, coderId: string): Result<CodeHitsPlan, Problem> {
  const { code, posts } = snapshot;
  if (!code) return err({ record: `code ${input.codeId}`, field: 'id', message: 'the code does not exist' });
  const notApplicable = notApplicableReason(code);
  if (notApplicable) return err({ record: `code “${code.name}” (id ${code.id})`, field: code.codable ? 'retired' : 'codable', message: notApplicable });
  if (!(input.scope in SCOPE_WORDS)) return err({ record: 'code all hits', field: 'scope', message: `the scope must be hit, sentence or post, not “${String(input.scope)}”` });
  const existing = snapshot.codings.filter((c) => c.codeId === code.id && c.coderId === coderId);
  const seen = new Set<string>();
  const plan: CodeHitsPlan = { spans: [], alreadyCoded: 0, placeholders: 0 };
  for (const hit of input.hits) {
    const post = posts.get(hit.postId);
    if (!post) return err({ record: `post ${hit.postId}`, field: 'id', message: 'the post does not exist (its thread may have been deleted): search again' });
    if (isPlaceholder(post)) {
      plan.placeholders++;
      continue;
    }
    const length = codePointLength(post.text);
    if (!Number.isSafeInteger(hit.start) || !Number.isSafeInteger(hit.end) || hit.start < 0 || hit.end > length || hit.start >= hit.end) {
      return err({ record: `post ${hit.postId}`, field: 'start', message: `the hit ${hit.start}–${hit.end} is outside the post (0–${length})` });
    }
    const span = input.scope === 'post' ? { start: 0, end: length } : input.scope === 'sentence' ? sentenceAround(post.text, hit) : { start: hit.start, end: hit.end };
    const key = `${post.id}\u0000${span.start}\u0000${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (existing.some((c) => c.postId === post.id && c.start <= span.start && c.end >= span.end)) {
      plan.alreadyCoded++;
      continue;
    }
    plan.spans.push({ postId: post.id, ...span });
  }
  return ok(plan);
}

/** The preview: the same plan the operation makes, for the coder `actor`. */
export async function previewCodeHits(reader: ProjectReader, input: CodeHitsInput, actor: Pick<Actor, 'id'>): Promise<Result<CodeHitsPlan, Problem>> {
  return planCodeHits(await readHits(reader, input), input, input.coderId ?? actor.id);
}

export const codeHits = defineOperation<CodeHitsInput, CodeHitsSnapshot, Coding[]>({
  kind: 'codings.code-hits',
  read: readHits,
  plan(snapshot, input, { at, actor, ids }) {
    const coderId = input.coderId ?? actor.id;
    const planned = planCodeHits(snapshot, input, coderId);
    if (!planned.ok) return planned;
    const code = snapshot.code!;
    const codings = planned.value.spans.map((span): Coding => {
      const post = snapshot.posts.get(span.postId)!;
      return {
        id: ids.newId(),
        postId: post.id,
        threadId: post.threadId,
        codeId: code.id,
        coderId,
        start: span.start,
        end: span.end,
        quote: sliceCodePoints(post.text, span.start, span.end),
        memo: '',
        createdAt: at,
        updatedAt: at,
        ...(snapshot.versionId === undefined ? {} : { codebookVersionId: snapshot.versionId }),
      };
    });
    if (codings.length === 0) return unchanged(`Nothing to code as “${code.name}”: every hit is already coded`, []);
    const n = codings.length;
    return ok({
      summary: `Coded ${n.toLocaleString('en-US')} search ${n === 1 ? SCOPE_WORDS[input.scope].slice(0, -1) : SCOPE_WORDS[input.scope]} as “${code.name}”`,
      changes: { codings: codings.map((after) => ({ before: null, after })) },
      result: codings,
    });
  },
});

/**
 * The input every unit of agreement starts from, and its codings grouped into layers: for each
 * code and coder, the coder's intervals per post. Offsets are code points, end exclusive, as in
 * every record (shared/model/records.ts).
 */
import type { Code, Coding } from '../../model/records';
import { type Interval, mergeOverlapping } from './intervals';

export interface AgreementPost {
  id: string;
  /** Length of the post's text in code points. */
  length: number;
  /**
   * Ids of the coders who rated this post (had it in their layer). Absent means every coder did,
   * which is the case for codings taken from one project; posts matched across coders' bundles
   * say who saw them, so a post missing from one bundle is missing data, not "nothing coded".
   */
  ratedBy?: readonly string[];
}

export type AgreementCoding = Pick<Coding, 'postId' | 'codeId' | 'coderId' | 'start' | 'end'>;

export interface AgreementInput {
  /** In continuum order: unitizing concatenates the posts in this order. */
  posts: AgreementPost[];
  codes: Code[];
  coders: Array<{ id: string; name: string }>;
  codings: AgreementCoding[];
}

/** postId → the coder's intervals of one code in that post: sorted, overlaps merged, touching kept. */
export type PostLayer = ReadonlyMap<string, readonly Interval[]>;

/** codeId → coderId → that coder's layer for that code. */
export type CodingLayers = ReadonlyMap<string, ReadonlyMap<string, PostLayer>>;

const EMPTY_LAYER: PostLayer = new Map();
const NO_INTERVALS: readonly Interval[] = [];

/**
 * Groups codings by (code, coder, post). Codings on unknown posts are ignored; offsets are
 * clamped to the post so a stale coding cannot count characters that do not exist. Overlapping
 * codings of one code by one coder become one interval (a double highlight is one judgement);
 * touching ones stay two, as unitizing requires.
 */
export function codingLayers(input: AgreementInput): CodingLayers {
  const lengths = new Map(input.posts.map((p) => [p.id, p.length]));
  const raw = new Map<string, Map<string, Map<string, Interval[]>>>();
  for (const c of input.codings) {
    const length = lengths.get(c.postId);
    if (length === undefined) continue;
    const start = Math.max(0, c.start);
    const end = Math.min(length, c.end);
    if (!(start < end)) continue;
    const byCoder = getOrCreate(raw, c.codeId, () => new Map<string, Map<string, Interval[]>>());
    const byPost = getOrCreate(byCoder, c.coderId, () => new Map<string, Interval[]>());
    getOrCreate(byPost, c.postId, () => []).push({ start, end });
  }
  for (const byCoder of raw.values()) {
    for (const byPost of byCoder.values()) {
      for (const [postId, intervals] of byPost) {
        // Most posts carry one coding per code and coder: skip the sort for them.
        if (intervals.length > 1) byPost.set(postId, mergeOverlapping(intervals));
      }
    }
  }
  return raw;
}

/** A coder's layer for one code; empty when the coder never used the code. */
export function layerOf(layers: CodingLayers, codeId: string, coderId: string): PostLayer {
  return layers.get(codeId)?.get(coderId) ?? EMPTY_LAYER;
}

/** The coder's intervals of one layer in one post; empty when none. */
export function intervalsIn(layer: PostLayer, postId: string): readonly Interval[] {
  return layer.get(postId) ?? NO_INTERVALS;
}

export function isRatedBy(post: AgreementPost, coderId: string): boolean {
  return post.ratedBy === undefined || post.ratedBy.includes(coderId);
}

/** The posts every one of the given coders rated, in input order: the only ones they can be compared on. */
export function postsRatedByAll(input: AgreementInput, coderIds: readonly string[]): AgreementPost[] {
  return input.posts.filter((p) => coderIds.every((id) => isRatedBy(p, id)));
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

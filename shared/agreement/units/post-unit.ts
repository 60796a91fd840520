/**
 * The post as unit: each post is a unit per code, and a coder's value is 1 when they coded the
 * code anywhere in the post, 0 when they did not. A coder who did not rate the post (it was not in
 * their layer) is missing (null), which Krippendorff's α and Gwet's AC1 handle and κ skips.
 */
import type { RatingValue, ReliabilityData } from '../reliability-data';
import { type AgreementInput, type CodingLayers, codingLayers, isRatedBy, layerOf } from './coding-layers';

export const PRESENT = 1;
export const ABSENT = 0;

/** One code: units are the posts (labelled by id), columns the coders (labelled by name). */
export function postUnitData(
  input: AgreementInput,
  codeId: string,
  coderIds: readonly string[],
  layers: CodingLayers = codingLayers(input),
): ReliabilityData {
  const coderLayers = coderIds.map((id) => layerOf(layers, codeId, id));
  const posts = comparedPosts(input, coderIds);
  const values = posts.map((post) =>
    coderIds.map((coderId, c): RatingValue | null => {
      if (!isRatedBy(post, coderId)) return null;
      return coderLayers[c]!.has(post.id) ? PRESENT : ABSENT;
    }),
  );
  return { units: posts.map((p) => p.id), coders: coderLabels(input, coderIds), values };
}

/**
 * The posts at least two of the coders rated: a post only one coder had says nothing about
 * agreement, so it is no unit (and `n_units` counts what was compared).
 */
export function comparedPosts(input: AgreementInput, coderIds: readonly string[]): AgreementInput['posts'] {
  return input.posts.filter((post) => coderIds.filter((id) => isRatedBy(post, id)).length >= 2);
}

/**
 * All codes at once: every (post, code) pair is a unit, labelled "postId|codeId", so one
 * coefficient summarises agreement over the whole codebook. Rows go post by post, codes in the
 * order given.
 */
export function postCodeUnitData(
  input: AgreementInput,
  codeIds: readonly string[],
  coderIds: readonly string[],
  layers: CodingLayers = codingLayers(input),
): ReliabilityData {
  const perCode = codeIds.map((codeId) => coderIds.map((coderId) => layerOf(layers, codeId, coderId)));
  const units: string[] = [];
  const values: Array<Array<RatingValue | null>> = [];
  for (const post of comparedPosts(input, coderIds)) {
    const rated = coderIds.map((coderId) => isRatedBy(post, coderId));
    codeIds.forEach((codeId, k) => {
      units.push(`${post.id}|${codeId}`);
      values.push(perCode[k]!.map((layer, c) => (rated[c] ? (layer.has(post.id) ? PRESENT : ABSENT) : null)));
    });
  }
  return { units, coders: coderLabels(input, coderIds), values };
}

function coderLabels(input: AgreementInput, coderIds: readonly string[]): string[] {
  const names = new Map(input.coders.map((c) => [c.id, c.name]));
  return coderIds.map((id) => names.get(id) ?? id);
}

/**
 * One continuum for unitizing (Krippendorff 2019 §12.6): the posts every compared coder rated are
 * laid end to end in input order, each coding shifted by the lengths of the posts before it. Each
 * coder's units are the intervals of the codes taken as values; the rest of the continuum is that
 * coder's gap (irrelevant matter), which never needs to be materialised because the formulas only
 * use the total gap length.
 */
import { type AgreementInput, type CodingLayers, intervalsIn, layerOf, postsRatedByAll } from '../units/coding-layers';

export interface ValuedUnit {
  start: number;
  end: number;
  /** Index into the list of value codes. */
  value: number;
}

export interface Continuum {
  length: number;
  /** Per coder, sorted by start, pairwise non-overlapping (touching units stay separate). */
  units: ValuedUnit[][];
}

/** A coder whose units of two different values overlap, which a partition into values forbids. */
export interface ValueOverlap {
  coderId: string;
  postId: string;
  values: [number, number];
}

export type ContinuumResult = { ok: true; value: Continuum } | { ok: false; error: ValueOverlap };

export function buildContinuum(
  input: AgreementInput,
  layers: CodingLayers,
  valueCodeIds: readonly string[],
  coderIds: readonly string[],
): ContinuumResult {
  const posts = postsRatedByAll(input, coderIds);
  const units: ValuedUnit[][] = [];
  for (const coderId of coderIds) {
    const valueLayers = valueCodeIds.map((codeId) => layerOf(layers, codeId, coderId));
    const own: ValuedUnit[] = [];
    let offset = 0;
    for (const post of posts) {
      const first = own.length;
      valueLayers.forEach((layer, value) => {
        for (const i of intervalsIn(layer, post.id)) own.push({ start: offset + i.start, end: offset + i.end, value });
      });
      if (valueLayers.length > 1 && own.length - first > 1) {
        const overlap = sortPostUnits(own, first);
        if (overlap) return { ok: false, error: { coderId, postId: post.id, values: overlap } };
      }
      offset += post.length;
    }
    units.push(own);
  }
  const length = posts.reduce((sum, p) => sum + p.length, 0);
  return { ok: true, value: { length, units } };
}

/**
 * Sorts the units of one post (from index `first` on) by start and returns the two values of the
 * first overlap, if any. Units of one value never overlap (coding-layers merged them), so an
 * overlap is always between two values.
 */
function sortPostUnits(units: ValuedUnit[], first: number): [number, number] | null {
  const part = units.slice(first).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let k = 0; k < part.length; k++) {
    units[first + k] = part[k]!;
    const prev = part[k - 1];
    if (prev !== undefined && part[k]!.start < prev.end) return [prev.value, part[k]!.value];
  }
  return null;
}

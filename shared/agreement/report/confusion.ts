import { sortCodesAsTree } from '../../codebook/code-path';
import { type AgreementInput, type CodingLayers, codingLayers, isRatedBy } from '../units/coding-layers';

/**
 * "What did B use where A used X?": the question a team asks when adjudicating a code. Post as
 * unit, over the posts both coders had: in the posts where one coder applied the code, which codes
 * the other coder applied, and in how many of those posts. Codings count as the agreement units
 * read them (shared/agreement/units/coding-layers.ts: placeholders are not in the input, offsets are
 * clamped to the post, empty codings do not count).
 */
export interface CodeConfusion {
  codeId: string;
  /** Posts both coders had: the only ones compared. */
  compared: number;
  /** Where the first coder applied the code: what the second applied; then the other way round. */
  directions: [ConfusionDirection, ConfusionDirection];
}

export interface ConfusionDirection {
  /** The coder whose use of the code picks the posts. */
  coderId: string;
  /** The coder whose codes are counted. */
  otherId: string;
  /** Compared posts where `coderId` applied the code. */
  posts: number;
  /**
   * Each code `otherId` applied in those posts, with the number of them it was applied in: most
   * posts first, then codebook order. The code itself is among them where they agree. A post
   * counts once for every code applied in it, so the counts can add up to more than `posts`.
   */
  used: ConfusionCount[];
  /** Of those posts, the ones where `otherId` applied no code at all. */
  nothing: number;
}

export interface ConfusionCount {
  codeId: string;
  posts: number;
}

/** coderId → postId → the codes the coder applied in that post. */
export type PostCodeIndex = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;

const NO_CODES: ReadonlySet<string> = new Set();

/** Which codes each coder applied in each post, from the coding layers. */
export function postCodeIndex(input: AgreementInput, layers: CodingLayers = codingLayers(input)): PostCodeIndex {
  const index = new Map<string, Map<string, Set<string>>>();
  for (const [codeId, byCoder] of layers) {
    for (const [coderId, layer] of byCoder) {
      let byPost = index.get(coderId);
      if (!byPost) index.set(coderId, (byPost = new Map()));
      for (const postId of layer.keys()) {
        let codes = byPost.get(postId);
        if (!codes) byPost.set(postId, (codes = new Set()));
        codes.add(codeId);
      }
    }
  }
  return index;
}

/** The codes a coder applied in a post, in the order of `codeOrder` (codebookOrder). */
export function codesAt(index: PostCodeIndex, codeOrder: readonly string[], coderId: string, postId: string): string[] {
  const applied = index.get(coderId)?.get(postId) ?? NO_CODES;
  return codeOrder.filter((id) => applied.has(id));
}

export function codeConfusion(
  input: AgreementInput,
  codeId: string,
  coderA: string,
  coderB: string,
  index: PostCodeIndex = postCodeIndex(input),
): CodeConfusion {
  const compared = input.posts.filter((p) => isRatedBy(p, coderA) && isRatedBy(p, coderB));
  const order = new Map(codebookOrder(input).map((id, i) => [id, i]));
  const direction = (coderId: string, otherId: string): ConfusionDirection => {
    const own = index.get(coderId);
    const other = index.get(otherId);
    const counts = new Map<string, number>();
    let posts = 0;
    let nothing = 0;
    for (const post of compared) {
      if (!own?.get(post.id)?.has(codeId)) continue;
      posts++;
      const applied = other?.get(post.id) ?? NO_CODES;
      if (applied.size === 0) nothing++;
      for (const id of applied) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const used = [...counts]
      .map(([id, n]) => ({ codeId: id, posts: n }))
      .sort((x, y) => y.posts - x.posts || (order.get(x.codeId) ?? Infinity) - (order.get(y.codeId) ?? Infinity));
    return { coderId, otherId, posts, used, nothing };
  };
  return { codeId, compared: compared.length, directions: [direction(coderA, coderB), direction(coderB, coderA)] };
}

/** Code ids in codebook (tree) order. */
export function codebookOrder(input: AgreementInput): string[] {
  return sortCodesAsTree(input.codes).map(({ code }) => code.id);
}

/**
 * Coders' work arrives as bundles; comparing it needs the same post, code and coder recognised in
 * each. Posts match by id, else by (platform, platformId) — a re-import gets new ids but keeps the
 * platform's. A matched post whose text differs is reported and left out: offsets into two
 * different texts cannot be compared. Coders are identified by name across bundles, codes by id
 * (GUIDs survive every export), else by path ("Parent > Child").
 */
import type { Bundle } from '../../bundle/bundle';
import { codePath } from '../../codebook/code-path';
import type { Code } from '../../model/records';
import { codePointLength } from '../../text/offsets';
import type { AgreementCoding, AgreementInput, AgreementPost } from './coding-layers';

export interface BundleLayer {
  /** How the bundle is named in reports (its file name, say). */
  name: string;
  bundle: Bundle;
}

export interface PostMismatch {
  /** The post's id in the first bundle that has it. */
  postId: string;
  /** The first bundle that has the post, and the one whose copy differs. */
  bundles: [string, string];
  reason: string;
}

export interface MatchedPosts {
  /** Coders' ids are their names; posts in the order first seen (first bundle's order first). */
  input: AgreementInput;
  mismatched: PostMismatch[];
}

interface CanonicalPost {
  id: string;
  text: string;
  firstBundle: number;
  bundles: Set<number>;
  excluded: boolean;
}

export function matchPosts(layers: readonly BundleLayer[]): MatchedPosts {
  const posts: CanonicalPost[] = [];
  const byId = new Map<string, CanonicalPost>();
  const byPlatform = new Map<string, CanonicalPost>();
  const mismatched: PostMismatch[] = [];
  /** Per bundle: its post id → the canonical post. */
  const localPosts = layers.map(() => new Map<string, CanonicalPost>());

  layers.forEach(({ name, bundle }, b) => {
    for (const post of bundle.posts) {
      const key = post.platformId === null ? null : `${post.platform}\u0000${post.platformId}`;
      let canonical = byId.get(post.id) ?? (key === null ? undefined : byPlatform.get(key));
      if (canonical === undefined) {
        canonical = { id: post.id, text: post.text, firstBundle: b, bundles: new Set(), excluded: false };
        posts.push(canonical);
      } else if (canonical.text !== post.text && !canonical.bundles.has(b)) {
        mismatched.push({ postId: canonical.id, bundles: [layers[canonical.firstBundle]!.name, name], reason: 'the text differs' });
        canonical.excluded = true;
      }
      if (!byId.has(post.id)) byId.set(post.id, canonical);
      if (key !== null && !byPlatform.has(key)) byPlatform.set(key, canonical);
      canonical.bundles.add(b);
      localPosts[b]!.set(post.id, canonical);
    }
  });

  const coderNames: string[] = [];
  const bundleCoders = layers.map(({ bundle }) => {
    const names = new Map<string, string>();
    for (const coder of bundle.coders) {
      names.set(coder.id, coder.name);
      if (!coderNames.includes(coder.name)) coderNames.push(coder.name);
    }
    return names;
  });

  const { codes, localCodes } = matchCodes(layers);

  const codings: AgreementCoding[] = [];
  layers.forEach(({ bundle }, b) => {
    for (const coding of bundle.codings) {
      const post = localPosts[b]!.get(coding.postId);
      const codeId = localCodes[b]!.get(coding.codeId);
      const coderId = bundleCoders[b]!.get(coding.coderId);
      if (post === undefined || post.excluded || codeId === undefined || coderId === undefined) continue;
      codings.push({ postId: post.id, codeId, coderId, start: coding.start, end: coding.end });
    }
  });

  const agreementPosts: AgreementPost[] = posts
    .filter((p) => !p.excluded)
    .map((p) => {
      const ratedBy = new Set<string>();
      for (const b of p.bundles) for (const name of bundleCoders[b]!.values()) ratedBy.add(name);
      const length = codePointLength(p.text);
      // Leaving ratedBy out means "every coder", which keeps the common case small.
      return ratedBy.size === coderNames.length ? { id: p.id, length } : { id: p.id, length, ratedBy: coderNames.filter((n) => ratedBy.has(n)) };
    });

  return {
    input: { posts: agreementPosts, codes, coders: coderNames.map((name) => ({ id: name, name })), codings },
    mismatched,
  };
}

/** One codebook for all bundles, and per bundle its code id → the matching code's id. */
function matchCodes(layers: readonly BundleLayer[]): { codes: Code[]; localCodes: Array<Map<string, string>> } {
  const codes: Code[] = [];
  const known = new Set<string>();
  const byPath = new Map<string, string>();
  const localCodes = layers.map(({ bundle }) => {
    const local = new Map<string, string>();
    const added: Code[] = [];
    for (const code of bundle.codes) {
      const path = codePath(bundle.codes, code.id);
      const match = known.has(code.id) ? code.id : byPath.get(path);
      if (match !== undefined) {
        local.set(code.id, match);
        continue;
      }
      local.set(code.id, code.id);
      known.add(code.id);
      byPath.set(path, code.id);
      added.push(code);
    }
    // A new code's parent may itself have matched an existing code under another id.
    for (const code of added) {
      codes.push({ ...code, parentId: code.parentId === null ? null : (local.get(code.parentId) ?? code.parentId) });
    }
    return local;
  });
  return { codes, localCodes };
}

/**
 * "Add coder file": what another coder's bundle would add to this project as that coder's layer.
 * Pure and deterministic (ids injected), so the preview the user confirms is exactly what gets
 * written. Matching follows `threadmark agree` (shared/agreement/units/match-posts.ts), so the app
 * compares the same posts and codes the CLI does:
 * - posts by id, else by (platform, platformId); a matched post whose text differs is reported and
 *   its codings left out, because offsets into another text address other words;
 * - codes by id (GUIDs survive every export), else by path ("Parent > Child");
 * - coders by trimmed name, the only identity two separate installations share.
 * Posts are never added: a coder file adds codings to the posts this project already has.
 */
import { codePath, sortCodesAsTree } from '../codebook/code-path';
import type { Code, Coder, Coding, Post } from '../model/records';
import type { IdSource } from '../util/clock';
import type { Bundle, BundleCoding } from './bundle';
import type { LayerExtrasPlan } from './coder-layer-extras-types';

/** The fields of a stored post the plan reads (a full `Post` fits). */
export type ProjectPost = Pick<Post, 'id' | 'threadId' | 'author' | 'text' | 'platform' | 'platformId'>;

export interface ProjectSnapshot {
  posts: readonly ProjectPost[];
  codes: readonly Code[];
  coders: readonly Coder[];
  codingIds: ReadonlySet<string>;
  /** Stored codings per project coder id; a coder without codings may be missing (read as 0). */
  codingCountByCoder: ReadonlyMap<string, number>;
}

export interface MismatchedPost {
  incomingPostId: string;
  projectPostId: string;
  /** The project post's author, to name the post in the report. */
  author: string;
}

export interface PlannedCoder {
  /** Trimmed; for a coder already in the project, its stored name. */
  name: string;
  projectCoderId: string;
  isNew: boolean;
  /** Codings the project holds for this coder now: what a confirmed replace deletes. */
  existingCodings: number;
  /** Codings of this coder the file can add (on matched posts with identical text). */
  incomingCodings: number;
}

export interface CoderLayerPlan {
  /** Coders with at least one importable coding, in the file's coder order. */
  coders: PlannedCoder[];
  /** projectCoderId → that coder's codings, fully remapped to project ids, in file order. */
  codingsByCoder: Map<string, Coding[]>;
  /** Codes the importable codings need that the project lacks, in tree order (parents first). */
  codesToAdd: Code[];
  mismatchedPosts: MismatchedPost[];
  /** Project posts the file holds with the same text, in the file's order: what its coders rated. */
  matchedPostIds: string[];
  /** Posts of the file found in the project neither by id nor by platform id. */
  unmatchedPosts: number;
  skipped: { mismatchedPostCodings: number; unmatchedPostCodings: number };
  /** Incoming post id → the project post with the same text; incoming code id → the project code (matched or to be added). */
  postIdOf: Map<string, string>;
  codeIdOf: Map<string, string>;
  /** The file's memos and relations by its coders (coder-layer-extras.ts); absent when the file has none. */
  extras?: LayerExtrasPlan;
}

type PostMatch = { kind: 'same'; post: ProjectPost } | { kind: 'text differs' } | { kind: 'missing' };

/**
 * `incoming` must have passed validateBundle: a coding whose post, code or coder the file lacks
 * throws, rather than being guessed at.
 */
export function planCoderLayer(project: ProjectSnapshot, incoming: Bundle, deps: { ids: IdSource }): CoderLayerPlan {
  const posts = matchPosts(project.posts, incoming.posts);
  const skipped = { mismatchedPostCodings: 0, unmatchedPostCodings: 0 };
  const importable: Array<{ coding: BundleCoding; post: ProjectPost }> = [];
  for (const coding of incoming.codings) {
    const match = posts.byIncomingId.get(coding.postId);
    if (match === undefined) throw unvalidated(coding, 'post', coding.postId);
    if (match.kind === 'same') importable.push({ coding, post: match.post });
    else if (match.kind === 'text differs') skipped.mismatchedPostCodings += 1;
    else skipped.unmatchedPostCodings += 1;
  }

  const importableCodings = importable.map((i) => i.coding);
  const coders = planCoders(project, incoming.coders, importableCodings, deps.ids);
  const codes = planCodes(project.codes, incoming.codes, importableCodings);

  const codingsByCoder = new Map<string, Coding[]>();
  for (const coder of new Set(coders.values())) codingsByCoder.set(coder.projectCoderId, []);
  const usedIds = new Set<string>();
  for (const { coding, post } of importable) {
    const coder = coders.get(coding.coderId);
    const codeId = codes.projectIdOf.get(coding.codeId);
    if (coder === undefined) throw unvalidated(coding, 'coder', coding.coderId);
    if (codeId === undefined) throw unvalidated(coding, 'code', coding.codeId);
    // A re-exported file reuses the ids of codings the project already holds; the layer must not
    // collide with them (they may be kept), so such codings get a fresh id.
    const id = project.codingIds.has(coding.id) || usedIds.has(coding.id) ? deps.ids.newId() : coding.id;
    usedIds.add(id);
    // Listed field by field so nothing but a coding's fields reaches the database.
    codingsByCoder.get(coder.projectCoderId)?.push({
      id,
      postId: post.id,
      threadId: post.threadId,
      codeId,
      coderId: coder.projectCoderId,
      start: coding.start,
      end: coding.end,
      // The texts are identical, so the offsets and quote hold in the project's post unchanged.
      quote: coding.quote,
      memo: coding.memo,
      createdAt: coding.createdAt,
      updatedAt: coding.updatedAt,
    });
  }

  return {
    coders: [...new Set(coders.values())],
    codingsByCoder,
    codesToAdd: codes.toAdd,
    mismatchedPosts: posts.mismatched,
    matchedPostIds: [...new Set([...posts.byIncomingId.values()].flatMap((m) => (m.kind === 'same' ? [m.post.id] : [])))],
    unmatchedPosts: posts.unmatched,
    skipped,
    postIdOf: new Map([...posts.byIncomingId].flatMap(([id, m]) => (m.kind === 'same' ? [[id, m.post.id] as [string, string]] : []))),
    codeIdOf: codes.projectIdOf,
  };
}

function unvalidated(coding: BundleCoding, what: string, id: string): Error {
  return new Error(`Coding ${coding.id} refers to ${what} ${id}, which the coder file lacks: validate the file first.`);
}

const byIdAscending = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const platformKey = (p: Pick<Post, 'platform' | 'platformId'>): string | null =>
  p.platformId === null ? null : `${p.platform}\u0000${p.platformId}`;

function matchPosts(projectPosts: readonly ProjectPost[], incomingPosts: readonly Post[]) {
  const byId = new Map(projectPosts.map((p) => [p.id, p]));
  const byKey = new Map<string, ProjectPost[]>();
  for (const post of projectPosts) {
    const key = platformKey(post);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(post);
    else byKey.set(key, [post]);
  }
  // The same platform post imported twice: prefer the copy whose text is identical, then the
  // lowest id, so the result does not depend on the order the posts were read in.
  for (const list of byKey.values()) list.sort(byIdAscending);

  const byIncomingId = new Map<string, PostMatch>();
  const mismatched: MismatchedPost[] = [];
  let unmatched = 0;
  for (const post of incomingPosts) {
    const key = platformKey(post);
    const candidates = key === null ? [] : (byKey.get(key) ?? []);
    const found = byId.get(post.id) ?? candidates.find((c) => c.text === post.text) ?? candidates[0];
    if (found === undefined) {
      unmatched += 1;
      byIncomingId.set(post.id, { kind: 'missing' });
    } else if (found.text !== post.text) {
      mismatched.push({ incomingPostId: post.id, projectPostId: found.id, author: found.author });
      byIncomingId.set(post.id, { kind: 'text differs' });
    } else {
      byIncomingId.set(post.id, { kind: 'same', post: found });
    }
  }
  return { byIncomingId, mismatched, unmatched };
}

/** Incoming coder id → its planned coder (two file coders with one trimmed name share one). */
function planCoders(
  project: ProjectSnapshot,
  incomingCoders: readonly Coder[],
  codings: readonly BundleCoding[],
  ids: IdSource,
): Map<string, PlannedCoder> {
  const importable = new Map<string, number>();
  for (const c of codings) importable.set(c.coderId, (importable.get(c.coderId) ?? 0) + 1);

  const projectByName = new Map<string, Coder>();
  // Lowest id first, so a project holding two coders of one name always resolves to the same one.
  for (const coder of [...project.coders].sort(byIdAscending)) {
    const name = coder.name.trim();
    if (!projectByName.has(name)) projectByName.set(name, coder);
  }
  const takenIds = new Set(project.coders.map((c) => c.id));

  const byName = new Map<string, PlannedCoder>();
  const byIncomingId = new Map<string, PlannedCoder>();
  for (const coder of incomingCoders) {
    const count = importable.get(coder.id) ?? 0;
    if (count === 0) continue;
    const name = coder.name.trim();
    // Coders are matched by name, so a nameless one could silently merge into another layer.
    if (name === '') throw new Error(`Coder ${coder.id} in the coder file has no name; coders are matched by name, so name it first.`);
    let planned = byName.get(name);
    if (planned) planned.incomingCodings += count;
    else {
      const existing = projectByName.get(name);
      const id = existing?.id ?? (takenIds.has(coder.id) ? ids.newId() : coder.id);
      takenIds.add(id);
      planned = {
        name: existing?.name ?? name,
        projectCoderId: id,
        isNew: existing === undefined,
        existingCodings: existing === undefined ? 0 : (project.codingCountByCoder.get(existing.id) ?? 0),
        incomingCodings: count,
      };
      byName.set(name, planned);
    }
    byIncomingId.set(coder.id, planned);
  }
  return byIncomingId;
}

/** Incoming code id → project code id (matched or to be added), and the codes to add. */
function planCodes(
  projectCodes: readonly Code[],
  incomingCodes: readonly Code[],
  codings: readonly BundleCoding[],
): { projectIdOf: Map<string, string>; toAdd: Code[] } {
  const projectIds = new Set(projectCodes.map((c) => c.id));
  const projectById = new Map(projectCodes.map((c) => [c.id, c]));
  const projectByPath = new Map<string, string>();
  // Tree order: of two project codes with one path, the one listed first in the codebook wins.
  for (const { code } of sortCodesAsTree(projectCodes)) {
    const path = codePath(projectById, code.id);
    if (!projectByPath.has(path)) projectByPath.set(path, code.id);
  }

  const incomingById = new Map(incomingCodes.map((c) => [c.id, c]));
  const projectIdOf = new Map<string, string>();
  for (const code of incomingCodes) {
    const match = projectIds.has(code.id) ? code.id : projectByPath.get(codePath(incomingById, code.id));
    if (match !== undefined) projectIdOf.set(code.id, match);
  }

  // Unmatched codes that importable codings use, with the unmatched ancestors they hang from.
  const needed = new Set<string>();
  for (const coding of codings) {
    let id: string | null = coding.codeId;
    while (id !== null && !projectIdOf.has(id) && !needed.has(id)) {
      const code = incomingById.get(id);
      if (code === undefined) break;
      needed.add(id);
      id = code.parentId;
    }
  }

  const nextOrder = new Map<string | null, number>();
  const orderAfterSiblings = (parentId: string | null): number => {
    let next = nextOrder.get(parentId);
    if (next === undefined) {
      const orders = projectCodes.filter((c) => c.parentId === parentId).map((c) => c.order);
      next = orders.length === 0 ? 0 : Math.max(...orders) + 1;
    }
    nextOrder.set(parentId, next + 1);
    return next;
  };

  const toAdd: Code[] = [];
  // Tree order puts each parent before its children, so a child's parent is already resolved.
  for (const { code } of sortCodesAsTree(incomingCodes)) {
    if (!needed.has(code.id)) continue;
    // The GUID is kept (REFI-QDA needs it stable). It is always free: a code whose id the project
    // already has matched by id above, so it is never added.
    const parentId = code.parentId === null ? null : (projectIdOf.get(code.parentId) ?? null);
    projectIdOf.set(code.id, code.id);
    // The file's exemplars are its own codings and its shortcuts may clash with this project's keys,
    // so neither comes along; the rest of the definition does.
    toAdd.push({ ...code, parentId, order: orderAfterSiblings(parentId), examples: [...code.examples], exemplarCodingIds: [], shortcut: null });
  }
  return { projectIdOf, toAdd };
}

/**
 * A coder file's memos and relations, planned beside its codings (coder-layer-plan.ts did posts,
 * codes and coders): each memo and relation is its coder's, mapped onto this project's posts,
 * threads and codes exactly as the codings are. Only coders with a planned layer bring theirs (the
 * operation then takes those of the coders it applies: new ones and ticked replacements). A memo or
 * relation the project already holds as it is adds nothing; what cannot be placed is listed, never
 * guessed at: a memo on another project, a post not here or with another text, a code not here.
 */
import type { Bundle } from '../../bundle/bundle';
import type { CoderLayerPlan } from '../../bundle/coder-layer-plan';
import type { LayerExtrasPlan } from '../../bundle/coder-layer-extras-types';
import type { Memo, MemoTarget, Relation, RelationCode, RelationEnd } from '../../model/records';
import type { IdSource } from '../../util/clock';
import type { RowChange } from '../change-set';
import { memoId, memoKey } from './memos';

export interface ExtrasSnapshot {
  projectId: string;
  /** Project post id → its thread. */
  threadOfPost: ReadonlyMap<string, string>;
  memos: readonly Memo[];
  relationCodes: readonly RelationCode[];
  relations: readonly Relation[];
}

export function planLayerExtras(snapshot: ExtrasSnapshot, incoming: Bundle, plan: Pick<CoderLayerPlan, 'coders' | 'postIdOf' | 'codeIdOf'>, ids: IdSource): LayerExtrasPlan {
  const out: LayerExtrasPlan = { memosByCoder: new Map(), relationsByCoder: new Map(), relationCodesToAdd: [], leftOut: [] };
  const memos = incoming.memos ?? [];
  const relations = incoming.relations ?? [];
  if (memos.length === 0 && relations.length === 0) return out;
  // Incoming coder id → project coder id, for the coders the plan made a layer of (by name).
  const nameOf = new Map(incoming.coders.map((c) => [c.id, c.name.trim()]));
  const layerOf = new Map(plan.coders.map((c) => [c.name.trim(), c.projectCoderId]));
  const projectCoderOf = (id: string): string | undefined => layerOf.get(nameOf.get(id) ?? '');
  const threadOf = new Map<string, string>();
  for (const p of incoming.posts) {
    const here = plan.postIdOf.get(p.id);
    const thread = here === undefined ? undefined : snapshot.threadOfPost.get(here);
    if (thread !== undefined) threadOf.set(p.threadId, thread);
  }
  const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };

  const storedMemos = new Map(snapshot.memos.map((m) => [memoKey(m), m]));
  for (const m of memos) {
    const coderId = projectCoderOf(m.coderId);
    const name = nameOf.get(m.coderId) ?? m.coderId;
    if (coderId === undefined) {
      out.leftOut.push(`${name}’s ${m.target.kind} memo: ${name} has no codings in the file, so no layer to bring it with`);
      continue;
    }
    const target = mapTarget(m.target, snapshot.projectId, threadOf, plan);
    if (typeof target === 'string') {
      out.leftOut.push(`${name}’s ${m.target.kind} memo: ${target}`);
      continue;
    }
    const before = storedMemos.get(memoKey({ target, coderId }));
    if (before?.text === m.text) continue;
    push(out.memosByCoder, coderId, { id: before?.id ?? memoId(target, coderId), target, coderId, text: m.text, createdAt: before?.createdAt ?? m.createdAt, updatedAt: m.updatedAt });
  }

  const codesByName = new Map(snapshot.relationCodes.map((c) => [c.name.trim().toLowerCase(), c]));
  const incomingCodes = new Map((incoming.relationCodes ?? []).map((c) => [c.id, c]));
  const storedIds = new Set(snapshot.relations.map((r) => r.id));
  const held = new Set(snapshot.relations.map(relationKey));
  let nextOrder = snapshot.relationCodes.reduce((n, c) => Math.max(n, c.order + 1), 0);
  for (const r of relations) {
    const coderId = projectCoderOf(r.coderId);
    const name = nameOf.get(r.coderId) ?? r.coderId;
    const code = incomingCodes.get(r.relationCodeId);
    const what = `${name}’s relation “${code?.name ?? r.relationCodeId}”`;
    if (coderId === undefined) {
      out.leftOut.push(`${what}: ${name} has no codings in the file, so no layer to bring it with`);
      continue;
    }
    const from = plan.postIdOf.get(r.from.postId);
    const to = plan.postIdOf.get(r.to.postId);
    if (from === undefined || to === undefined || code === undefined) {
      out.leftOut.push(`${what}: ${code === undefined ? 'its relation code is not in the file' : 'an end is on a post this project does not have with that text'}`);
      continue;
    }
    let projectCode = codesByName.get(code.name.trim().toLowerCase());
    if (!projectCode) {
      projectCode = { ...code, id: snapshot.relationCodes.some((c) => c.id === code.id) ? ids.newId() : code.id, order: nextOrder++ };
      codesByName.set(code.name.trim().toLowerCase(), projectCode);
      out.relationCodesToAdd.push(projectCode);
    }
    const mapped: Relation = { ...r, id: storedIds.has(r.id) ? ids.newId() : r.id, relationCodeId: projectCode.id, coderId, threadId: snapshot.threadOfPost.get(from)!, from: withPost(r.from, from), to: withPost(r.to, to) };
    if (held.has(relationKey(mapped))) continue;
    held.add(relationKey(mapped));
    storedIds.add(mapped.id);
    push(out.relationsByCoder, coderId, mapped);
  }
  return out;
}

/** The memo's target in this project, or why it has none. */
function mapTarget(target: MemoTarget, projectId: string, threadOf: ReadonlyMap<string, string>, plan: Pick<CoderLayerPlan, 'postIdOf' | 'codeIdOf'>): MemoTarget | string {
  switch (target.kind) {
    case 'project':
      return target.id === projectId ? target : 'it is on another project';
    case 'thread': {
      const id = threadOf.get(target.id);
      return id === undefined ? 'its thread has no post here with the same text' : { kind: 'thread', id };
    }
    case 'post': {
      const id = plan.postIdOf.get(target.id);
      return id === undefined ? 'its post is not in this project with the same text' : { kind: 'post', id };
    }
    case 'code': {
      const id = plan.codeIdOf.get(target.id);
      return id === undefined ? 'its code is neither in this project nor used by the file’s codings' : { kind: 'code', id };
    }
  }
}

const withPost = (end: RelationEnd, postId: string): RelationEnd => ({ ...end, postId });

/** Two relations alike in code, coder and ends are one (a file added twice adds it once). */
const relationKey = (r: Relation): string => JSON.stringify([r.relationCodeId, r.coderId, r.from.postId, r.from.start ?? null, r.from.end ?? null, r.to.postId, r.to.start ?? null, r.to.end ?? null]);

/** The rows of the applied coders: memos added or updated (none removed), relations and the relation codes they use added. */
export function extrasChanges(extras: LayerExtrasPlan | undefined, storedMemos: readonly Memo[], applied: ReadonlySet<string>): { memos: Array<RowChange<Memo>>; relations: Array<RowChange<Relation>>; relationCodes: Array<RowChange<RelationCode>> } {
  if (!extras) return { memos: [], relations: [], relationCodes: [] };
  const before = new Map(storedMemos.map((m) => [m.id, m]));
  const memos = [...applied].flatMap((id) => extras.memosByCoder.get(id) ?? []).map((m) => ({ before: before.get(m.id) ?? null, after: m }));
  const relations = [...applied].flatMap((id) => extras.relationsByCoder.get(id) ?? []);
  const used = new Set(relations.map((r) => r.relationCodeId));
  return {
    memos,
    relations: relations.map((r) => ({ before: null, after: r })),
    relationCodes: extras.relationCodesToAdd.filter((c) => used.has(c.id)).map((c) => ({ before: null, after: c })),
  };
}

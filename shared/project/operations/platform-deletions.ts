/**
 * "Apply platform deletions…": a list of post ids or user ids deleted on their platform. Each
 * matching post becomes a tombstone (shared/platform/tombstone.ts) that keeps its place in the
 * reply tree; its codings (every coder's), the relations and adjudication decisions on it and the
 * exemplar marks of those codings go; for a user list, the users' author attribute values go too.
 * One journal entry (undo puts everything back), and a deletion log record with the counts per
 * thread on the project, kept for reporting.
 */
import type { Attribute, AttributeValue, Code, Coding, Decision, DeletionLogRecord, Post, Project, Relation, Thread } from '../../model/records';
import { DELETED_THREAD_TITLE } from '../../platform/redact-journal';
import { tombstoneOf, writtenByAny } from '../../platform/tombstone';
import { err, ok } from '../../util/result';
import type { ChangeSet } from '../change-set';
import { defineOperation, unchanged } from '../operation';
import type { ProjectReader } from '../project-store';

export type DeletionListKind = 'posts' | 'users';

export interface PlatformDeletionsInput {
  kind: DeletionListKind;
  /** Post ids (the platform's id or Threadmark's) or user ids / author names, already parsed. */
  ids: readonly string[];
}

/** What a deletion list matches: shown before applying, and the result after. */
export interface DeletionPreview {
  listed: number;
  /** Listed ids that matched no stored post (a post already deleted here counts as matched). */
  unmatched: string[];
  /** Posts that become tombstones (already-deleted ones left out). */
  posts: number;
  codings: number;
  relations: number;
  decisions: number;
  perThread: Array<{ threadId: string; title: string; posts: number; codings: number }>;
}

interface DeletionSnapshot {
  project: Project | undefined;
  threads: Thread[];
  posts: Post[];
  codings: Coding[];
  codes: Code[];
  decisions: Decision[];
  relations: Relation[];
  attributes: Attribute[];
  attributeValues: AttributeValue[];
}

export async function readDeletionSnapshot(reader: ProjectReader): Promise<DeletionSnapshot> {
  const [project, threads, posts, codings, codes, decisions, relations, attributes, attributeValues] = await Promise.all([
    reader.project(),
    reader.threads(),
    reader.allPosts(),
    reader.allCodings(),
    reader.codes(),
    reader.decisions(),
    reader.relations(),
    reader.attributes(),
    reader.attributeValues(),
  ]);
  return { project, threads, posts, codings, codes, decisions, relations, attributes, attributeValues };
}

interface Matched {
  posts: Post[];
  unmatched: string[];
}

/** The stored posts a list names; posts already deleted here are matched but not returned. */
function matchPosts(posts: readonly Post[], input: PlatformDeletionsInput): Matched {
  const listed = new Set(input.ids);
  const seen = new Set<string>();
  const out: Post[] = [];
  for (const post of posts) {
    let hit: string[] = [];
    if (input.kind === 'posts') hit = [post.platformId ?? '', post.id].filter((id) => listed.has(id));
    else if (writtenByAny(post, listed)) hit = [...listed].filter((id) => writtenByAny(post, new Set([id])));
    if (hit.length === 0) continue;
    for (const id of hit) seen.add(id);
    if (post.deletedOnPlatform === undefined) out.push(post);
  }
  return { posts: out, unmatched: input.ids.filter((id) => !seen.has(id)) };
}

interface DeletionPlan {
  preview: DeletionPreview;
  changes: Omit<ChangeSet, 'projects'>;
}

function planDeletions(s: DeletionSnapshot, input: PlatformDeletionsInput, at: string): DeletionPlan {
  const listed = new Set(input.ids).size;
  const { posts, unmatched } = matchPosts(s.posts, input);
  const postIds = new Set(posts.map((p) => p.id));
  const codings = s.codings.filter((c) => postIds.has(c.postId));
  const codingIds = new Set(codings.map((c) => c.id));
  const relations = s.relations.filter((r) => postIds.has(r.from.postId) || postIds.has(r.to.postId));
  const decisions = s.decisions.filter((d) => postIds.has(d.postId));
  const titles = new Map(s.threads.map((t) => [t.id, t.title]));
  const perThread = new Map<string, { threadId: string; title: string; posts: number; codings: number }>();
  const row = (threadId: string) => {
    let r = perThread.get(threadId);
    if (!r) perThread.set(threadId, (r = { threadId, title: titles.get(threadId) ?? threadId, posts: 0, codings: 0 }));
    return r;
  };
  for (const p of posts) row(p.threadId).posts++;
  for (const c of codings) row(c.threadId).codings++;
  const users = new Set(input.ids);
  const authorAttributes = new Set(s.attributes.filter((a) => a.scope === 'author').map((a) => a.id));
  const changes: DeletionPlan['changes'] = {
    posts: posts.map((before) => ({ before, after: tombstoneOf(before, at) })),
    // A title is often the opening post's words: a thread whose opening post goes loses it.
    threads: s.threads.filter((t) => postIds.has(t.rootPostId) && t.title !== DELETED_THREAD_TITLE).map((before) => ({ before, after: { ...before, title: DELETED_THREAD_TITLE } })),
    codings: codings.map((before) => ({ before, after: null })),
    relations: relations.map((before) => ({ before, after: null })),
    decisions: decisions.map((before) => ({ before, after: null })),
    codes: s.codes.flatMap((code) => {
      const kept = code.exemplarCodingIds.filter((id) => !codingIds.has(id));
      return kept.length === code.exemplarCodingIds.length ? [] : [{ before: code, after: { ...code, exemplarCodingIds: kept } }];
    }),
    attributeValues: input.kind === 'users' ? s.attributeValues.filter((v) => authorAttributes.has(v.attributeId) && users.has(v.subject)).map((before) => ({ before, after: null })) : [],
  };
  const preview: DeletionPreview = {
    listed,
    unmatched,
    posts: posts.length,
    codings: codings.length,
    relations: relations.length,
    decisions: decisions.length,
    perThread: [...perThread.values()],
  };
  return { preview, changes };
}

/** What applying the list would do, without doing it: the dialog's preview. */
export async function previewPlatformDeletions(reader: ProjectReader, input: PlatformDeletionsInput): Promise<DeletionPreview> {
  return planDeletions(await readDeletionSnapshot(reader), input, '1970-01-01T00:00:00.000Z').preview;
}

const plural = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export const applyPlatformDeletions = defineOperation<PlatformDeletionsInput, DeletionSnapshot, DeletionPreview>({
  kind: 'platform.deletions',
  read: (reader) => readDeletionSnapshot(reader),
  plan(s, input, { at, actor, ids }) {
    if (!s.project) return err({ record: 'project', message: 'the project has no record yet: import threads first' });
    if (input.ids.length === 0) return err({ record: 'deletion list', field: 'ids', message: 'the list names no ids (one id per line)' });
    const { preview, changes } = planDeletions(s, input, at);
    if (preview.posts === 0) return unchanged(`No stored post matches the ${plural(preview.listed, input.kind === 'posts' ? 'post id' : 'user id')}`, preview);
    const log: DeletionLogRecord = {
      id: ids.newId(),
      appliedAt: at,
      appliedBy: actor.name,
      listKind: input.kind,
      listed: preview.listed,
      unmatched: preview.unmatched.length,
      posts: preview.posts,
      codings: preview.codings,
      perThread: preview.perThread.map((t) => ({ threadId: t.threadId, posts: t.posts, codings: t.codings })),
    };
    const project: Project = { ...s.project, deletionLog: [...(s.project.deletionLog ?? []), log] };
    const summary = `Applied platform deletions: ${plural(preview.posts, 'post')} removed, ${plural(preview.codings, 'coding')} with them (${plural(preview.listed, input.kind === 'posts' ? 'post id' : 'user id')} listed)`;
    return ok({ summary, changes: { ...changes, projects: [{ before: s.project, after: project }] }, result: preview });
  },
});

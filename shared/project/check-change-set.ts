/**
 * The project's rules, checked on the project as a change-set would leave it, for the records it
 * touches: every code rule (code-rules.ts); nothing left under or coded with a removed code; every
 * written coding on an existing, codable code, an existing post and coder, with a range and quote
 * that fit the post's text; no exemplar pointing at a removed coding; no coder, post or thread
 * removed while something still points at it. Undo and revert go through the same check, so a
 * revert that later work depends on is refused rather than leaving an orphan.
 */
import { codeCountProblem, codeDepthProblem } from '../codebook/code-limits';
import { codeProblem } from '../codebook/codebook-problem';
import type { Code, Coding, Post } from '../model/records';
import type { Problem } from '../problem/problem';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import { rowsOf, type ChangeSet } from './change-set';
import { codeRuleProblem } from './code-rules';
import { checkMemosAndAttributes } from './check-memos-attributes';
import { checkRelations } from './check-relations';
import type { ProjectReader } from './project-store';

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export async function checkChangeSet(reader: ProjectReader, changes: ChangeSet): Promise<Problem | undefined> {
  const codeRows = rowsOf(changes, 'codes');
  const codingRows = rowsOf(changes, 'codings');
  const touchesCodebook = codeRows.length > 0 || codingRows.some((r) => r.after !== null);
  const storedCodes = touchesCodebook || codingRows.length > 0 ? await reader.codes() : [];
  const codes = new Map(storedCodes.map((c) => [c.id, c]));
  for (const { before, after } of codeRows) {
    if (after) codes.set(after.id, after);
    else if (before) codes.delete(before.id);
  }
  const removedCodings = new Set(codingRows.filter((r) => r.after === null && r.before !== null).map((r) => r.before!.id));
  const writtenCodings = codingRows.flatMap((r) => (r.after ? [r.after] : []));

  const codeProblemFound = await checkCodes(reader, codes, changes);
  if (codeProblemFound) return codeProblemFound;
  const codingProblem = await checkCodings(reader, codes, writtenCodings, changes);
  if (codingProblem) return codingProblem;
  if (removedCodings.size > 0) {
    for (const code of codes.values()) {
      const gone = code.exemplarCodingIds.find((id) => removedCodings.has(id));
      if (gone) return codeProblem(code, 'exemplarCodingIds', `coding ${gone} is one of its exemplars: a later change depends on it`);
    }
  }
  return (await checkRemovals(reader, changes)) ?? (await checkMemosAndAttributes(reader, changes)) ?? checkRelations(reader, changes);
}

async function checkCodes(reader: ProjectReader, codes: ReadonlyMap<string, Code>, changes: ChangeSet): Promise<Problem | undefined> {
  const codeRows = rowsOf(changes, 'codes');
  if (codeRows.length === 0) return undefined;
  const all = [...codes.values()];
  // Only the codes the change touches: counted through the index, never read (a corpus has millions).
  const counts = await reader.codingCountsOf(codeRows.map((r) => (r.after ?? r.before)!.id));
  for (const { before, after } of rowsOf(changes, 'codings')) {
    if (before) counts.set(before.codeId, (counts.get(before.codeId) ?? 0) - 1);
    if (after) counts.set(after.codeId, (counts.get(after.codeId) ?? 0) + 1);
  }
  // One pass, not a scan per removed code: deleting a large subtree stays linear.
  const childOf = new Map<string, Code>();
  for (const c of all) if (c.parentId !== null && !childOf.has(c.parentId)) childOf.set(c.parentId, c);
  for (const { before, after } of codeRows) {
    if (after) {
      const problem = codeRuleProblem(after, all, counts.get(after.id) ?? 0, before);
      if (problem) return problem;
    } else if (before) {
      const child = childOf.get(before.id);
      if (child) return codeProblem(before, 'id', `cannot delete it: its sub-code “${child.name}” would be left without a parent`);
      const left = counts.get(before.id) ?? 0;
      if (left > 0) return codeProblem(before, 'id', `cannot delete it: ${left} ${left === 1 ? 'coding still uses' : 'codings still use'} it`);
    }
  }
  return codebookSizeProblem(all, codeRows);
}

/**
 * The caps every path that makes codes shares (codebook/code-limits.ts), checked when a change adds
 * codes or moves one: the count only when the codebook grows, so a codebook already over it can
 * still be trimmed.
 */
function codebookSizeProblem(all: readonly Code[], codeRows: ReturnType<typeof rowsOf<'codes'>>): Problem | undefined {
  const added = codeRows.filter((r) => r.before === null && r.after !== null).length;
  const removed = codeRows.filter((r) => r.before !== null && r.after === null).length;
  const tooMany = added > removed ? codeCountProblem(all.length) : undefined;
  if (tooMany) return tooMany;
  const moved = codeRows.some((r) => r.after !== null && (r.before === null || r.before.parentId !== r.after.parentId));
  return moved ? codeDepthProblem(all) : undefined;
}

async function checkCodings(reader: ProjectReader, codes: ReadonlyMap<string, Code>, written: readonly Coding[], changes: ChangeSet): Promise<Problem | undefined> {
  if (written.length === 0) return undefined;
  const postIds = [...new Set(written.map((c) => c.postId))];
  const posts = await postsAfter(reader, postIds, changes);
  const coders = new Map((await reader.coders()).map((c) => [c.id, c]));
  for (const { before, after } of rowsOf(changes, 'coders')) {
    if (after) coders.set(after.id, after);
    else if (before) coders.delete(before.id);
  }
  for (const coding of written) {
    const record = `coding ${coding.id}`;
    const code = codes.get(coding.codeId);
    if (!code) return { record, field: 'codeId', message: `code ${coding.codeId} does not exist` };
    if (!code.codable) return { record, field: 'codeId', message: `“${code.name}” is category-only: nothing can be coded with it` };
    const post = posts.get(coding.postId);
    if (!post) return { record, field: 'postId', message: `post ${coding.postId} does not exist` };
    if (!coders.has(coding.coderId)) return { record, field: 'coderId', message: `coder ${coding.coderId} does not exist` };
    if (coding.threadId !== post.threadId) return { record, field: 'threadId', message: `post ${post.id} is in thread ${post.threadId}, not ${coding.threadId}` };
    const length = codePointLength(post.text);
    const fits = Number.isSafeInteger(coding.start) && Number.isSafeInteger(coding.end) && coding.start >= 0 && coding.start < coding.end && coding.end <= length;
    if (!fits) return { record, field: 'end', message: `range ${coding.start}–${coding.end} does not fit post ${post.id} (length ${length}; need 0 ≤ start < end ≤ length)` };
    if (sliceCodePoints(post.text, coding.start, coding.end) !== coding.quote) return { record, field: 'quote', message: `the quote does not match the text of post ${post.id} at ${coding.start}–${coding.end}` };
  }
  return undefined;
}

/** The posts among `ids` as they will be: stored ones not removed, plus those the set adds. */
async function postsAfter(reader: ProjectReader, ids: readonly string[], changes: ChangeSet): Promise<Map<string, Post>> {
  const posts = await reader.posts(ids);
  const wanted = new Set(ids);
  for (const { before, after } of rowsOf(changes, 'posts')) {
    if (after && wanted.has(after.id)) posts.set(after.id, after);
    else if (!after && before) posts.delete(before.id);
  }
  return posts;
}

/** A removed coder, post or thread must leave nothing pointing at it. */
async function checkRemovals(reader: ProjectReader, changes: ChangeSet): Promise<Problem | undefined> {
  const codingRows = rowsOf(changes, 'codings');
  const codingAfter = new Map(codingRows.map((r) => [(r.after ?? r.before)!.id, r.after]));
  const stillThere = (list: readonly Coding[]): Coding[] => list.filter((c) => !codingAfter.has(c.id) || codingAfter.get(c.id) !== null);
  const addedCodings = codingRows.flatMap((r) => (r.after && !r.before ? [r.after] : []));

  for (const { before, after } of rowsOf(changes, 'coders')) {
    if (after || !before) continue;
    const left = stillThere(await reader.codingsOfCoder(before.id)).length + addedCodings.filter((c) => c.coderId === before.id).length;
    if (left > 0) return { record: `coder “${before.name}” (id ${before.id})`, field: 'id', message: `cannot remove the coder: ${count(left, 'coding')} of theirs remain (a later change depends on it)` };
  }
  const removedPosts = rowsOf(changes, 'posts').flatMap((r) => (r.after === null && r.before ? [r.before] : []));
  if (removedPosts.length > 0) {
    const left = stillThere(await reader.codingsOfPosts(removedPosts.map((p) => p.id)));
    const first = left[0];
    if (first) return { record: `post ${first.postId}`, field: 'id', message: `cannot remove the post: ${count(left.length, 'coding')} on removed posts remain, such as coding ${first.id} (a later change depends on it)` };
  }
  const removedThreads = rowsOf(changes, 'threads').flatMap((r) => (r.after === null && r.before ? [r.before] : []));
  if (removedThreads.length > 0) {
    const stats = await reader.threadStats();
    const removedPerThread = new Map<string, number>();
    for (const p of removedPosts) removedPerThread.set(p.threadId, (removedPerThread.get(p.threadId) ?? 0) + 1);
    for (const thread of removedThreads) {
      const left = (stats.get(thread.id)?.postCount ?? 0) - (removedPerThread.get(thread.id) ?? 0);
      if (left > 0) return { record: `thread “${thread.title}” (id ${thread.id})`, field: 'id', message: `cannot remove the thread: ${count(left, 'post')} remain in it (a later change depends on it)` };
    }
  }
  return undefined;
}

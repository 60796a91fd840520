/**
 * Reddit thread page JSON (`/r/<sub>/comments/<id>.json`, or the OAuth API `/comments/<id>`),
 * docs/thread-formats.md, "Reddit thread pages": an array of two Listings, `[0]` holding the
 * submission (`t3`), `[1]` the top-level comments (`t1`), each comment's `replies` a nested Listing
 * or `""`. `kind: "more"` stubs (the last child of a Listing) become `moreReplies` on the post they
 * hang under: their `count` counts all hidden descendants, while `children` lists only some ids, so
 * the larger of the two is used; a "continue this thread" stub (count 0, no children) is uncounted.
 *
 * Escaping is decided once per file (a file is one request, with or without `raw_json=1`): see
 * showsRawText. The walk is iterative; JSON.parse itself copes with deep nesting.
 */
import { err, ok, type Result } from '../../util/result';
import { ProblemList, isImportProblem } from '../import-problem';
import { parseJsonText } from '../json-problem';
import type { ImportWarning, ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { escapingOf, isObject, redditRecord, redditTexts, stripFullname, type JsonObject, type RedditKind } from './reddit-record';

export const REDDIT_THREAD_FORMAT = 'reddit-thread';

const NOT_A_THREAD =
  'not a Reddit thread page (/comments/<id>.json): expected an array of two Listings, the first holding the submission (t3)';

/** `[{"kind": "Listing"` … with a `t3` near the start; tolerant of whitespace and key order. */
export function detectRedditThread(head: string): boolean {
  const start = head.replace(/^\uFEFF?\s*/, '');
  if (!start.startsWith('[')) return false;
  return /"kind"\s*:\s*"Listing"/.test(start) && /"kind"\s*:\s*"t3"|"name"\s*:\s*"t3_/.test(start);
}

/** A Listing's children being walked; parents are kept only to spell a record's path on error. */
interface Frame {
  children: unknown[];
  next: number;
  parent: Frame | null;
  /** Index of the comment in the parent frame whose `replies` this is. */
  indexInParent: number;
  /** `[0]` or `[1]` for the two top Listings. */
  top: number;
  depth: number;
}

interface Entry {
  kind: RedditKind;
  data: JsonObject;
  frame: Frame;
  index: number;
}

interface Stub {
  count: number;
  uncounted: boolean;
  record: string;
}

export function parseRedditThread(text: string, fileName: string): Result<ParsedFile, Problem[]> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return err([{ file: fileName, message: 'the file is empty' }]);
  const json = parseJsonText(body, fileName);
  if (!json.ok) {
    // Several values one after another is NDJSON (a dump), not a damaged thread page.
    const ndjson = json.error.message.includes('after the JSON value');
    return err([ndjson ? { file: fileName, message: `${NOT_A_THREAD}; this file holds one JSON value per line (NDJSON)` } : json.error]);
  }
  const root = json.value;
  const submissions = listingChildren(Array.isArray(root) ? root[0] : undefined);
  const comments = listingChildren(Array.isArray(root) ? root[1] : undefined);
  if (!submissions || !comments || !submissions.some((c) => isObject(c) && c.kind === 't3')) {
    return err([{ file: fileName, message: NOT_A_THREAD }]);
  }

  const problems = new ProblemList(fileName);
  const entries: Entry[] = [];
  const stubs = new Map<string, Stub>();
  walk(
    [
      { children: submissions, next: 0, parent: null, indexInParent: 0, top: 0, depth: 0 },
      { children: comments, next: 0, parent: null, indexInParent: 0, top: 1, depth: 0 },
    ],
    fileName,
    entries,
    stubs,
    problems,
  );
  if (problems.count > 0) return err(problems.list());

  const escaping = escapingOf(entries.flatMap((e) => redditTexts(e.data)));
  const posts: RawPost[] = [];
  for (const e of entries) {
    const record = typeof e.data.id === 'string' ? undefined : pathOf(e.frame, e.index);
    const post = redditRecord(e.data, e.kind, { file: fileName, ...(record === undefined ? {} : { record }) }, escaping);
    if (isImportProblem(post)) problems.add(post);
    else posts.push(post);
  }
  if (problems.count > 0) return err(problems.list());

  const warnings = attachStubs(posts, stubs, fileName);
  return ok({ format: REDDIT_THREAD_FORMAT, posts, warnings });
}

function listingChildren(v: unknown): unknown[] | null {
  if (!isObject(v) || v.kind !== 'Listing' || !isObject(v.data) || !Array.isArray(v.data.children)) return null;
  return v.data.children;
}

/** Pre-order, so posts keep the order Reddit sent them in. */
function walk(stack: Frame[], file: string, entries: Entry[], stubs: Map<string, Stub>, problems: ProblemList): void {
  // The comments Listing is walked after the submission: push it first so it pops last.
  stack.reverse();
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.children.length) {
      stack.pop();
      continue;
    }
    const index = frame.next++;
    const child = frame.children[index];
    const problem = (message: string, field?: string): void =>
      problems.add({ file, record: pathOf(frame, index), ...(field === undefined ? {} : { field }), message });
    if (!isObject(child) || !isObject(child.data)) {
      problem('expected {"kind": …, "data": {…}}');
      continue;
    }
    const expected = frame.top === 0 && frame.depth === 0 ? 't3' : 't1';
    if (child.kind === 'more' && expected === 't1') {
      addStub(child.data, stubs, pathOf(frame, index), problem);
      continue;
    }
    if (child.kind !== expected) {
      problem(`unexpected kind ${JSON.stringify(child.kind)} here (expected "${expected}"${expected === 't1' ? ' or "more"' : ''})`, 'kind');
      continue;
    }
    entries.push({ kind: expected, data: child.data, frame, index });
    const replies = child.data.replies;
    if (replies === undefined || replies === null || replies === '') continue;
    const children = listingChildren(replies);
    if (!children) {
      problem('expected a Listing or "" (no replies)', 'data.replies');
      continue;
    }
    stack.push({ children, next: 0, parent: frame, indexInParent: index, top: frame.top, depth: frame.depth + 1 });
  }
}

function addStub(data: JsonObject, stubs: Map<string, Stub>, record: string, problem: (message: string, field?: string) => void): void {
  if (typeof data.parent_id !== 'string') {
    problem('a "more" stub needs the fullname of the post it hangs under', 'data.parent_id');
    return;
  }
  const listed = Array.isArray(data.children) ? data.children.length : 0;
  const count = Math.max(typeof data.count === 'number' && Number.isFinite(data.count) ? data.count : 0, listed);
  const parent = stripFullname(data.parent_id);
  const stub = stubs.get(parent) ?? { count: 0, uncounted: false, record };
  if (count > 0) stub.count += count;
  else stub.uncounted = true;
  stubs.set(parent, stub);
}

function attachStubs(posts: RawPost[], stubs: Map<string, Stub>, file: string): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (stubs.size === 0) return warnings;
  const byId = new Map(posts.map((p) => [p.platformId, p]));
  for (const [parentId, stub] of stubs) {
    const post = byId.get(parentId);
    if (!post) {
      warnings.push({ file, record: stub.record, message: `a "more replies" stub hangs under ${parentId}, which is not in the file; its count is not shown` });
      continue;
    }
    if (stub.count > 0) post.moreReplies = (post.moreReplies ?? 0) + stub.count;
    else post.moreRepliesUncounted = true;
  }
  return warnings;
}

/**
 * `[1].data.children[0].data.replies.data.children[2]`; built only for problems. Deep paths keep
 * their two ends, so a message stays readable for a comment 10,000 levels down.
 */
function pathOf(frame: Frame, index: number): string {
  const steps: string[] = [`.data.children[${index}]`];
  let f: Frame = frame;
  while (f.parent !== null) {
    steps.push(`.data.children[${f.indexInParent}].data.replies`);
    f = f.parent;
  }
  steps.push(`[${f.top}]`);
  steps.reverse();
  if (frame.depth > 8) return `${steps.slice(0, 3).join('')}…(depth ${frame.depth})…${steps.slice(-2).join('')}`;
  return steps.join('');
}

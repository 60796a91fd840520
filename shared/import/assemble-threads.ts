/**
 * Parsed posts of one import (one or more files) → Threadmark threads and posts. Parsers only
 * report what the source says (raw-post.ts); this is where reply trees are rebuilt and the gaps
 * are made visible (docs/thread-formats.md, "Rebuilding reply trees"):
 * - posts are grouped by (platform, threadKey), across files, so a dump split into submissions and
 *   comments files still forms one thread;
 * - a reply whose parent is absent hangs under a "missing" placeholder for that parent, never
 *   silently under the root; a group without an opening post gets a placeholder root;
 * - `moreReplies` becomes a "N more replies not in this file" child; deleted posts stay as
 *   tombstones with `meta.deleted`;
 * - a post already in the project, or repeated within the import, is skipped and counted;
 * - a post whose text, author or title is not well-formed Unicode (an unpaired surrogate, which
 *   JSON allows but the bundle, XML and UTF-8 do not) is left out with a warning naming it, and a
 *   placeholder saying so takes its place, so its replies stay in the tree. Repairing it with
 *   U+FFFD would silently change the text researchers quote.
 * Posts come out in reading order: depth-first, siblings by time, then input order. Everything is
 * iterative (a 100,000-deep reply chain is fine) and O(n log n) for the sibling sorts.
 */
import type { Platform, Post, PostMeta, Thread } from '../model/records';
import { instanceOf } from '../platform/instance';
import { normalizeText } from '../text/normalize';
import { firstUnpairedSurrogate, firstUnpairedSurrogateField, hasSurrogate } from '../text/well-formed';
import type { Clock, IdSource } from '../util/clock';
import { normalizeTime } from './normalize-time';
import { missingPost, moreReplies, rejectedPost, type PlaceholderContent } from './placeholders';
import type { ImportWarning, ParsedFile, RawPost } from './raw-post';
import { titleFromText } from './thread-title';

export interface ExistingPosts {
  hasPost(platform: Platform, platformId: string): boolean;
  /**
   * Where a stored post is, when the caller can tell: replies to a thread imported earlier then join
   * that thread under the stored post instead of forming a thread under a placeholder.
   */
  locate?(platform: Platform, platformId: string): StoredPost | null;
}

/** A post already in the project: its Threadmark id and thread. */
export interface StoredPost {
  postId: string;
  threadId: string;
}

export interface AssembleDeps {
  ids: IdSource;
  clock: Clock;
}

export interface AssembledImport {
  /** New threads. */
  threads: Thread[];
  /** Thread by thread, each in reading order; posts joining a stored thread come after its own. */
  posts: Post[];
  /** Stored threads that new posts join (replies to a thread imported earlier). */
  joinedThreadIds: string[];
  duplicatesSkipped: number;
  warnings: ImportWarning[];
}

type NodeKind = 'post' | 'missing' | 'rejected' | 'more' | 'stored';

interface Node {
  kind: NodeKind;
  /** Input position, the tie-break among siblings; placeholders get one after all posts. */
  order: number;
  /** The source's post (kind 'post'), already normalized. */
  raw: RawPost | null;
  file: string;
  /** Placeholders: what they stand for. */
  content: PlaceholderContent | null;
  /** kind 'stored': the post already in the project that this node stands for (never emitted). */
  stored?: StoredPost;
  parent: Node | null;
  children: Node[];
  /** Milliseconds for sorting siblings; NaN sorts after every dated sibling. */
  time: number;
}

interface Group {
  platform: Platform;
  threadKey: string;
  posts: Node[];
  byPlatformId: Map<string, Node>;
  /** Ids of this group's posts left out for malformed text: their replies get a "rejected" placeholder. */
  rejected: Set<string>;
  files: string[];
  /** The formats of those files ("reddit-thread", "4cat-ndjson"…): the thread's `collectedWith`. */
  formats: string[];
}

export function assembleThreads(
  files: Array<{ fileName: string; parsed: ParsedFile }>,
  existing: ExistingPosts,
  deps: AssembleDeps,
): AssembledImport {
  const warnings: ImportWarning[] = [];
  const { groups, duplicatesSkipped, inputCount } = collectGroups(files, existing, warnings);
  const importedAt = deps.clock.now();
  const threads: Thread[] = [];
  const posts: Post[] = [];
  const joined = new Set<string>();
  let nextOrder = inputCount;
  for (const group of groups) {
    // Every post of the group was left out (warned already): a thread of placeholders says nothing.
    if (group.posts.length === 0) continue;
    const root = buildTree(group, existing, warnings, () => nextOrder++);
    if (root.stored) joined.add(root.stored.threadId);
    emitThread(group, root, importedAt, deps.ids, threads, posts);
  }
  return { threads, posts, joinedThreadIds: [...joined], duplicatesSkipped, warnings };
}

/** Keyed by platform, then id: no joined string key is built per post on the hot path. */
class ByPlatform<T> {
  private readonly maps = new Map<string, Map<string, T>>();

  get(platform: string, id: string): T | undefined {
    return this.maps.get(platform)?.get(id);
  }

  set(platform: string, id: string, value: T): void {
    let map = this.maps.get(platform);
    if (!map) this.maps.set(platform, (map = new Map()));
    map.set(id, value);
  }
}

function collectGroups(
  files: Array<{ fileName: string; parsed: ParsedFile }>,
  existing: ExistingPosts,
  warnings: ImportWarning[],
): { groups: Group[]; duplicatesSkipped: number; inputCount: number } {
  const groups: Group[] = [];
  const groupOf = new ByPlatform<Group>();
  const seen = new ByPlatform<true>();
  let duplicatesSkipped = 0;
  let order = 0;
  for (const { fileName, parsed } of files) {
    for (const source of parsed.posts) {
      order++;
      if (seen.get(source.platform, source.platformId)) {
        duplicatesSkipped++;
        continue;
      }
      seen.set(source.platform, source.platformId, true);
      if (existing.hasPost(source.platform, source.platformId)) {
        duplicatesSkipped++;
        continue;
      }
      let group = groupOf.get(source.platform, source.threadKey);
      if (!group) {
        group = { platform: source.platform, threadKey: source.threadKey, posts: [], byPlatformId: new Map(), rejected: new Set(), files: [], formats: [] };
        groupOf.set(source.platform, source.threadKey, group);
        groups.push(group);
      }
      if (!group.files.includes(fileName)) group.files.push(fileName);
      if (parsed.format !== '' && !group.formats.includes(parsed.format)) group.formats.push(parsed.format);
      const raw = normalizePost(source, fileName, warnings);
      if (raw === null) {
        group.rejected.add(source.platformId);
        continue;
      }
      const node: Node = { kind: 'post', order, raw, file: fileName, content: null, parent: null, children: [], time: timeOf(raw.createdAt) };
      group.posts.push(node);
      group.byPlatformId.set(raw.platformId, node);
    }
  }
  return { groups, duplicatesSkipped, inputCount: order };
}

/** What normalizeTime produces. */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const ID_FIELDS = ['platformId', 'parentPlatformId', 'threadKey', 'url'] as const;

/** Cheap for the usual post: a native regex per id, the variables walked only when there are any. */
function idOrVariableWithLoneSurrogate(source: RawPost): { field: string; index: number } | null {
  for (const field of ID_FIELDS) {
    const value = source[field];
    if (typeof value !== 'string' || !hasSurrogate(value)) continue;
    const index = firstUnpairedSurrogate(value);
    if (index !== -1) return { field, index };
  }
  if (!hasKeys(source.meta)) return null;
  const bad = firstUnpairedSurrogateField(source.meta);
  return bad && { field: `meta.${bad.field}`, index: bad.index };
}

function hasKeys(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

/** Text normalized once; null (with a warning) when a field is not well-formed Unicode. */
function normalizePost(source: RawPost, file: string, warnings: ImportWarning[]): RawPost | null {
  const where = (): ImportWarning => ({ file, ...source.location, message: '' });
  const fields: Array<['text' | 'author' | 'threadTitle', string | undefined]> = [
    ['text', source.text],
    ['author', source.author],
    ['threadTitle', source.threadTitle],
  ];
  for (const [field, value] of fields) {
    if (value === undefined) continue;
    const bad = firstUnpairedSurrogate(value);
    if (bad === -1) continue;
    warnings.push({
      ...where(),
      field,
      message: `post ${source.platformId} left out: its ${field} has an unpaired surrogate at UTF-16 index ${bad} (a character cut in half at the source); a placeholder takes its place`,
    });
    return null;
  }
  // Ids, links and post variables too: they become record ids, URLs and table cells.
  const other = idOrVariableWithLoneSurrogate(source);
  if (other) {
    warnings.push({
      ...where(),
      field: other.field,
      message: `a post left out: its ${other.field} has an unpaired surrogate at UTF-16 index ${other.index} (a character cut in half at the source); a placeholder takes its place`,
    });
    return null;
  }
  let createdAt = source.createdAt;
  // Parsers already give the canonical form; the full check runs only for anything else.
  if (createdAt !== null && !(CANONICAL_TIME.test(createdAt) && Number.isFinite(Date.parse(createdAt)))) {
    const time = normalizeTime(createdAt);
    createdAt = time.ok ? time.value : null;
    if (!time.ok) warnings.push({ ...where(), field: 'createdAt', message: `post ${source.platformId}: time left empty: ${time.error}` });
  }
  return {
    ...source,
    text: normalizeText(source.text),
    author: normalizeText(source.author),
    ...(source.threadTitle === undefined ? {} : { threadTitle: normalizeText(source.threadTitle) }),
    createdAt,
  };
}

function timeOf(iso: string | null): number {
  return iso === null ? NaN : Date.parse(iso);
}

function placeholder(kind: NodeKind, content: PlaceholderContent, order: number, file: string): Node {
  return { kind, order, raw: null, file, content, parent: null, children: [], time: NaN };
}

/** Sets parent pointers, adds placeholders, breaks cycles, then fills and sorts child lists. */
function buildTree(group: Group, existing: ExistingPosts, warnings: ImportWarning[], nextOrder: () => number): Node {
  const openings = group.posts.filter((node) => (node.raw as RawPost).parentPlatformId === null);
  // New replies to a thread imported earlier (its opening post is stored): they join that thread,
  // under the stored posts they answer when those are in it too.
  const joining = openings.length === 0 ? (existing.locate?.(group.platform, group.threadKey) ?? null) : null;
  const storedInThread = (platformId: string): StoredPost | null => {
    if (joining === null) return null;
    const found = existing.locate?.(group.platform, platformId) ?? null;
    return found !== null && found.threadId === joining.threadId ? found : null;
  };
  const missing = new Map<string, Node>();
  for (const node of group.posts) {
    const raw = node.raw as RawPost;
    const parentId = raw.parentPlatformId;
    if (parentId === null) continue;
    const parent = group.byPlatformId.get(parentId);
    if (parent) {
      node.parent = parent;
      continue;
    }
    let stand = missing.get(parentId);
    const stored = stand ? null : storedInThread(parentId);
    if (!stand && stored) {
      stand = storedNode(stored, nextOrder(), node.file);
      missing.set(parentId, stand);
    }
    if (!stand) {
      const rejected = group.rejected.has(parentId);
      stand = placeholder(rejected ? 'rejected' : 'missing', rejected ? rejectedPost(parentId) : missingPost(parentId), nextOrder(), node.file);
      missing.set(parentId, stand);
      if (!rejected) warnings.push({ file: node.file, ...raw.location, field: 'parent', message: missingParentMessage(group, parentId, existing) });
    }
    node.parent = stand;
  }

  let root = openings[0];
  if (root === undefined) {
    const first = group.posts[0];
    const file = first?.file ?? group.files[0] ?? '';
    root = missing.get(group.threadKey);
    if (root) missing.delete(group.threadKey);
    else if (joining !== null) root = storedNode(joining, nextOrder(), file);
    else if (group.rejected.has(group.threadKey)) root = placeholder('rejected', rejectedPost(group.threadKey), nextOrder(), file);
    else {
      root = placeholder('missing', missingPost(group.threadKey), nextOrder(), file);
      const where = existing.hasPost(group.platform, group.threadKey) ? 'is already in the project from an earlier import' : 'is not in the file';
      warnings.push({ file, ...first?.raw?.location, message: `the opening post ${group.threadKey} of this thread ${where}; a placeholder stands in for it` });
    }
  }
  for (const extra of openings.slice(1)) {
    extra.parent = root;
    warnings.push({
      file: extra.file,
      ...extra.raw?.location,
      message: `post ${extra.raw?.platformId} also opens thread ${group.threadKey}; shown as a reply to the first opening post`,
    });
  }
  for (const stand of missing.values()) stand.parent = root;

  const all: Node[] = [root, ...group.posts.filter((n) => n !== root), ...missing.values()];
  breakCycles(all, root, warnings);
  for (const node of all) if (node.parent) node.parent.children.push(node);
  for (const node of group.posts) addMoreStub(node, nextOrder);
  // A placeholder sorts where its earliest reply does: the missing post came before it.
  for (const stand of missing.values()) stand.time = earliestTime(stand.children);
  for (const node of all) if (node.children.length > 1) node.children.sort(bySiblingOrder);
  return root;
}

function storedNode(stored: StoredPost, order: number, file: string): Node {
  return { kind: 'stored', order, raw: null, file, content: null, stored, parent: null, children: [], time: NaN };
}

function earliestTime(nodes: readonly Node[]): number {
  let earliest = NaN;
  for (const n of nodes) if (!Number.isNaN(n.time) && !(n.time >= earliest)) earliest = n.time;
  return earliest;
}

/**
 * New replies to a post imported earlier cannot join that post's thread (ExistingPosts only says
 * whether a post exists), so they form a thread under a placeholder; the warning says why.
 */
function missingParentMessage(group: Group, parentId: string, existing: ExistingPosts): string {
  return existing.hasPost(group.platform, parentId)
    ? `replies to post ${parentId}, which is already in the project from an earlier import; shown under a placeholder for it in this thread`
    : `replies to post ${parentId}, which is not in the file; shown under a placeholder for it`;
}

/**
 * Malformed data can make parent pointers loop (A answers B, B answers A), leaving posts no root
 * reaches. Each walk up stops at a post already known to reach the root; a walk that meets itself
 * has found a loop, which is cut by hanging the post where it closed under the root. O(n) overall.
 */
function breakCycles(all: Node[], root: Node, warnings: ImportWarning[]): void {
  const anchored = new Set<Node>([root]);
  const onWalk = new Set<Node>();
  for (const start of all) {
    const path: Node[] = [];
    let node: Node | null = start;
    while (node !== null && !anchored.has(node)) {
      if (onWalk.has(node)) {
        warnings.push({
          file: node.file,
          ...node.raw?.location,
          field: 'parent',
          message: `post ${node.raw?.platformId} is part of a reply loop; shown as a reply to the thread's opening post`,
        });
        node.parent = root;
        break;
      }
      onWalk.add(node);
      path.push(node);
      node = node.parent;
    }
    for (const n of path) {
      anchored.add(n);
      onWalk.delete(n);
    }
  }
}

function addMoreStub(node: Node, nextOrder: () => number): void {
  const raw = node.raw as RawPost;
  const count = raw.moreReplies !== undefined && raw.moreReplies > 0 ? raw.moreReplies : null;
  if (count === null && !raw.moreRepliesUncounted) return;
  const stub = placeholder('more', moreReplies(count), nextOrder(), node.file);
  stub.parent = node;
  node.children.push(stub);
}

/** Dated before undated, then by time, then input order; "more" stubs always last. */
function bySiblingOrder(a: Node, b: Node): number {
  const moreA = a.kind === 'more' ? 1 : 0;
  const moreB = b.kind === 'more' ? 1 : 0;
  if (moreA !== moreB) return moreA - moreB;
  const undatedA = Number.isNaN(a.time) ? 1 : 0;
  const undatedB = Number.isNaN(b.time) ? 1 : 0;
  if (undatedA !== undatedB) return undatedA - undatedB;
  if (!undatedA && a.time !== b.time) return a.time - b.time;
  return a.order - b.order;
}

/** The group's posts in reading order; a new thread unless the root is a stored post (a join). */
function emitThread(group: Group, root: Node, importedAt: string, ids: IdSource, threads: Thread[], posts: Post[]): void {
  const threadId = root.stored?.threadId ?? ids.newId();
  const idOf = new Map<Node, string>();
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.stored) idOf.set(node, node.stored.postId);
    else {
      const id = ids.newId();
      idOf.set(node, id);
      posts.push(toPost(node, id, threadId, node.parent ? (idOf.get(node.parent) ?? null) : null, group.platform));
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Node);
  }
  if (root.stored) return;
  threads.push({
    id: threadId,
    title: threadTitle(group, root),
    platform: group.platform,
    rootPostId: idOf.get(root) as string,
    importedAt,
    source: group.files.join(', '),
    // What the files say about their collection (platform terms): the tool or format, the instance.
    ...(group.formats.length > 0 ? { collectedWith: group.formats.join(', ') } : {}),
    ...withInstance(group.platform, root.raw?.url ?? null),
    ...collectedAtOf(group),
  });
}

/** When the group was collected, as its posts say (Zeeschuimer's `timestamp_collected` → meta.collected_at): the latest. */
function collectedAtOf(group: Group): { collectedAt?: string } {
  let latest: string | undefined;
  for (const node of group.posts) {
    const at = node.raw?.meta.collected_at;
    if (typeof at === 'string' && (latest === undefined || at > latest)) latest = at;
  }
  return latest === undefined ? {} : { collectedAt: latest };
}

function withInstance(platform: Platform, url: string | null): { instance?: string } {
  const instance = instanceOf(platform, url);
  return instance ? { instance } : {};
}

function toPost(node: Node, id: string, threadId: string, parentId: string | null, platform: Platform): Post {
  const raw = node.raw;
  if (raw === null) {
    const c = node.content as PlaceholderContent;
    return { id, threadId, parentId, author: c.author, createdAt: null, text: c.text, platform, platformId: null, url: null, meta: c.meta };
  }
  const meta: PostMeta = raw.deleted ? { ...raw.meta, deleted: true } : raw.meta;
  return {
    id,
    threadId,
    parentId,
    author: raw.author,
    createdAt: raw.createdAt,
    text: raw.text,
    platform: raw.platform,
    platformId: raw.platformId,
    url: raw.url,
    meta,
  };
}

function threadTitle(group: Group, root: Node): string {
  const titled = root.raw?.threadTitle ?? group.posts.find((n) => n.raw?.threadTitle)?.raw?.threadTitle;
  if (titled) return titled;
  if (root.raw && root.raw.text.trim() !== '') return titleFromText(root.raw.text);
  return root.raw ? `Thread ${group.threadKey}` : `Thread ${group.threadKey} (opening post not in this file)`;
}

/**
 * RecordCheck's answer without holding the posts and codings (issue 15: a bundle validates in memory
 * bounded by its largest thread, not the project). Every other array is checked by a RecordCheck as
 * before. Of each post only its id, thread, parent and whether it passed its shape check are kept
 * (typed arrays; the ids of posts and codings in IdTables, not strings on the heap); its text
 * stays in `window` until the codings on it are checked (check-bundle-bounded.ts reads the codings beside the posts, in the canonical order). Of each
 * coding: its id, code and coder. The problems are the same, in the same order, as RecordCheck's;
 * a bundle where keeping that promise would need the posts again (a repeated post or coding id, a
 * coding after its post left the window, relations, whose spans need post text) sets `unsupported`
 * and the caller reads it whole instead.
 */
import type { Problem } from '../problem/problem';
import type { Post } from '../model/records';
import { firstUnpairedSurrogate, firstUnpairedSurrogateField } from '../text/well-formed';
import type { BundleCoding } from './bundle';
import { CHECKED_ELSEWHERE, checkBundleRules, checkOffsets, emptyKnownIds, noteIds, type PlacedProblem } from './bundle-rules';
import { RECORD_ARRAYS, recordSchemas, type RecordArrayName } from './bundle-schema';
import { IdTable } from './id-table';
import { DELETED_POST_KEEPS_NOTHING, parentInOtherThreadMessage, recordLabel, unpairedSurrogateMessage } from './problem';
import { RecordCheck } from './record-check';
import { issueMessage, issuesToProblems } from './zod-problems';

/** An int per record, growing as records come. */
class Ints {
  data = new Int32Array(1024);
  set(index: number, value: number): void {
    if (index >= this.data.length) {
      const grown = new Int32Array(Math.max(index + 1, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[index] = value;
  }
  get(index: number): number {
    return this.data[index]!;
  }
}

/** Strings seen often (thread, code and coder ids) as small numbers. */
class Names {
  readonly list: string[] = [];
  private readonly numbers = new Map<string, number>();
  of(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(name);
      this.numbers.set(name, n);
    }
    return n;
  }
}

const NO_PARENT = -1;
const NO_ID = -1;
/** The parent was not read yet: resolved at the end. */
const LATER = -2;
/** Not a checked post (failed its shape check). */
const FAILED = -1;

/** A problem with its rule's place in RecordCheck's order for the same record. */
interface Phased extends PlacedProblem {
  phase: number;
}

export class BoundedRecordCheck {
  private readonly postTable = new IdTable();
  private readonly codingTable = new IdTable();
  private readonly rest = new RecordCheck({ ...emptyKnownIds(), posts: this.postTable, codings: this.codingTable });
  readonly known = this.rest.known;
  readonly fed = this.rest.fed;
  /** Why this read cannot be answered bounded (the caller reads whole), or null. */
  unsupported: string | null = null;
  /** Checked posts whose codings may still come: id → text. The caller empties it. */
  readonly window = new Map<string, string>();
  readonly counts = new Map<RecordArrayName, number>();

  private readonly shape: PlacedProblem[] = [];
  private readonly duplicates: PlacedProblem[] = [];
  private readonly rules: Phased[] = [];
  private readonly threads = new Names();
  private readonly codes = new Names();
  private readonly coders = new Names();
  private postCount = 0;
  /** The IdTable entry of a post's id, NO_ID when it has none. */
  private readonly postEntry = new Ints();
  /** Thread number of a checked post, FAILED otherwise. */
  private readonly postThread = new Ints();
  private readonly postParent = new Ints();
  private readonly laterParents: Array<{ index: number; parentId: string }> = [];
  private codingCount = 0;
  private readonly codingEntry = new Ints();
  /** Code number of a checked coding, FAILED otherwise. */
  private readonly codingCode = new Ints();
  private readonly codingCoder = new Ints();

  add(array: RecordArrayName, records: readonly unknown[]): void {
    if (array === 'posts') this.addPosts(records);
    else if (array === 'codings') this.addCodings(records);
    else {
      if (array === 'relations' && records.length > 0) this.unsupported ??= 'relations (their spans are checked against post text)';
      this.rest.add(array, records);
    }
    this.counts.set(array, (this.counts.get(array) ?? 0) + records.length);
  }

  /** Has this post been read (known), and is it in the window? */
  postState(id: string): 'unread' | 'failed' | 'window' | 'gone' {
    const index = this.known.posts.get(id);
    if (index === undefined) return 'unread';
    if (this.postThread.get(index) === FAILED) return 'failed';
    return this.window.has(id) ? 'window' : 'gone';
  }

  private shapeOf(array: 'posts' | 'codings', index: number, record: unknown): unknown {
    const parsed = recordSchemas[array].safeParse(record, { error: issueMessage });
    if (parsed.success) return parsed.data;
    const label = recordLabel(array, index, typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as { id?: unknown }).id : undefined);
    for (const problem of issuesToProblems(parsed.error.issues, label)) this.shape.push({ array, index, problem });
    return null;
  }

  private rule(array: RecordArrayName, index: number, id: string, phase: number, field: string, message: string): void {
    this.rules.push({ array, index, phase, problem: { record: recordLabel(array, index, id), field, message } });
  }

  private addPosts(records: readonly unknown[]): void {
    this.fed.add('posts');
    const from = this.postCount;
    this.postCount += records.length;
    const before = this.duplicates.length;
    noteIds(this.known, 'posts', records, from, this.duplicates);
    if (this.duplicates.length > before) this.unsupported ??= 'a repeated post id';
    const skip = CHECKED_ELSEWHERE.posts;
    for (let at = 0; at < records.length; at++) {
      const index = from + at;
      const p = this.shapeOf('posts', index, records[at]) as Post | null;
      const raw = records[at] as { id?: unknown } | null;
      this.postEntry.set(index, typeof raw === 'object' && raw !== null && typeof raw.id === 'string' ? this.postTable.entryOf(raw.id) : NO_ID);
      if (!p) {
        this.postThread.set(index, FAILED);
        this.postParent.set(index, NO_PARENT);
        continue;
      }
      const thread = this.threads.of(p.threadId);
      this.postThread.set(index, thread);
      // RecordCheck's order for one post: thread, text, deletion, parent; then well-formed strings; then loops.
      const lone = firstUnpairedSurrogate(p.text);
      if (lone !== -1) this.rule('posts', index, p.id, 1, 'text', unpairedSurrogateMessage(p.text.charCodeAt(lone), lone));
      if (p.deletedOnPlatform !== undefined && (p.text !== '' || p.author !== '')) this.rule('posts', index, p.id, 2, p.text !== '' ? 'text' : 'author', DELETED_POST_KEEPS_NOTHING);
      if (p.parentId === null) this.postParent.set(index, NO_PARENT);
      else {
        const parent = this.known.posts.get(p.parentId);
        if (parent === undefined || parent >= index) {
          this.postParent.set(index, LATER);
          this.laterParents.push({ index, parentId: p.parentId });
        } else {
          this.postParent.set(index, parent);
          this.checkParentThread(index, p.id, parent, thread);
        }
      }
      const bad = firstUnpairedSurrogateField(p, skip);
      if (bad) this.rule('posts', index, p.id, 4, bad.field, unpairedSurrogateMessage(bad.unit, bad.index));
      this.window.set(p.id, p.text);
    }
  }

  /** A post's raw id ('' when it has none), for a message. */
  private postId(index: number): string {
    const entry = this.postEntry.get(index);
    return entry === NO_ID ? '' : this.postTable.idAt(entry);
  }

  private codingId(index: number): string {
    const entry = this.codingEntry.get(index);
    return entry === NO_ID ? '' : this.codingTable.idAt(entry);
  }

  private checkParentThread(index: number, id: string, parent: number, thread: number): void {
    const parentThread = this.postThread.get(parent);
    if (parentThread !== FAILED && parentThread !== thread)
      this.rule('posts', index, id, 3, 'parentId', parentInOtherThreadMessage(this.postId(parent), this.threads.list[parentThread]!, this.threads.list[thread]!));
  }

  /** Codings in file order; the caller passes each only once its post is in the window, gone for good, or never coming (all posts read). */
  private addCodings(records: readonly unknown[]): void {
    this.fed.add('codings');
    const from = this.codingCount;
    this.codingCount += records.length;
    const before = this.duplicates.length;
    noteIds(this.known, 'codings', records, from, this.duplicates);
    if (this.duplicates.length > before) this.unsupported ??= 'a repeated coding id';
    const skip = CHECKED_ELSEWHERE.codings;
    for (let at = 0; at < records.length; at++) {
      const index = from + at;
      const c = this.shapeOf('codings', index, records[at]) as BundleCoding | null;
      const raw = records[at] as { id?: unknown } | null;
      this.codingEntry.set(index, typeof raw === 'object' && raw !== null && typeof raw.id === 'string' ? this.codingTable.entryOf(raw.id) : NO_ID);
      if (!c) {
        this.codingCode.set(index, FAILED);
        continue;
      }
      this.codingCode.set(index, this.codes.of(c.codeId));
      this.codingCoder.set(index, this.coders.of(c.coderId));
      const bad = firstUnpairedSurrogateField(c, skip);
      if (bad) this.rule('codings', index, c.id, 0, bad.field, unpairedSurrogateMessage(bad.unit, bad.index));
      const post = this.known.posts.get(c.postId);
      if (post === undefined) this.rule('codings', index, c.id, 1, 'postId', `unknown post ${JSON.stringify(c.postId)}`);
      else if (this.postThread.get(post) !== FAILED) {
        const text = this.window.get(c.postId);
        if (text === undefined) this.unsupported ??= 'a coding listed after its post left the window (codings not in post order)';
        else checkOffsets(text, c, (field, message) => this.rule('codings', index, c.id, 4, field, message));
      }
    }
  }

  /** Every problem, as RecordCheck.problems() gives them for the same bundle. */
  problems(): Problem[] {
    this.finishPosts();
    this.finishCodings();
    const known = this.known;
    const threadOf = (id: string): { id: string; threadId: string } | undefined => {
      const index = known.posts.get(id);
      const thread = index === undefined ? FAILED : this.postThread.get(index);
      return thread === FAILED ? undefined : { id, threadId: this.threads.list[thread]! };
    };
    const codeOfCoding = (id: string): string | undefined => {
      const index = known.codings.get(id);
      const code = index === undefined ? FAILED : this.codingCode.get(index);
      return code === FAILED ? undefined : this.codes.list[code];
    };
    const rest = checkBundleRules(known, this.rest.checked, { postThread: threadOf, codeOfCoding });
    const ours = [...this.rules].sort((a, b) => a.index - b.index || a.phase - b.phase);
    const placed = [...this.rest.shapeProblems(), ...this.shape, ...this.rest.duplicateProblems(), ...this.duplicates, ...rest, ...ours];
    const rank = (p: PlacedProblem): number => RECORD_ARRAYS.indexOf(p.array);
    placed.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
    return placed.map((p) => p.problem);
  }

  private finishPosts(): void {
    const known = this.known;
    for (let index = 0; index < this.postCount; index++) {
      const thread = this.postThread.get(index);
      if (thread !== FAILED && !known.threads.has(this.threads.list[thread]!)) this.rule('posts', index, this.postId(index), 0, 'threadId', `unknown thread ${JSON.stringify(this.threads.list[thread])}`);
    }
    for (const { index, parentId } of this.laterParents) {
      const parent = known.posts.get(parentId);
      if (parent === undefined) {
        this.postParent.set(index, NO_PARENT);
        this.rule('posts', index, this.postId(index), 3, 'parentId', `unknown post ${JSON.stringify(parentId)}`);
      } else {
        this.postParent.set(index, parent);
        this.checkParentThread(index, this.postId(index), parent, this.postThread.get(index));
      }
    }
    this.findLoops();
  }

  /** bundle-rules.ts findLoops over the checked posts, on their numbers. */
  private findLoops(): void {
    const n = this.postCount;
    const parent = (i: number): number => {
      const p = this.postParent.get(i);
      return p >= 0 && this.postThread.get(p) !== FAILED ? p : -1;
    };
    // 0: not walked, 1: walking, 2: done.
    const state = new Uint8Array(n);
    const path: number[] = [];
    for (let start = 0; start < n; start++) {
      if (this.postThread.get(start) === FAILED) continue;
      path.length = 0;
      let i = start;
      while (i !== -1 && state[i] === 0) {
        state[i] = 1;
        path.push(i);
        i = parent(i);
      }
      if (i !== -1 && state[i] === 1) {
        const loop = path.slice(path.indexOf(i));
        // The member listed first in the file starts the report, as findLoops does.
        const firstAt = loop.indexOf(Math.min(...loop));
        const ordered = [...loop.slice(firstAt), ...loop.slice(0, firstAt)];
        const ids = ordered.map((x) => this.postId(x));
        this.rule('posts', ordered[0]!, ids[0]!, 5, 'parentId', `reply chain loops: ${ids.concat(ids[0]!).map((x) => JSON.stringify(x)).join(' → ')}`);
      }
      for (const p of path) state[p] = 2;
    }
  }

  private finishCodings(): void {
    const known = this.known;
    const categories = new Set(this.rest.checked.codes.filter(({ value }) => !value.codable).map(({ value }) => value.id));
    for (let index = 0; index < this.codingCount; index++) {
      const code = this.codingCode.get(index);
      if (code === FAILED) continue;
      const codeId = this.codes.list[code]!;
      const coderId = this.coders.list[this.codingCoder.get(index)]!;
      if (!known.codes.has(codeId)) this.rule('codings', index, this.codingId(index), 2, 'codeId', `unknown code ${JSON.stringify(codeId)}`);
      if (!known.coders.has(coderId)) this.rule('codings', index, this.codingId(index), 3, 'coderId', `unknown coder ${JSON.stringify(coderId)}`);
      if (categories.has(codeId)) this.rule('codings', index, this.codingId(index), 5, 'codeId', `code ${JSON.stringify(codeId)} is category-only (codable false): nothing can be coded with it`);
    }
  }
}

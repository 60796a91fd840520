/**
 * A bundle file checked in memory bounded by its largest thread, not by the project (issue 15):
 * the same verdict and the same problems as readBundleChunks, without the bundle as a result (what
 * `threadmark validate` needs; a command that changes the project still holds it: bundle-file.ts).
 *
 * A coding's quote is checked against its post's text, and the codings come after all the posts.
 * So the codings are read by a second cursor beside the posts: the file's end is searched for the
 * top-level `"codings": [` line of the canonical layout every Threadmark writes (2-space indent, one
 * member a line; a raw line break is never inside a string), the posts are read in order and kept
 * until the codings on them are checked, then dropped. The main reader passes over the codings'
 * bytes, only where it finds the codings array exactly where the search did.
 *
 * Whatever the bounded read cannot answer exactly (another layout, codings out of post order, a
 * repeated id, relations, a version 1 or 2 file, a byte that is not JSON) is read again whole by
 * readBundleChunks, so the answer never differs; only the memory does.
 */
import type { Problem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from './bundle';
import { RECORD_ARRAYS, type RecordArrayName } from './bundle-schema';
import { BoundedRecordCheck } from './bounded-record-check';
import { JsonStreamError, TopLevelJsonReader } from './bundle-json-stream';
import { readBundleChunks } from './read-bundle-stream';
import { checkEnvelope, parseBundleText, type Envelope } from './validate';

/** A file read in pieces, from any byte offset (a second cursor reads the codings). */
export interface BundleByteSource {
  size: number;
  /** Bytes [from, to) in pieces. */
  chunks(from: number, to: number): AsyncIterable<Uint8Array>;
}

/** A valid bundle's head and how many records each array holds. */
export interface BundleOutline extends Envelope {
  counts: Record<RecordArrayName, number>;
  /** Null: read bounded; otherwise why the file was read whole. */
  readWhole: string | null;
}

/** Read bounded or not: the bytes of one search step backwards from the end. */
const SEARCH_BYTES = 4 * 1024 * 1024;

/** Thrown inside the bounded read when only a whole read can answer. */
class ReadWhole extends Error {}

/**
 * The file checked as readBundleChunks checks it. `wholeText`, as there: the file as text for a
 * syntax error's line and column, when it can still be one string.
 */
export async function checkBundleBounded(source: BundleByteSource, wholeText: (() => Promise<string>) | null, onReadWhole?: (why: string) => void): Promise<Result<BundleOutline, Problem[]>> {
  let why: string;
  try {
    return await boundedRead(source, wholeText);
  } catch (e) {
    if (!(e instanceof ReadWhole)) throw e;
    why = e.message;
  }
  onReadWhole?.(why);
  const read = await readBundleChunks(source.chunks(0, source.size), wholeText);
  if (!read.ok) return read;
  const b = read.value;
  const counts = Object.fromEntries(RECORD_ARRAYS.map((array) => [array, (b[array] ?? []).length])) as Record<RecordArrayName, number>;
  return ok({ exportedAt: b.exportedAt, app: b.app, project: b.project, counts, readWhole: why });
}

async function boundedRead(source: BundleByteSource, wholeText: (() => Promise<string>) | null): Promise<Result<BundleOutline, Problem[]>> {
  const bom = await hasBom(source);
  const layout = await findCodings(source);
  const check = new BoundedRecordCheck();
  let skipped = false;
  const reader = new TopLevelJsonReader(
    (key, members) => {
      if (members.format !== BUNDLE_FORMAT || members.formatVersion !== BUNDLE_FORMAT_VERSION) throw new ReadWhole('not a version 3 bundle');
      if (!isRecordArray(key)) return null;
      if (key === 'codings') throw new ReadWhole('the codings are not where the canonical layout puts them');
      return (records) => check.add(key, records);
    },
    (key, offset) => {
      if (key !== 'codings' || layout === null) return null;
      if (offset !== layout.start - bom) throw new ReadWhole('the codings are not where the canonical layout puts them');
      skipped = true;
      return layout.end - bom;
    },
  );
  const codings = layout === null ? null : new CodingsCursor(source, layout, check);
  try {
    return await readAlongside(source, wholeText, reader, check, codings, () => skipped, layout);
  } finally {
    await codings?.close();
  }
}

async function readAlongside(
  source: BundleByteSource,
  wholeText: (() => Promise<string>) | null,
  reader: TopLevelJsonReader,
  check: BoundedRecordCheck,
  codings: CodingsCursor | null,
  skipped: () => boolean,
  layout: { start: number; end: number } | null,
): Promise<Result<BundleOutline, Problem[]>> {
  let json: Record<string, unknown>;
  try {
    for await (const chunk of source.chunks(0, source.size)) {
      reader.push(chunk);
      if (check.unsupported) throw new ReadWhole(check.unsupported);
      // No codings to wait for: no post text is kept.
      if (codings === null) check.window.clear();
      else await codings.advance(false);
      if (check.unsupported) throw new ReadWhole(check.unsupported);
    }
    json = reader.finish();
  } catch (e) {
    if (!(e instanceof JsonStreamError)) throw e;
    // The codings' bytes were passed over: their syntax is told by the whole read.
    if (skipped()) throw new ReadWhole('not JSON');
    if (e.kind === 'encoding') throw new Error('not valid UTF-8 text', { cause: e });
    if (wholeText) {
      const parsed = parseBundleText(await wholeText());
      // Not JSON as a stream, JSON as text: cannot be; the text's problems either way.
      return parsed.ok ? err([{ record: 'bundle', message: e.message }]) : parsed;
    }
    return err([{ record: 'bundle', message: e.message }]);
  }
  if (layout !== null && !skipped()) throw new ReadWhole('the codings are not where the canonical layout puts them');
  await codings?.advance(true);
  if (check.unsupported) throw new ReadWhole(check.unsupported);
  const envelope = checkEnvelope(json, check);
  if (!envelope.ok) return envelope;
  const counts = Object.fromEntries(RECORD_ARRAYS.map((array) => [array, check.counts.get(array) ?? 0])) as Record<RecordArrayName, number>;
  return ok({ ...envelope.value, counts, readWhole: null });
}

const isRecordArray = (key: string): key is RecordArrayName => (RECORD_ARRAYS as readonly string[]).includes(key);

async function hasBom(source: BundleByteSource): Promise<number> {
  for await (const head of source.chunks(0, Math.min(3, source.size))) return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return 0;
}

/**
 * The codings array's bytes [start, end) in the file, `[` to `]`, found from the end in the canonical
 * layout: the line `  "codings": [` and the first `  ]` line after it (or `[]`). Null: not found.
 */
export async function findCodings(source: BundleByteSource): Promise<{ start: number; end: number } | null> {
  const KEY = new TextEncoder().encode('\n  "codings": [');
  const OVERLAP = 16;
  // The nearest top-level close (`\n  ]`, the byte after it) above what is searched so far.
  let close = -1;
  // One buffer for every step: the search may pass over a few hundred MB of codings.
  const buffer = new Uint8Array(Math.min(source.size, SEARCH_BYTES + OVERLAP));
  for (let to = source.size; to > 0; ) {
    const from = Math.max(0, to - SEARCH_BYTES);
    // A few bytes before `from` too: a line that starts there and ends after it is seen whole.
    const readFrom = Math.max(0, from - OVERLAP);
    const bytes = await readRange(source, readFrom, to, buffer);
    const low = from - readFrom;
    let start = -1;
    for (let j = bytes.lastIndexOf(0x5b); j >= low; j = j === 0 ? -1 : bytes.lastIndexOf(0x5b, j - 1)) {
      if (j + 1 >= KEY.length && endsWith(bytes, j + 1, KEY)) {
        start = j;
        break;
      }
    }
    for (let j = bytes.lastIndexOf(0x5d); j >= Math.max(low, start + 1); j = j === 0 ? -1 : bytes.lastIndexOf(0x5d, j - 1)) {
      if (j >= 3 && bytes[j - 1] === 0x20 && bytes[j - 2] === 0x20 && bytes[j - 3] === 0x0a) close = readFrom + j + 1;
    }
    if (start !== -1) {
      if (bytes[start + 1] === 0x5d) return { start: readFrom + start, end: readFrom + start + 2 };
      return close === -1 ? null : { start: readFrom + start, end: close };
    }
    to = from;
  }
  return null;
}

function endsWith(bytes: Uint8Array, end: number, tail: Uint8Array): boolean {
  const at = end - tail.length;
  for (let k = 0; k < tail.length; k++) if (bytes[at + k] !== tail[k]) return false;
  return true;
}

/** Bytes [from, to) into `bytes`; each piece is copied as it comes (a source may reuse its buffer). */
async function readRange(source: BundleByteSource, from: number, to: number, bytes: Uint8Array): Promise<Uint8Array> {
  let at = 0;
  for await (const part of source.chunks(from, to)) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes.subarray(0, at);
}

const WRAP_HEAD = new TextEncoder().encode('{"codings":');
const WRAP_TAIL = new TextEncoder().encode('}');

/**
 * The codings array read beside the posts, a piece at a time: each coding goes to the check once
 * its post has been read (or, at the end, never will be); the posts whose codings are all checked
 * leave the window.
 */
class CodingsCursor {
  private readonly reader: TopLevelJsonReader;
  private readonly iterator: AsyncIterator<Uint8Array>;
  private readonly queue: unknown[] = [];
  private head = 0;
  private done = false;

  constructor(
    source: BundleByteSource,
    layout: { start: number; end: number },
    private readonly check: BoundedRecordCheck,
  ) {
    this.reader = new TopLevelJsonReader(() => (records) => {
      for (const record of records) this.queue.push(record);
    });
    this.reader.push(WRAP_HEAD);
    this.iterator = source.chunks(layout.start, layout.end)[Symbol.asyncIterator]();
  }

  /** Closes the file, also when the read stopped early. */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }

  /** Checks every coding whose post is read; `postsDone`: all of them (the posts array has ended). */
  async advance(postsDone: boolean): Promise<void> {
    for (;;) {
      const from = this.head;
      while (this.head < this.queue.length) {
        const record = this.queue[this.head] as { postId?: unknown } | null;
        const postId = typeof record === 'object' && record !== null && typeof record.postId === 'string' ? record.postId : null;
        if (!postsDone && postId !== null && this.check.postState(postId) === 'unread') break;
        this.head++;
      }
      if (this.head > from) this.check.add('codings', this.queue.slice(from, this.head));
      if (this.head < this.queue.length) break;
      this.queue.length = 0;
      this.head = 0;
      if (this.done) break;
      const next = await this.iterator.next();
      try {
        if (next.done) {
          this.done = true;
          this.reader.push(WRAP_TAIL);
          this.reader.finish();
        } else this.reader.push(next.value);
      } catch (e) {
        if (e instanceof JsonStreamError) throw new ReadWhole('the codings are not JSON where the canonical layout puts them');
        throw e;
      }
    }
    if (this.head > 0) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    // Codings come in their posts' order: a post read before the one the next coding waits for has
    // all its codings checked (a later one would be out of order, and read whole).
    this.check.window.clear();
  }
}

/** Bytes in memory as a source (the app's opened file; tests), in pieces of `size`. */
export function bytesSource(bytes: Uint8Array, size = 4 * 1024 * 1024): BundleByteSource {
  return {
    size: bytes.length,
    async *chunks(from, to) {
      for (let at = from; at < to; at += size) yield bytes.subarray(at, Math.min(to, at + size));
    },
  };
}

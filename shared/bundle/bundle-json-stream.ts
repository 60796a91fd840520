/**
 * Reads a bundle's JSON from chunks of bytes without ever holding the file as one string (V8 cannot
 * build a string over ~512 MB, and a million-post bundle is larger): the top-level object is split
 * by a small byte scanner, and each member and each element of a top-level array is decoded and
 * JSON.parse'd on its own, so the native parser does the work record by record. The result is the
 * same value JSON.parse gives for the whole text (a repeated key: the last wins, as in JSON.parse).
 *
 * A key repeated in one object is refused, as parseBundleText refuses it (shared/util/json-duplicate-keys.ts).
 * A syntax error is reported with its byte offset; callers that can afford the text (a file under
 * the string limit) re-read it with parseBundleText, whose message names line and column.
 */
import { duplicateKeyMessage, firstDuplicateKey } from '../util/json-duplicate-keys';

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/** Records are parsed in batches of about this many bytes: small enough to decode and parse quickly, large enough to save a call per record. */
const BATCH_BYTES = 32 * 1024;

/** A batch with no record in it: only JSON-parse-able space (as String.prototype.trim sees it) between the brackets. */
const ONLY_SPACE_IN_BRACKETS = /^\[\s*\]$/;

const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Not JSON (or not UTF-8): where and why. */
export class JsonStreamError extends Error {
  constructor(
    message: string,
    /** Byte offset in the file (after a BOM) where the problem was found. */
    readonly offset: number,
    readonly kind: 'syntax' | 'encoding' | 'not-object' | 'duplicate-key',
  ) {
    super(message);
  }
}

type State =
  | 'start' // before the top-level {
  | 'key-or-end' // after {: a key or }
  | 'key' // after a comma: a key
  | 'colon'
  | 'value' // after the colon: [ opens a streamed array, anything else is captured whole
  | 'element-or-end' // after [: an element or ]
  | 'element' // after a comma in an array: an element
  | 'capture' // inside a value being captured
  | 'after-member' // , or }
  | 'done';

// A fatal decoder is several times slower than a replacing one in Node (no SIMD path), so bytes are
// decoded replacing, and only text that shows U+FFFD is decoded again strictly to tell a real
// U+FFFD from bytes that are not UTF-8.
const loose = new TextDecoder('utf-8', { ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Where the records of a top-level array go instead of into the array (which then stays empty), in
 * batches and in order: asked when the array opens, with the members read so far. Null: kept.
 */
export type RecordSink = (key: string, membersSoFar: Readonly<Record<string, unknown>>) => ((records: unknown[]) => void) | null;

/**
 * A top-level array whose bytes another reader reads (check-bundle-bounded.ts: the codings, read
 * beside the posts): asked when `key`'s array opens at byte `offset`; the byte after its end to
 * pass over it unread (the array stays empty), or null to read it.
 */
export type SkipArray = (key: string, offset: number) => number | null;

export class TopLevelJsonReader {
  /** The top-level object so far: members as parsed, arrays filled element by element. */
  readonly value: Record<string, unknown> = {};
  constructor(
    private readonly sinkFor: RecordSink | null = null,
    private readonly skipArray: SkipArray | null = null,
  ) {}
  /** While passing over a skipped array: the byte offset where reading resumes. */
  private skipUntil = -1;
  /** The open array's sink, if its records go elsewhere. */
  private sink: ((records: unknown[]) => void) | null = null;
  private state: State = 'start';
  private bomChecked = false;
  private head = new Uint8Array(0);
  /** Bytes of the file consumed before the current chunk. */
  private offset = 0;
  private key = '';
  private array: unknown[] | null = null;
  // The value being captured: pieces from earlier chunks, and how deep / whether in a string.
  private pieces: Uint8Array[] = [];
  private captureStart = 0;
  private captureOffset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private capturingKey = false;

  push(input: Uint8Array): void {
    let chunk = input;
    if (!this.bomChecked) {
      // A BOM may arrive split over chunks: wait for three bytes.
      const head = new Uint8Array(this.head.length + chunk.length);
      head.set(this.head);
      head.set(chunk, this.head.length);
      if (head.length < 3) {
        this.head = head;
        return;
      }
      this.bomChecked = true;
      this.head = new Uint8Array(0);
      chunk = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
    }
    const n = chunk.length;
    let i = 0;
    if (this.skipUntil !== -1) {
      if (this.offset + n <= this.skipUntil) {
        this.offset += n;
        return;
      }
      i = this.skipUntil - this.offset;
      this.skipUntil = -1;
      this.state = 'after-member';
    }
    if (this.state === 'capture') this.captureStart = 0;
    while (i < n) {
      const b = chunk[i]!;
      switch (this.state) {
        case 'capture': {
          i = this.scan(chunk, i);
          if (i === -1) i = n;
          continue;
        }
        case 'start':
          if (isSpace(b)) break;
          if (b !== OPEN_OBJECT) throw new JsonStreamError('expected a JSON object', this.offset + i, 'not-object');
          this.state = 'key-or-end';
          break;
        case 'key-or-end':
        case 'key':
          if (isSpace(b)) break;
          if (b === CLOSE_OBJECT && this.state === 'key-or-end') {
            this.state = 'done';
            break;
          }
          if (b !== QUOTE) throw this.syntax(`expected a key in double quotes, found ${show(b)}`, i);
          // The opening quote is part of the key's JSON text; scanning goes on after it.
          this.beginCapture(chunk, i, true);
          i++;
          continue;
        case 'colon':
          if (isSpace(b)) break;
          if (b !== COLON) throw this.syntax(`expected ":" after the key, found ${show(b)}`, i);
          this.state = 'value';
          break;
        case 'value':
          if (isSpace(b)) break;
          if (b === OPEN_ARRAY) {
            this.array = [];
            this.value[this.key] = this.array;
            const resume = this.skipArray?.(this.key, this.offset + i) ?? null;
            if (resume !== null) {
              this.array = null;
              if (resume <= this.offset + n) {
                i = resume - this.offset;
                this.state = 'after-member';
                continue;
              }
              this.skipUntil = resume;
              this.offset += n;
              return;
            }
            this.sink = this.sinkFor?.(this.key, this.value) ?? null;
            this.state = 'element-or-end';
            break;
          }
          this.beginCapture(chunk, i, false);
          continue;
        case 'element-or-end':
        case 'element':
          if (isSpace(b)) break;
          if (b === CLOSE_ARRAY && this.state === 'element-or-end') {
            this.array = null;
            this.state = 'after-member';
            break;
          }
          this.beginCapture(chunk, i, false);
          this.batch = true;
          continue;
        case 'after-member':
          if (isSpace(b)) break;
          if (b === COMMA) this.state = 'key';
          else if (b === CLOSE_OBJECT) this.state = 'done';
          else throw this.syntax(`expected "," or "}" after a value, found ${show(b)}`, i);
          break;
        case 'done':
          if (!isSpace(b)) throw this.syntax(`unexpected ${show(b)} after the end of the JSON object`, i);
          break;
      }
      i++;
    }
    if (this.state === 'capture') {
      // Whole records of an array so far are parsed now; the open one waits for the next chunk.
      if (this.batch && this.lastComma !== -1) {
        this.parseBatch(chunk, this.lastComma);
        this.captureStart = this.lastComma + 1;
        this.captureOffset = this.offset + this.lastComma + 1;
      }
      // A value (or key) still open at the chunk's end: keep its bytes so far.
      this.pieces.push(chunk.slice(this.captureStart));
    }
    this.lastComma = -1;
    this.offset += n;
  }

  /** The whole top-level object; throws when the input ended before it did. */
  finish(): Record<string, unknown> {
    if (!this.bomChecked) {
      // Fewer than three bytes in all.
      this.bomChecked = true;
      const head = this.head;
      this.head = new Uint8Array(0);
      this.push(head);
    }
    if (this.state === 'start') throw new JsonStreamError('the file is empty', this.offset, 'syntax');
    if (this.state !== 'done') throw new JsonStreamError(`not valid JSON: the file ends inside the top-level object (byte ${this.offset})`, this.offset, 'syntax');
    return this.value;
  }

  private syntax(message: string, i: number): JsonStreamError {
    return new JsonStreamError(`not valid JSON: ${message} at byte ${this.offset + i}`, this.offset + i, 'syntax');
  }

  private beginCapture(chunk: Uint8Array, i: number, key: boolean): void {
    this.state = 'capture';
    this.capturingKey = key;
    this.pieces = [];
    this.captureStart = i;
    this.captureOffset = this.offset + i;
    this.depth = 0;
    this.inString = false;
    this.inString = key;
    this.batch = false;
    this.lastComma = -1;
  }

  /** Capturing the records of a top-level array, many at a time: one decode and one JSON.parse per batch. */
  private batch = false;
  /** In this chunk, the comma after the last whole record of the batch (-1: none yet). */
  private lastComma = -1;

  /** Parses the captured records up to chunk[end) (pieces first) and adds them to the array. */
  private parseBatch(chunk: Uint8Array, end: number): void {
    const text = this.text(chunk, end, true);
    if (ONLY_SPACE_IN_BRACKETS.test(text)) throw new JsonStreamError(`not valid JSON: expected a value (in the array at byte ${this.captureOffset})`, this.captureOffset, 'syntax');
    const records = this.parse(text) as unknown[];
    this.refuseDuplicateKey(text);
    this.takeRecords(records);
  }

  /** A batch's text `[records]`, refused if one of its objects repeats a key (placed as in the records' own text). */
  private refuseDuplicateKey(bracketed: string): void {
    if (!firstDuplicateKey(bracketed)) return;
    const duplicate = firstDuplicateKey(bracketed.slice(1, -1))!;
    throw new JsonStreamError(`not accepted as JSON: ${duplicateKeyMessage(duplicate)} (lines counted in the array from byte ${this.captureOffset})`, this.captureOffset, 'duplicate-key');
  }

  private takeRecords(records: unknown[]): void {
    if (this.sink) {
      this.sink(records);
      return;
    }
    const array = this.array!;
    for (const record of records) array.push(record);
  }

  /**
   * Scans a captured value from i; returns the index after it (its end handled) or -1 when the
   * chunk ends first. A value ends at depth 0 before ",", "]" or "}" (a key: at its closing quote).
   */
  private scan(chunk: Uint8Array, from: number): number {
    let i = from;
    const n = chunk.length;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    for (; i < n; i++) {
      const b = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) {
          inString = false;
          if (this.capturingKey) {
            this.endKey(chunk, i + 1);
            return i + 1;
          }
        }
        continue;
      }
      if (b === QUOTE) inString = true;
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) depth++;
      else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        if (depth === 0) {
          if (this.batch) this.endBatch(chunk, i, b);
          else this.endValue(chunk, i, b);
          return i + 1;
        }
        depth--;
      } else if (b === COMMA && depth === 0) {
        // Between records of a batch: note where the last whole record ends; parse the batch once
        // it is BATCH_BYTES long (V8 decodes and parses pieces of that size fastest).
        if (this.batch) {
          this.lastComma = i;
          if (i - this.captureStart >= BATCH_BYTES) {
            this.parseBatch(chunk, i);
            this.captureStart = i + 1;
            this.captureOffset = this.offset + i + 1;
            this.lastComma = -1;
            i = this.fastBatches(chunk, i + 1) - 1;
          }
        } else {
          this.endValue(chunk, i, b);
          return i + 1;
        }
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  /** This chunk's fast path gave up (no more cut found, or a cut that did not parse): bytes are scanned. */
  private fastDone: Uint8Array | null = null;

  /**
   * At a record boundary `from` of a batched array (depth 0, nothing carried over): whole batches
   * cut where the file shows a record's end as serializeBundle writes it, a line `    },` (a raw
   * line break only occurs outside strings), each parsed without scanning its bytes. A cut is
   * trusted only when its batch parses: balanced brackets from a boundary end at a boundary. A
   * file written otherwise (compact, hand-edited) is scanned byte by byte as before. Returns where
   * scanning resumes (the boundary after the last fast batch).
   */
  private fastBatches(chunk: Uint8Array, from: number): number {
    let start = from;
    while (this.fastDone !== chunk) {
      const cut = recordEndCut(chunk, start + BATCH_BYTES);
      if (cut === -1) break;
      let records: unknown[];
      let text: string;
      try {
        text = decodeUtf8(this.bracketed([], chunk.subarray(start, cut)));
        records = JSON.parse(text) as unknown[];
      } catch {
        break;
      }
      this.refuseDuplicateKey(text);
      this.takeRecords(records);
      start = cut + 1;
      this.captureStart = start;
      this.captureOffset = this.offset + start;
    }
    this.fastDone = chunk;
    return start;
  }

  /**
   * A batch's bytes between `[` and `]`, in one buffer reused batch after batch: decoded, it is the
   * text JSON.parse reads (`[${text}]` would be a second string, copied again when JSON.parse flattens it).
   */
  private scratch = new Uint8Array(BATCH_BYTES * 2);
  private bracketed(pieces: readonly Uint8Array[], last: Uint8Array): Uint8Array {
    const total = pieces.reduce((sum, p) => sum + p.length, 0) + last.length + 2;
    if (total > this.scratch.length) this.scratch = new Uint8Array(Math.max(total, this.scratch.length * 2));
    const bytes = this.scratch;
    bytes[0] = OPEN_ARRAY;
    let at = 1;
    for (const p of pieces) {
      bytes.set(p, at);
      at += p.length;
    }
    bytes.set(last, at);
    bytes[at + last.length] = CLOSE_ARRAY;
    return bytes.subarray(0, total);
  }

  /** The captured bytes up to chunk[end) (pieces first) as text; `bracketed`: between `[` and `]`. */
  private text(chunk: Uint8Array, end: number, bracketed = false): string {
    const last = chunk.subarray(this.captureStart, end);
    let bytes = last;
    if (bracketed) {
      bytes = this.bracketed(this.pieces, last);
      this.pieces = [];
    } else if (this.pieces.length > 0) {
      const total = this.pieces.reduce((sum, p) => sum + p.length, 0) + last.length;
      bytes = new Uint8Array(total);
      let at = 0;
      for (const p of this.pieces) {
        bytes.set(p, at);
        at += p.length;
      }
      bytes.set(last, at);
      this.pieces = [];
    }
    try {
      return decodeUtf8(bytes);
    } catch {
      throw new JsonStreamError('not valid UTF-8 text', this.captureOffset, 'encoding');
    }
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new JsonStreamError(`not valid JSON: ${e instanceof Error ? e.message : String(e)} (in the value at byte ${this.captureOffset})`, this.captureOffset, 'syntax');
    }
  }

  private endKey(chunk: Uint8Array, end: number): void {
    const key = this.parse(this.text(chunk, end)) as string;
    if (Object.hasOwn(this.value, key))
      throw new JsonStreamError(`not accepted as JSON: the key ${JSON.stringify(key)} appears twice in the top-level object (at byte ${this.captureOffset})`, this.captureOffset, 'duplicate-key');
    this.key = key;
    this.state = 'colon';
  }

  /** The array's closing bracket (or a stray brace) at chunk[i]: its last records are parsed. */
  private endBatch(chunk: Uint8Array, i: number, b: number): void {
    if (b === CLOSE_OBJECT) throw this.syntax('expected "," or "]" in an array, found "}"', i);
    this.parseBatch(chunk, i);
    this.batch = false;
    this.lastComma = -1;
    this.array = null;
    this.state = 'after-member';
  }

  /** A captured value ended at chunk[i], the delimiter `b` after it. */
  private endValue(chunk: Uint8Array, i: number, b: number): void {
    const source = this.text(chunk, i);
    if (source.trim() === '') throw this.syntax(`expected a value, found ${show(b)}`, i);
    const value = this.parse(source);
    if (typeof value === 'object' && value !== null) {
      const duplicate = firstDuplicateKey(source);
      if (duplicate) throw new JsonStreamError(`not accepted as JSON: ${duplicateKeyMessage(duplicate)} (lines counted in the value at byte ${this.captureOffset})`, this.captureOffset, 'duplicate-key');
    }
    if (this.array) {
      if (this.sink) this.sink([value]);
      else this.array.push(value);
      if (b === COMMA) this.state = 'element';
      else if (b === CLOSE_ARRAY) {
        this.array = null;
        this.state = 'after-member';
      } else throw this.syntax('expected "," or "]" in an array, found "}"', i);
      return;
    }
    this.value[this.key] = value;
    if (b === COMMA) this.state = 'key';
    else if (b === CLOSE_OBJECT) this.state = 'done';
    else throw this.syntax('expected "," or "}" after a value, found "]"', i);
  }
}

/** UTF-8 bytes as text; throws on bytes that are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string {
  const text = loose.decode(bytes);
  return text.includes('\uFFFD') ? strict.decode(bytes) : text;
}

/**
 * The index of the comma in the first `\n    },` at or after `from` (a record of a top-level
 * array ending as serializeBundle indents it), or -1.
 */
function recordEndCut(chunk: Uint8Array, from: number): number {
  for (let j = chunk.indexOf(CLOSE_OBJECT, from); j !== -1; j = chunk.indexOf(CLOSE_OBJECT, j + 1)) {
    if (chunk[j + 1] === COMMA && j >= 5 && chunk[j - 5] === 0x0a && chunk[j - 4] === 0x20 && chunk[j - 3] === 0x20 && chunk[j - 2] === 0x20 && chunk[j - 1] === 0x20) return j + 1;
  }
  return -1;
}

function show(b: number): string {
  return b >= 0x20 && b < 0x7f ? `"${String.fromCharCode(b)}"` : `byte 0x${b.toString(16).padStart(2, '0')}`;
}

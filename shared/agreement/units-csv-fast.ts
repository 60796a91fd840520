/**
 * The fast path of `unit,coder,value` CSV reading (units-csv.ts is the strict one): bytes in
 * chunks, the common shape only — no quote anywhere, lines ending in LF or CRLF, a valid header,
 * three fields a row, no empty label, no repeated (unit, coder), valid UTF-8. Labels and values are
 * interned by their bytes (no string per row; a unit label is decoded only if someone reads it) and
 * each row lands in an integer cell table, which becomes the dense codes the coefficients run on
 * (encode-ratings.ts) without a row object or a per-unit array in between. Anything outside that
 * shape makes the reader give up (`null`), and the caller parses the same file with parseUnitsCsv,
 * so every problem message comes from the strict parser alone. Where it does not give up, it
 * returns what parseUnitsCsv returns for the same text, encoded as encodeRatings would
 * (units-csv-fast.test.ts checks both on the same inputs).
 */
import { MAX_CSV_RECORD_CHARS } from '../import/input-limits';
import { codeArray, MISSING, type EncodedRatings } from './encode-ratings';
import { rememberEncoding } from './prepared-ratings';
import type { RatingValue, ReliabilityData } from './reliability-data';
import { isBlankUnitsValue, isDecimalUnitsValue, readUnitsCsvHeader } from './units-csv';

const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const EMPTY = new Uint8Array(0);
const LF_ONLY = new Uint8Array([LF]);
/** The bytes that end a field or take a line off the fast path: comma, LF, CR, quote. */
const STOP = new Uint8Array(256);
for (const b of [COMMA, LF, CR, QUOTE]) STOP[b] = 1;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Units read before the tables are sized for the whole file (UnitsCsvFastReader.reserve). */
const SAMPLE_UNITS = 1000;
/** Past this many distinct numbers encodeRatings keeps −0 over 0 (it sorts instead of hashing). */
const FEW_VALUES = 1 << 16;

export class UnitsCsvFastReader {
  private readonly units = new ByteInterner(true);
  private readonly coders = new ByteInterner(true);
  private readonly values = new ByteInterner(false);
  /**
   * cell[unit * stride + coder] = value index + 1, or 0 where that coder gave the unit no row. One
   * byte a cell while there are at most 255 distinct values (most reliability data), else four:
   * on a million units every fresh megabyte costs about as much as parsing one.
   */
  private cell: Uint8Array | Int32Array = new Uint8Array(1 << 16);
  private cellMax = 0xff;
  private stride = 1;
  /** Column of unit, coder and value; null until the header is read. */
  private header: number[] | null = null;
  private first = true;
  private failed = false;
  /** The start of a line that the last chunk did not finish. */
  private carry: Uint8Array = EMPTY;
  /** Start and end of the current row's three fields. */
  private readonly bounds = new Int32Array(6);

  /** Bytes pushed so far. */
  private pushed = 0;
  private reserved = false;

  /** `expectedBytes`: the file's size, when known; the tables are then sized once from the first rows. */
  constructor(private readonly expectedBytes = 0) {}

  /**
   * Reads a chunk (copying what it keeps: the caller may reuse its buffer); false once the input is
   * outside the fast path's shape (stop feeding it).
   */
  push(chunk: Uint8Array): boolean {
    if (this.failed) return false;
    if (!this.pushChunk(chunk)) return false;
    this.pushed += chunk.length;
    // Enough rows to tell bytes per unit: room for the rest of the file at that rate.
    if (!this.reserved && this.expectedBytes > 0 && this.units.size >= SAMPLE_UNITS) {
      this.reserved = true;
      this.reserve(Math.ceil((this.units.size * this.expectedBytes) / this.pushed));
    }
    return true;
  }

  private pushChunk(chunk: Uint8Array): boolean {
    let bytes = chunk;
    if (this.first) {
      // A BOM may arrive split over chunks; wait for three bytes.
      if (this.carry.length + bytes.length < 3) {
        this.carry = concat(this.carry, bytes);
        return true;
      }
      bytes = concat(this.carry, bytes);
      this.carry = EMPTY;
      this.first = false;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    let start = 0;
    if (this.carry.length > 0) {
      const lf = bytes.indexOf(LF);
      if (lf === -1) {
        this.carry = concat(this.carry, bytes);
        // A line longer than any record may be: the strict parser names it.
        return this.carry.length > MAX_CSV_RECORD_CHARS / 2 + 1 ? this.fail() : true;
      }
      const line = concat(this.carry, bytes.subarray(0, lf + 1));
      this.carry = EMPTY;
      if (this.rows(line, 0) !== line.length) return this.fail();
      start = lf + 1;
    }
    const stop = this.rows(bytes, start);
    if (stop === -1) return this.fail();
    // The unfinished last line is copied: the caller may reuse the chunk's buffer for the next one.
    if (stop < bytes.length) {
      this.carry = bytes.slice(stop);
      if (this.carry.length > MAX_CSV_RECORD_CHARS / 2 + 1) return this.fail();
    }
    return true;
  }

  /** The data, or null when the input needs the strict parser. */
  finish(): ReliabilityData | null {
    // Fewer than three bytes in all: whatever they are, the strict parser says what is wrong.
    if (this.failed || this.first) return null;
    // A last line without a line end: given one (a lone CR there is a line end to both parsers).
    if (this.carry.length > 0) {
      const line = concat(this.carry, LF_ONLY);
      if (this.rows(line, 0) !== line.length) return this.fail() || null;
    }
    this.carry = EMPTY;
    if (this.header === null) return null;
    return this.assemble();
  }

  private fail(): false {
    this.failed = true;
    return false;
  }

  /**
   * Reads whole lines from bytes[at…]: the index where an unfinished last line starts (bytes.length
   * when there is none), or -1 when a line is outside the fast shape. One look-up per byte finds
   * the field ends; nothing is hashed or copied for a label equal to the row before's.
   */
  private rows(bytes: Uint8Array, at: number): number {
    const n = bytes.length;
    const bounds = this.bounds;
    let i = at;
    while (i < n) {
      const lineStart = i;
      while (i < n && STOP[bytes[i]!] === 0) i++;
      if (i === n) return lineStart;
      if (bytes[i] !== COMMA) return -1; // a blank line, one field, a quote or a CR: the strict parser decides
      const end0 = i++;
      while (i < n && STOP[bytes[i]!] === 0) i++;
      if (i === n) return lineStart;
      if (bytes[i] !== COMMA) return -1;
      const end1 = i++;
      while (i < n && STOP[bytes[i]!] === 0) i++;
      if (i === n) return lineStart;
      const end2 = i;
      // CRLF ends a line like LF; any other CR, a fourth field or a quote leaves the fast path.
      if (bytes[i] === CR) {
        if (i + 1 === n) return lineStart;
        if (bytes[i + 1] !== LF) return -1;
        i += 2;
      } else if (bytes[i] === LF) i++;
      else return -1;
      // Near the strict parser's record cap (in characters; bytes are at least as many) it decides:
      // half the cap leaves no doubt about how it counts.
      if (end2 - lineStart > MAX_CSV_RECORD_CHARS / 2) return -1;
      bounds[0] = lineStart;
      bounds[1] = end0;
      bounds[2] = end0 + 1;
      bounds[3] = end1;
      bounds[4] = end1 + 1;
      bounds[5] = end2;
      if (!this.row(bytes)) return -1;
    }
    return n;
  }

  /** The row whose field bounds are in `bounds`; false when it is outside the fast shape. */
  private row(bytes: Uint8Array): boolean {
    const header = this.header;
    if (header === null) return this.readHeader(bytes);
    const bounds = this.bounds;
    const u = header[0]! * 2;
    const c = header[1]! * 2;
    const v = header[2]! * 2;
    const unit = this.units.intern(bytes, bounds[u]!, bounds[u + 1]!);
    const coder = this.coders.intern(bytes, bounds[c]!, bounds[c + 1]!);
    const value = this.values.intern(bytes, bounds[v]!, bounds[v + 1]!);
    if (unit < 0 || coder < 0 || value < 0) return false;
    if (coder >= this.stride) this.widen();
    const key = unit * this.stride + coder;
    if (key >= this.cell.length) this.grow(key);
    if (value >= this.cellMax) this.deepen();
    // A second row for the same (unit, coder): the strict parser names both lines.
    if (this.cell[key] !== 0) return false;
    this.cell[key] = value + 1;
    return true;
  }

  private readHeader(bytes: Uint8Array): boolean {
    const names: string[] = [];
    for (let f = 0; f < 3; f++) {
      const name = decode(bytes, this.bounds[2 * f]!, this.bounds[2 * f + 1]!);
      if (name === null) return false;
      names.push(name);
    }
    this.header = readUnitsCsvHeader(names);
    return this.header !== null;
  }

  private grow(key: number): void {
    let size = this.cell.length * 2;
    while (size <= key) size *= 2;
    const bigger = this.cell instanceof Uint8Array ? new Uint8Array(size) : new Int32Array(size);
    bigger.set(this.cell);
    this.cell = bigger;
  }

  /** The 255th distinct value: four bytes a cell from now on. */
  private deepen(): void {
    this.cell = Int32Array.from(this.cell);
    this.cellMax = 0x7fffffff;
  }

  /**
   * Room for `units` units at the present width, made once, so a big file's tables are not grown
   * by doubling (each doubling copies, and touches fresh memory).
   */
  private reserve(units: number): void {
    const cells = units * this.stride;
    if (cells > this.cell.length) this.cell = resized(this.cell, cells);
    this.units.reserve(units, Math.ceil((this.units.bytes() / this.units.size) * units * 1.1));
  }

  /**
   * More coders than the table has columns for: rows moved to wider ones. While the table is small
   * (the coders of the first units) exactly as wide as needed, later twice as wide.
   */
  private widen(): void {
    const old = this.stride;
    const rows = this.units.size;
    const stride = rows < 1024 ? this.coders.size : old * 2;
    const size = Math.max(1 << 16, rows * stride * 2);
    const cell = this.cell instanceof Uint8Array ? new Uint8Array(size) : new Int32Array(size);
    for (let u = 0; u < rows; u++) cell.set(this.cell.subarray(u * old, u * old + old), u * stride);
    this.cell = cell;
    this.stride = stride;
  }

  private assemble(): ReliabilityData {
    const nUnits = this.units.size;
    const nCoders = this.coders.size;
    const coders = this.coders.texts();
    // Values become numbers only if every non-blank one is a decimal number (as units-csv.ts).
    const texts = this.values.texts();
    const blank = texts.map(isBlankUnitsValue);
    const numeric = texts.every((text, i) => blank[i] || isDecimalUnitsValue(text));
    const shown: Array<RatingValue | null> = texts.map((text, i) => (blank[i] ? null : numeric ? Number(text) : text));
    const encoded = encode(this.cell, this.stride, nUnits, nCoders, shown, numeric);
    const cell = this.cell;
    const stride = this.stride;
    const units = this.units;
    let unitLabels: string[] | null = null;
    let values: Array<Array<RatingValue | null>> | null = null;
    // Built when read: the coefficients need neither (they run on `encoded`).
    const data: ReliabilityData = {
      get units() {
        return (unitLabels ??= units.texts());
      },
      coders,
      get values() {
        if (values === null) {
          values = new Array<Array<RatingValue | null>>(nUnits);
          for (let u = 0; u < nUnits; u++) {
            const row = new Array<RatingValue | null>(nCoders);
            for (let c = 0; c < nCoders; c++) {
              const v = cell[u * stride + c]!;
              row[c] = v === 0 ? null : shown[v - 1]!;
            }
            values[u] = row;
          }
        }
        return values;
      },
    };
    rememberEncoding(data, encoded);
    return data;
  }
}

/**
 * The cell table as encodeRatings encodes the same values: numbers by ascending rank, any other
 * values by identity in order of first appearance, unit by unit.
 */
function encode(cell: Uint8Array | Int32Array, stride: number, nUnits: number, nCoders: number, shown: ReadonlyArray<RatingValue | null>, numeric: boolean): EncodedRatings {
  // The category of each distinct value text (−1 for blank); first appearance in unit-major order.
  const firstSeen = new Int32Array(shown.length).fill(-1);
  let seen = 0;
  for (let u = 0; u < nUnits; u++) {
    for (let c = 0; c < nCoders; c++) {
      const v = cell[u * stride + c]! - 1;
      if (v >= 0 && shown[v] !== null && firstSeen[v] === -1) firstSeen[v] = seen++;
    }
  }
  const byAppearance: number[] = [];
  firstSeen.forEach((order, v) => {
    if (order !== -1) byAppearance[order] = v;
  });
  const categoryOf = new Int32Array(shown.length).fill(MISSING);
  let categories: RatingValue[];
  let numbers: Float64Array | null = null;
  if (!numeric) {
    categories = byAppearance.map((v, i) => {
      categoryOf[v] = i;
      return shown[v]!;
    });
  } else {
    // Texts that are the same number ("1", "1.0") are one category. Like encodeRatings: a Set keeps
    // 0 for 0 and −0, while sorting (past FEW_VALUES distinct numbers) keeps −0 when there is one.
    const sorted = Float64Array.from(new Set(byAppearance.map((v) => shown[v] as number))).sort();
    if (sorted.length > FEW_VALUES && byAppearance.some((v) => Object.is(shown[v], -0))) sorted[sorted.indexOf(0)] = -0;
    const rank = new Map<number, number>();
    sorted.forEach((n, i) => rank.set(n, i));
    for (const v of byAppearance) categoryOf[v] = rank.get(shown[v] as number)!;
    categories = Array.from(sorted);
    numbers = sorted;
  }
  const codes = codeArray(nUnits * nCoders, categories.length);
  for (let u = 0; u < nUnits; u++) {
    for (let c = 0; c < nCoders; c++) {
      const v = cell[u * stride + c]! - 1;
      codes[u * nCoders + c] = v < 0 ? MISSING : categoryOf[v]!;
    }
  }
  return { nUnits, nCoders, codes, categories, numeric: numbers };
}

/** Reads whole bytes with the fast path; null when the strict parser must read them. */
export function parseUnitsCsvFast(bytes: Uint8Array): ReliabilityData | null {
  const reader = new UnitsCsvFastReader(bytes.length);
  return reader.push(bytes) ? reader.finish() : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 text of bytes[start, end), or null when they are not UTF-8 (the strict path reports that). */
function decode(bytes: Uint8Array, start: number, end: number): string | null {
  // Short ASCII (most labels and values) is quicker by char codes than through TextDecoder.
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) ascii = false;
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  try {
    return utf8.decode(bytes.subarray(start, end));
  } catch {
    return null;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Tab, vertical tab, form feed, space: the ASCII that String.prototype.trim removes (CR and LF never reach a field). */
const isAsciiSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0b || b === 0x0c;

/**
 * Distinct byte strings → index in order of first appearance. An open addressing table over an
 * arena of the bytes; the last key is checked first (the rows of one unit come together in most
 * files). Text is decoded when asked for (`texts`), except to check non-ASCII keys, which must be
 * UTF-8 and, for labels, not blank.
 */
class ByteInterner {
  size = 0;
  private arena = new Uint8Array(1 << 12);
  private used = 0;
  /** Key k's bytes are arena[keyStart[k], keyStart[k + 1]). */
  private keyStart = new Int32Array(1 << 8);
  private keyHash = new Int32Array(1 << 8);
  /** Key index + 1 by slot; 0 is an empty slot, so a new table needs no filling. */
  private table = new Int32Array(1 << 8);
  private last = -1;

  /** `label`: a blank key (as String.prototype.trim sees it) is refused. */
  constructor(private readonly label: boolean) {}

  /**
   * The index of bytes[start, end); -1 when they are not UTF-8 or a blank label. The last key and
   * the one after it (the first after the last) are compared first, unhashed: rows of one unit come
   * together, and coders come in the same order unit after unit, in most files.
   */
  intern(bytes: Uint8Array, start: number, end: number): number {
    const last = this.last;
    if (last !== -1 && this.equals(last, bytes, start, end)) return last;
    const next = last + 1 < this.size ? last + 1 : 0;
    if (next < this.size && this.equals(next, bytes, start, end)) return (this.last = next);
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
    const keyHash = this.keyHash;
    const table = this.table;
    const mask = table.length - 1;
    let slot = hash & mask;
    for (;;) {
      const k = table[slot]! - 1;
      if (k === -1) break;
      if (keyHash[k] === hash && this.equals(k, bytes, start, end)) return (this.last = k);
      slot = (slot + 1) & mask;
    }
    if (!this.acceptable(bytes, start, end)) return -1;
    const k = this.size++;
    this.store(k, bytes, start, end, hash);
    table[slot] = k + 1;
    if (this.size * 2 > table.length) this.rehash();
    return (this.last = k);
  }

  /** A new key must be UTF-8 and, for a label, not blank as String.prototype.trim sees it. */
  private acceptable(bytes: Uint8Array, start: number, end: number): boolean {
    let high = 0;
    let spaces = true;
    for (let i = start; i < end; i++) {
      high |= bytes[i]!;
      if (spaces && !isAsciiSpace(bytes[i]!)) spaces = false;
    }
    if (high < 0x80) return !(this.label && spaces);
    const text = decode(bytes, start, end);
    return text !== null && !(this.label && text.trim() === '');
  }

  /** Every key's text, by index. */
  texts(): string[] {
    const out = new Array<string>(this.size);
    for (let k = 0; k < this.size; k++) out[k] = decode(this.arena, this.keyStart[k]!, this.keyStart[k + 1]!)!;
    return out;
  }

  private equals(k: number, bytes: Uint8Array, start: number, end: number): boolean {
    const s = this.keyStart[k]!;
    const len = this.keyStart[k + 1]! - s;
    if (len !== end - start) return false;
    const arena = this.arena;
    for (let i = 0; i < len; i++) if (arena[s + i] !== bytes[start + i]) return false;
    return true;
  }

  /** The bytes of every key so far. */
  bytes(): number {
    return this.used;
  }

  /** Room for `keys` keys of `bytes` bytes in all, made at once (see UnitsCsvFastReader.reserve). */
  reserve(keys: number, bytes: number): void {
    if (bytes > this.arena.length) this.arena = resized(this.arena, bytes);
    if (keys + 1 > this.keyStart.length) {
      this.keyStart = resized(this.keyStart, Math.ceil(keys * 1.1) + 1);
      this.keyHash = resized(this.keyHash, Math.ceil(keys * 1.1) + 1);
    }
    // The table for fewer keys than estimated (early labels tend to be shorter, so the estimate runs
    // high): a table twice too big is all touched, while one doubling more at the end is cheap.
    let slots = this.table.length;
    while (slots < keys * 1.6) slots *= 2;
    if (slots > this.table.length) this.rehash(slots);
  }

  private store(k: number, bytes: Uint8Array, start: number, end: number, hash: number): void {
    const len = end - start;
    if (this.used + len > this.arena.length) this.arena = resized(this.arena, Math.max(this.arena.length * 2, this.used + len));
    const arena = this.arena;
    const at = this.used;
    for (let i = 0; i < len; i++) arena[at + i] = bytes[start + i]!;
    if (k + 1 === this.keyStart.length) {
      this.keyStart = resized(this.keyStart, (k + 1) * 2);
      this.keyHash = resized(this.keyHash, (k + 1) * 2);
    }
    this.keyHash[k] = hash;
    this.used += len;
    this.keyStart[k + 1] = this.used;
  }

  private rehash(slots = this.table.length * 2): void {
    const table = new Int32Array(slots);
    const mask = table.length - 1;
    for (let k = 0; k < this.size; k++) {
      const hash = this.keyHash[k]!;
      let slot = hash & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = k + 1;
    }
    this.table = table;
  }
}

/** A copy of `array` with room for `length` elements. */
function resized<T extends Uint8Array | Int32Array>(array: T, length: number): T {
  const bigger = (array instanceof Uint8Array ? new Uint8Array(length) : new Int32Array(length)) as T;
  bigger.set(array.subarray(0, Math.min(array.length, length)));
  return bigger;
}

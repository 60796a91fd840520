/**
 * A set of record ids with a number each, in typed arrays instead of a Map of strings (issue 15: a
 * bounded bundle check at 1,000,000 posts held 92 MB of id strings and Map entries on the V8 heap,
 * about 100 bytes an id, and V8 lets its heap grow to 3–4× what is live before a full collection,
 * so those ids set the peak). Here an id costs its code units (one byte each when all are below
 * 0x80) and about 16 bytes of table, outside the collected heap.
 *
 * The part of Map the bundle rules use (get, has, set), with the same answers; ids compare by their
 * UTF-16 code units, as strings do (a lone surrogate included).
 */
import type { IdIndex } from './bundle-rules';

const EMPTY = 0;

export class IdTable implements IdIndex {
  /** The ids' code units, one after another: one byte each, or two (little-endian) for an id with a unit ≥ 0x80. */
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** Per entry: where its units start in `bytes`; its length in units (negative: two bytes a unit); its value. */
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private values = new Int32Array(1024);
  /** Open addressing, at most half full: entry + 1, or EMPTY. */
  private slots = new Int32Array(2048);
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(id: string): number | undefined {
    const entry = this.entryOf(id);
    return entry === -1 ? undefined : this.values[entry];
  }

  has(id: string): boolean {
    return this.entryOf(id) !== -1;
  }

  set(id: string, value: number): this {
    const slot = this.slotOf(id);
    const found = this.slots[slot]!;
    if (found !== EMPTY) {
      this.values[found - 1] = value;
      return this;
    }
    const entry = this.count++;
    this.grow(entry + 1);
    this.store(entry, id);
    this.values[entry] = value;
    this.slots[slot] = entry + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return this;
  }

  /** The entry (0, 1, … in the order ids were first set) holding `id`, or -1. */
  entryOf(id: string): number {
    return this.slots[this.slotOf(id)]! - 1;
  }

  /** The id of an entry. */
  idAt(entry: number): string {
    const start = this.starts[entry]!;
    const length = this.lengths[entry]!;
    let id = '';
    // In pieces: String.fromCharCode takes its units as arguments.
    const PIECE = 4096;
    if (length >= 0) {
      for (let at = 0; at < length; at += PIECE) id += String.fromCharCode(...this.bytes.subarray(start + at, start + Math.min(length, at + PIECE)));
      return id;
    }
    const units: number[] = [];
    for (let k = 0; k < -length; k++) {
      units.push(this.bytes[start + 2 * k]! | (this.bytes[start + 2 * k + 1]! << 8));
      if (units.length === PIECE) {
        id += String.fromCharCode(...units);
        units.length = 0;
      }
    }
    return id + String.fromCharCode(...units);
  }

  /** The slot holding `id`, or the empty slot where it would go. */
  private slotOf(id: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(id) & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot]!;
      if (found === EMPTY || this.equals(found - 1, id)) return slot;
    }
  }

  private equals(entry: number, id: string): boolean {
    const length = this.lengths[entry]!;
    const start = this.starts[entry]!;
    const bytes = this.bytes;
    if (length >= 0) {
      if (length !== id.length) return false;
      for (let k = 0; k < length; k++) if (bytes[start + k] !== id.charCodeAt(k)) return false;
      return true;
    }
    if (-length !== id.length) return false;
    for (let k = 0; k < id.length; k++) if ((bytes[start + 2 * k]! | (bytes[start + 2 * k + 1]! << 8)) !== id.charCodeAt(k)) return false;
    return true;
  }

  private store(entry: number, id: string): void {
    let narrow = true;
    for (let k = 0; k < id.length && narrow; k++) narrow = id.charCodeAt(k) < 0x80;
    const size = narrow ? id.length : 2 * id.length;
    if (this.used + size > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.used + size, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    const at = this.used;
    if (narrow) for (let k = 0; k < id.length; k++) this.bytes[at + k] = id.charCodeAt(k);
    else
      for (let k = 0; k < id.length; k++) {
        const unit = id.charCodeAt(k);
        this.bytes[at + 2 * k] = unit & 0xff;
        this.bytes[at + 2 * k + 1] = unit >>> 8;
      }
    this.starts[entry] = at;
    this.lengths[entry] = narrow ? id.length : -id.length;
    this.used += size;
  }

  private grow(entries: number): void {
    if (entries <= this.starts.length) return;
    const size = this.starts.length * 2;
    const widen = (old: Int32Array<ArrayBuffer>) => {
      const grown = new Int32Array(size);
      grown.set(old);
      return grown;
    };
    this.starts = widen(this.starts);
    this.lengths = widen(this.lengths);
    this.values = widen(this.values);
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (const found of old) {
      if (found === EMPTY) continue;
      let slot = this.hashOfEntry(found - 1) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = found;
    }
  }

  private hashOfEntry(entry: number): number {
    const length = this.lengths[entry]!;
    const start = this.starts[entry]!;
    let h = FNV_OFFSET;
    if (length >= 0) for (let k = 0; k < length; k++) h = Math.imul(h ^ this.bytes[start + k]!, FNV_PRIME);
    else for (let k = 0; k < -length; k++) h = Math.imul(h ^ (this.bytes[start + 2 * k]! | (this.bytes[start + 2 * k + 1]! << 8)), FNV_PRIME);
    return h >>> 0;
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the id's UTF-16 code units (hashOfEntry gives the same for a stored id). */
function hash(id: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}

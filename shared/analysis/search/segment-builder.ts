/**
 * One segment of the search index: the postings of a batch of posts, built in one pass over their
 * text. Each word is found by its FNV-1a hash and characters in a table of spellings seen (no
 * string is made for a spelling seen before), folded once into the dictionary (fold.ts), and each
 * (word, post) pair kept once; a counting sort by word then gives every word's posts, ascending.
 * The scan applies tokens.ts's word rule, inlined: the indexer's hot loop. The table of spellings
 * is the index's (SearchIndex keeps one for all its segments), so a batch folds only spellings no
 * earlier batch has seen.
 */
import { indexKey, isWordCodePoint } from './fold';

/** The index's folded words, by id. */
export interface Dictionary {
  terms: string[];
  ids: Map<string, number>;
}

export interface Segment {
  /** Words with id < termCount have postings here. */
  termCount: number;
  /** Postings of word `t`: postings[offsets[t] .. offsets[t+1]). */
  offsets: Int32Array;
  postings: Int32Array;
}

/** The id kept for a spelling that folds to nothing (find's -1 means "not seen"). */
const NO_WORD = -2;

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Per ASCII code unit: 1 for a letter or digit (one load in the hot loop instead of six compares). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

export class SegmentBuilder {
  private pairTerms: Int32Array<ArrayBuffer>;
  private pairDocs: Int32Array<ArrayBuffer>;
  private pairs = 0;
  private lastDoc: Int32Array<ArrayBuffer>;

  /** `chars`: the batch's length, to size the pairs (about one new pair per six characters). */
  constructor(
    private readonly dictionary: Dictionary,
    chars: number,
    private readonly spellings: SpellingTable = new SpellingTable(),
  ) {
    this.pairTerms = new Int32Array(Math.max(1 << 12, Math.ceil(chars / 6)));
    this.pairDocs = new Int32Array(this.pairTerms.length);
    this.lastDoc = new Int32Array(Math.max(1024, dictionary.terms.length * 2)).fill(-1);
  }

  addText(text: string, doc: number): void {
    const n = text.length;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 32;
      let width = 1;
      let word: boolean;
      if (c < 128) word = ASCII_WORD[c] === 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1))) {
        width = 2;
        word = isWordCodePoint((c - 0xd800) * 0x400 + (text.charCodeAt(i + 1) - 0xdc00) + 0x10000);
      } else word = isWordCodePoint(c);
      if (word) {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
        if (width === 2) hash = Math.imul(hash ^ text.charCodeAt(i + 1), 0x01000193);
        i += width - 1;
        continue;
      }
      if (start < 0) continue;
      let id = this.spellings.find(text, start, i, hash);
      if (id === -1) id = this.newSpelling(text.slice(start, i), hash);
      start = -1;
      if (id < 0 || this.lastDoc[id] === doc) continue;
      // A new (word, post) pair: each word kept once per post.
      this.lastDoc[id] = doc;
      if (this.pairs === this.pairTerms.length) {
        this.pairTerms = grow(this.pairTerms);
        this.pairDocs = grow(this.pairDocs);
      }
      this.pairTerms[this.pairs] = id;
      this.pairDocs[this.pairs] = doc;
      this.pairs++;
    }
  }

  /** The segment: every word's posts, ascending. */
  finish(): Segment {
    const termCount = this.dictionary.terms.length;
    const offsets = new Int32Array(termCount + 1);
    const { pairTerms, pairDocs, pairs } = this;
    for (let i = 0; i < pairs; i++) offsets[pairTerms[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, termCount);
    const postings = new Int32Array(pairs);
    // Counting sort: stable, so each word's docs stay ascending.
    for (let i = 0; i < pairs; i++) postings[fill[pairTerms[i]!]!++] = pairDocs[i]!;
    return { termCount, offsets, postings };
  }

  /** The word id of a spelling not seen before, or NO_WORD for one that folds to nothing (a lone mark). */
  private newSpelling(raw: string, hash: number): number {
    const key = indexKey(raw);
    let id = NO_WORD;
    if (key !== '') {
      id = this.dictionary.ids.get(key) ?? NO_WORD;
      if (id === NO_WORD) {
        id = this.dictionary.terms.push(key) - 1;
        this.dictionary.ids.set(key, id);
      }
    }
    this.spellings.add(raw, hash, id);
    return id === NO_WORD ? id : this.ensureLastDoc(id);
  }

  /** Every word id reaches the hot loop through here first: lastDoc is sized for it. */
  private ensureLastDoc(id: number): number {
    if (id >= this.lastDoc.length) {
      const grown = new Int32Array(Math.max(id + 1, this.lastDoc.length * 2)).fill(-1);
      grown.set(this.lastDoc);
      this.lastDoc = grown;
    }
    return id;
  }
}

/** `word` equals text[start .. start + word.length) (a loop: startsWith with a position is slower here). */
function sameChars(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(start + k) !== word.charCodeAt(k)) return false;
  return true;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Spellings seen while a batch is indexed, each with its word's id: an open-addressing table
 * probed with the word's FNV-1a hash and compared in place, character by character, so the hot
 * loop makes no string for a spelling it has seen.
 */
export class SpellingTable {
  private slots = new Int32Array(1 << 16).fill(-1);
  private hashes = new Int32Array(1 << 16);
  private words: string[] = [];
  private ids: number[] = [];

  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at]!;
      if (slot === -1) return -1;
      if (this.hashes[at] === hash) {
        const word = this.words[slot]!;
        if (word.length === end - start && sameChars(text, start, word)) return this.ids[slot]!;
      }
    }
  }

  add(word: string, hash: number, id: number): void {
    if ((this.words.length + 1) * 2 > this.slots.length) this.resize();
    this.place(this.words.push(word) - 1, hash);
    this.ids.push(id);
  }

  private place(slot: number, hash: number): void {
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at] !== -1) at = (at + 1) & mask;
    this.slots[at] = slot;
    this.hashes[at] = hash;
  }

  private resize(): void {
    const old = { slots: this.slots, hashes: this.hashes };
    this.slots = new Int32Array(old.slots.length * 2).fill(-1);
    this.hashes = new Int32Array(old.slots.length * 2);
    for (let at = 0; at < old.slots.length; at++) if (old.slots[at] !== -1) this.place(old.slots[at]!, old.hashes[at]!);
  }
}

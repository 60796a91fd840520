import { describe, expect, it } from 'vitest';

import { MAX_CSV_RECORD_CHARS } from '../import/input-limits';
import { encodeRatings } from './encode-ratings';
import { prepareRatings } from './prepared-ratings';
import type { ReliabilityData } from './reliability-data';
import { mulberry32 } from './seeded-random';
import { readUnitsCsv } from './read-units-csv';
import { parseUnitsCsv } from './units-csv';
import { parseUnitsCsvFast, UnitsCsvFastReader } from './units-csv-fast';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The fast reader fed in pieces of `size` bytes (cutting through BOMs, CRLFs and UTF-8 sequences). */
function fastInChunks(input: Uint8Array, size: number) {
  const reader = new UnitsCsvFastReader();
  for (let i = 0; i < input.length; i += size) if (!reader.push(input.subarray(i, i + size))) return null;
  return reader.finish();
}

async function* chunks(input: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < input.length; i += size) yield input.subarray(i, i + size);
}

/** The fast result equals the strict one, and its remembered encoding is encodeRatings' of the strict data. */
function expectFastEqualsStrict(fast: ReliabilityData | null, strict: ReliabilityData, label: string): void {
  expect(fast, label).not.toBeNull();
  expect(prepareRatings(fast!).encoded, label).toEqual(encodeRatings(strict));
  expect(fast, label).toEqual(strict);
}

/** Whatever path it takes, the streamed reader answers exactly as parseUnitsCsv on the same text. */
async function expectSameAsStrict(text: string): Promise<void> {
  const strict = parseUnitsCsv(text);
  for (const size of [1, 2, 3, 5, 64, 1 << 20]) {
    expect(await readUnitsCsv(chunks(bytes(text), size), async () => text), `chunks of ${size}`).toEqual(strict);
  }
}

// The common shape: the fast path must take these (and answer as the strict parser).
const COMMON = [
  'unit,coder,value\nu1,A,1\nu1,B,\nu2,B,3\nu2,A, \n',
  'unit,coder,value\r\n1,A,1.0\r\n1,B,1\r\n2,A,-2.5e1\r\n2,B,.5\r\n',
  'unit,coder,value\n1,A,1.0\n1,B,1\n2,A,n/a\n',
  '\uFEFFValue,Unit,CODER\nyes,u1,A\nno,u1,B\nyes,u2,A',
  'unit,coder,value\n',
  'unit,coder,value',
  'unit,coder,value\nü🙂,Zoë,红\nü🙂,Bo,红\n',
  'unit,coder,value\n1,A,0x10\n1,B,Infinity\n2,A,1e999\n',
  'unit,coder,value\n1,A,-0\n2,A,0\n2,B,-0\n',
  'unit , CODER,value \n u1 ,A,1\n',
  // A last line ended by CR alone: the strict parser reads CR as a line end too.
  'unit,coder,value\nu1,A,1\r',
];

// Outside it: the fast path gives up and the strict parser answers (values or problems).
const UNCOMMON = [
  '',
  'un',
  '\uFEFF',
  'unit,coder,value\n1,A,"1,5"\n',
  'unit,coder,value\r"two\nlines",u1,A\r',
  '\uFEFFValue,Unit,CODER\r\n"two\nlines",u1,A\r\n"say ""hi""",u1,B\ryes,"u,2",A',
  '1,A,1\n2,A,2\n',
  'unit,coder,value,memo\n1,A,1,x\n',
  'unit,coder\n1,A,1\n',
  'unit,coder,value\n1,A,"x\ny"\n2,A\n',
  'unit,coder,value\n1,A,1\n\n2,A,2\n',
  'unit,coder,value\n1,A,1\n\n',
  'unit,coder,value\n1,A,"x"y\n',
  'unit,coder,value\n1,A,1\n2,A,"open\n\n3,A,3\n',
  'unit,coder,value\nu1,A,1\nu1,B,2\n"x\ny",A,1\nu1,A,1\nu1,B,\n',
  'unit,coder,value\nu1,A,1\nu1,A,1\n',
  'unit,coder,value\n,A,1\nu1, ,2\n',
  'unit,coder,value\nu1,A,1,\n',
  'unit,coder,value\nu1,A\r,1\n',
];

describe('the fast units CSV path', () => {
  it('takes the common shape and gives what the strict parser gives, in any chunking', async () => {
    for (const text of COMMON) {
      const strict = parseUnitsCsv(text);
      expect(strict.ok, text).toBe(true);
      if (!strict.ok) continue;
      for (const size of [1, 2, 3, 7, 1 << 20]) expectFastEqualsStrict(fastInChunks(bytes(text), size), strict.value, `${text} in chunks of ${size}`);
      await expectSameAsStrict(text);
    }
  });

  it('gives up on quotes, bare CR, blank lines, bad headers and rows, repeats and empty labels; the strict parser answers', async () => {
    for (const text of UNCOMMON) {
      expect(parseUnitsCsvFast(bytes(text)), text).toBeNull();
      for (const size of [1, 2, 3, 7]) expect(fastInChunks(bytes(text), size), `${text} in chunks of ${size}`).toBeNull();
      await expectSameAsStrict(text);
    }
  });

  it('keeps encodeRatings\' categories with many coders and more distinct numbers than it hashes', () => {
    const rows = ['unit,coder,value'];
    for (let u = 0; u < 3400; u++) for (let c = 0; c < 20; c++) rows.push(`u${u},c${c},${u === 5 && c === 0 ? '-0' : (u * 20 + c) / 8}`);
    const strict = parseUnitsCsv(rows.join('\n'));
    if (!strict.ok) throw new Error(strict.error.join('\n'));
    const fast = parseUnitsCsvFast(bytes(rows.join('\n')))!;
    const encoded = prepareRatings(fast).encoded;
    expect(encoded).toEqual(encodeRatings(strict.value));
    expect(Object.is(encoded.categories[0], -0)).toBe(true);
    expect(fast.coders).toEqual(strict.value.coders);
    expect(fast.units).toEqual(strict.value.units);
  }, 60_000);

  it('leaves a line past the strict parser\'s record cap to it', async () => {
    const long = `unit,coder,value\nu1,A,${'9'.repeat(MAX_CSV_RECORD_CHARS)}\n`;
    expect(parseUnitsCsvFast(bytes(long))).toBeNull();
    expect(fastInChunks(bytes(long), 1 << 16)).toBeNull();
    expect(await readUnitsCsv(chunks(bytes(long), 1 << 16), async () => long)).toEqual(parseUnitsCsv(long));
  }, 60_000);

  it('gives up on bytes that are not UTF-8, so the read reports them as before', async () => {
    const bad = new Uint8Array([...bytes('unit,coder,value\nu'), 0xff, ...bytes(',A,1\n')]);
    expect(parseUnitsCsvFast(bad)).toBeNull();
    const read = readUnitsCsv(chunks(bad, 4), () => Promise.reject(new Error('not valid UTF-8 text')));
    await expect(read).rejects.toThrow('not valid UTF-8 text');
  });

  it('copies what it keeps, so the caller may read every chunk into one buffer', () => {
    const text = `unit,coder,value\n${Array.from({ length: 300 }, (_, u) => `unit${u},A,${u % 3}\nunit${u},B,${u % 2}`).join('\n')}`;
    const input = bytes(text);
    const strict = parseUnitsCsv(text);
    if (!strict.ok) throw new Error(strict.error.join('\n'));
    for (const size of [1, 5, 64, 1000]) {
      const reader = new UnitsCsvFastReader(input.length);
      const buffer = new Uint8Array(size);
      for (let at = 0; at < input.length; at += size) {
        const piece = input.subarray(at, at + size);
        buffer.set(piece);
        expect(reader.push(buffer.subarray(0, piece.length))).toBe(true);
        buffer.fill(0x2c); // overwritten as the next read would
      }
      expectFastEqualsStrict(reader.finish(), strict.value, `one buffer of ${size}`);
    }
  });

  it('answers the same whatever size the file is said to have (the tables are only sized from it)', () => {
    const rows = ['unit,coder,value'];
    for (let u = 0; u < 3000; u++) for (const coder of ['A', 'B', 'C']) rows.push(`u${u},${coder},${(u * 7 + coder.charCodeAt(0)) % 4}`);
    const text = rows.join('\n');
    const strict = parseUnitsCsv(text);
    if (!strict.ok) throw new Error(strict.error.join('\n'));
    // Said too small, about right, far too big: the first 1,000 units set the tables' size.
    for (const said of [0, 10, text.length, text.length * 50]) {
      const reader = new UnitsCsvFastReader(said);
      for (let at = 0; at < text.length; at += 4096) expect(reader.push(bytes(text).subarray(at, at + 4096))).toBe(true);
      expectFastEqualsStrict(reader.finish(), strict.value, `said ${said} bytes`);
    }
  });

  it('keeps a byte a cell up to 255 values and four past them, with the same answer', () => {
    for (const distinct of [254, 255, 256, 300]) {
      const rows = ['unit,coder,value'];
      for (let u = 0; u < 400; u++) for (const coder of ['A', 'B']) rows.push(`u${u},${coder},v${(u + (coder === 'A' ? 0 : 1)) % distinct}`);
      const strict = parseUnitsCsv(rows.join('\n'));
      if (!strict.ok) throw new Error(strict.error.join('\n'));
      expectFastEqualsStrict(parseUnitsCsvFast(bytes(rows.join('\n'))), strict.value, `${distinct} values`);
    }
  });

  it('matches the strict parser on random files, shuffled or grouped, numbers or labels', async () => {
    const random = mulberry32(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    for (let trial = 0; trial < 40; trial++) {
      const coders = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, i) => pick(['A', 'Bé', 'c 3', '🙂', 'Dee']) + i);
      const values = random() < 0.5 ? ['1', '2', '3.5', '-1', ' ', ''] : ['yes', 'no', 'ça', '1', ''];
      const rows: string[] = [];
      for (let u = 0; u < 1 + Math.floor(random() * 60); u++) for (const coder of coders) if (random() < 0.8) rows.push(`u${u}${pick(['', 'x', '€'])},${coder},${pick(values)}`);
      if (random() < 0.5) rows.sort(() => random() - 0.5);
      const eol = pick(['\n', '\r\n']);
      const text = `${random() < 0.3 ? '\uFEFF' : ''}unit,coder,value${eol}${rows.join(eol)}${random() < 0.5 ? eol : ''}`;
      const strict = parseUnitsCsv(text);
      // Each unit label is unique per row set, so only an accidental repeat (u1 + x vs u1x) makes problems.
      if (strict.ok) expectFastEqualsStrict(parseUnitsCsvFast(bytes(text)), strict.value, text);
      else expect(parseUnitsCsvFast(bytes(text))).toBeNull();
      await expectSameAsStrict(text);
    }
  });
});

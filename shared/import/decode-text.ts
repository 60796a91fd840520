/**
 * Bytes of an imported file → text. The byte-order mark decides the encoding (UTF-8, UTF-16 LE/BE);
 * without one the file must be UTF-8. Nothing is ever replaced with U+FFFD: `file.text()` would do
 * that silently and corrupt the posts researchers code (docs/reliability.md, "Encodings and broken
 * text"), so a bad byte is an error naming its offset and line.
 */
import { err, ok, type Result } from '../util/result';
import type { Problem } from '../problem/problem';
import { describeBytes, lineOfByte, scanUtf8 } from './utf8-scan';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a BOM announces and the BOM's length; UTF-8 with length 0 when there is none. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

const NOT_UTF8_ADVICE = 'Save it as UTF-8 (or UTF-16 with a byte-order mark) and import it again.';

export function decodeText(bytes: Uint8Array, fileName: string): Result<string, Problem> {
  const { encoding, bomLength } = sniffBom(bytes);
  if (encoding !== 'utf-8') return decodeUtf16(bytes, bomLength, encoding === 'utf-16be', fileName);
  if (bomLength === 0 && looksLikeUtf16WithoutBom(bytes)) {
    return err({
      file: fileName,
      message: `looks like UTF-16 without a byte-order mark (every other byte is 0). ${NOT_UTF8_ADVICE}`,
    });
  }
  try {
    // ignoreBOM keeps decoding exact: the BOM was already measured and is skipped by subarray.
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomLength)));
  } catch (error) {
    return err(decodeFailure(error, bytes, bomLength, fileName));
  }
}

/**
 * Why strict decoding threw: a bad byte, found and named; or, when every byte is valid, a text too
 * long for one string (a valid 600 MB file was reported as "not valid UTF-8").
 */
function decodeFailure(error: unknown, bytes: Uint8Array, from: number, fileName: string): Problem {
  if (error instanceof RangeError || scanUtf8(bytes, from).kind === 'valid') {
    const mb = Math.round(bytes.length / (1024 * 1024));
    return { file: fileName, message: `the file is ${mb} MB, too large to read as one text. Split it, or export it as NDJSON or CSV, which are read line by line` };
  }
  return invalidUtf8Problem(bytes, from, fileName);
}

function invalidUtf8Problem(bytes: Uint8Array, from: number, fileName: string): Problem {
  const scan = scanUtf8(bytes, from);
  const offset = scan.kind === 'valid' ? from : scan.offset;
  const line = lineOfByte(bytes, offset);
  const what = scan.kind === 'incomplete' ? 'the file ends inside a character' : `byte ${describeBytes(bytes, offset, 1)}`;
  return {
    file: fileName,
    line,
    message: `not valid UTF-8: ${what} at byte offset ${offset} (line ${line}). ${NOT_UTF8_ADVICE}`,
  };
}

/**
 * ASCII text in UTF-16 is every other byte 0, which is valid UTF-8 and would decode to text full
 * of NULs; real UTF-8 text files have almost none.
 */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  return evenZeros > pairs * 0.4 || oddZeros > pairs * 0.4;
}

/** Checks surrogate pairing ourselves so an unpaired one is reported with its offset, not replaced. */
function decodeUtf16(bytes: Uint8Array, bomLength: number, bigEndian: boolean, fileName: string): Result<string, Problem> {
  const label = bigEndian ? 'UTF-16 BE' : 'UTF-16 LE';
  if ((bytes.length - bomLength) % 2 !== 0) {
    return err({ file: fileName, message: `not valid ${label}: the file has an odd number of bytes (${bytes.length}), so its last character is cut off` });
  }
  const unitAt = (i: number): number =>
    bigEndian ? ((bytes[i] as number) << 8) | (bytes[i + 1] as number) : (bytes[i] as number) | ((bytes[i + 1] as number) << 8);
  for (let i = bomLength; i < bytes.length; i += 2) {
    const unit = unitAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff && i + 2 < bytes.length) {
      const next = unitAt(i + 2);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        continue;
      }
    }
    return err({ file: fileName, message: `not valid ${label}: unpaired surrogate 0x${unit.toString(16).toUpperCase()} at byte offset ${i}` });
  }
  const body = bytes.subarray(bomLength);
  const le = bigEndian ? swapPairs(body) : body;
  return ok(new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le));
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] as number;
    out[i + 1] = bytes[i] as number;
  }
  return out;
}

/**
 * Byte-level UTF-8 checks. TextDecoder's fatal mode says *that* bytes are invalid but not *where*,
 * and a researcher needs the offset to find the damage (docs/reliability.md, "Encodings and broken
 * text"), so the failure path re-scans the bytes here. Validation follows Unicode Table 3-7 (the
 * rules TextDecoder applies): no overlong forms, no encoded surrogates, nothing above U+10FFFF.
 */

/** Length of the sequence a lead byte starts, or 0 when the byte cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The allowed range of the byte after `lead`; later continuation bytes are always 80..BF. */
function secondByteOk(lead: number, second: number): boolean {
  if (lead === 0xe0) return second >= 0xa0 && second <= 0xbf;
  if (lead === 0xed) return second >= 0x80 && second <= 0x9f;
  if (lead === 0xf0) return second >= 0x90 && second <= 0xbf;
  if (lead === 0xf4) return second >= 0x80 && second <= 0x8f;
  return second >= 0x80 && second <= 0xbf;
}

export type Utf8Scan =
  | { kind: 'valid' }
  /** A sequence cut off by the end of the range: may be completed by the next chunk. */
  | { kind: 'incomplete'; offset: number }
  /** `offset` is the first byte of the sequence that cannot be decoded. */
  | { kind: 'invalid'; offset: number };

/** Scans bytes[from, to) and reports the first problem. */
export function scanUtf8(bytes: Uint8Array, from = 0, to = bytes.length): Utf8Scan {
  let i = from;
  while (i < to) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0) return { kind: 'invalid', offset: i };
    for (let k = 1; k < length; k++) {
      if (i + k >= to) return { kind: 'incomplete', offset: i };
      const b = bytes[i + k] as number;
      const ok = k === 1 ? secondByteOk(lead, b) : b >= 0x80 && b <= 0xbf;
      if (!ok) return { kind: 'invalid', offset: i };
    }
    i += length;
  }
  return { kind: 'valid' };
}

/** Offset of the first byte that makes bytes[from, to) invalid UTF-8, or -1; a cut-off end counts. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0, to = bytes.length): number {
  const scan = scanUtf8(bytes, from, to);
  return scan.kind === 'valid' ? -1 : scan.offset;
}

/** 1-based line of a byte offset: LF bytes before it, plus one. LF never occurs inside a sequence. */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  let at = bytes.indexOf(0x0a);
  while (at !== -1 && at < offset) {
    line++;
    at = bytes.indexOf(0x0a, at + 1);
  }
  return line;
}

/** `0xC3 0x28` style, for messages. */
export function describeBytes(bytes: Uint8Array, offset: number, count = 4): string {
  const shown: string[] = [];
  for (let i = offset; i < Math.min(bytes.length, offset + count); i++) {
    shown.push(`0x${(bytes[i] as number).toString(16).toUpperCase().padStart(2, '0')}`);
  }
  return shown.join(' ');
}

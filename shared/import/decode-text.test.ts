import { describe, expect, it } from 'vitest';

import { decodeText, sniffBom } from './decode-text';
import { readFixtureBytes } from './files.test-helpers';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? u >> 8 : u & 0xff;
    out[3 + i * 2] = bigEndian ? u & 0xff : u >> 8;
  }
  return out;
}

const TEXT = 'Grüße 😀 👩‍👩‍👧\r\nline two';

describe('decodeText', () => {
  it('decodes UTF-8 with and without a BOM, dropping only the BOM', () => {
    expect(decodeText(utf8(TEXT), 'a.json')).toEqual({ ok: true, value: TEXT });
    expect(decodeText(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(TEXT)), 'a.json')).toEqual({ ok: true, value: TEXT });
    // A second BOM is content, not a marker: decoding stays exact.
    expect(decodeText(utf8('\ufeff\ufeffx'), 'a')).toEqual({ ok: true, value: '\ufeffx' });
  });

  it('decodes UTF-16 LE and BE with a BOM, surrogate pairs included', () => {
    expect(decodeText(utf16(TEXT, false), 'a.csv')).toEqual({ ok: true, value: TEXT });
    expect(decodeText(utf16(TEXT, true), 'a.csv')).toEqual({ ok: true, value: TEXT });
    expect(sniffBom(utf16('x', true))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('names the byte offset and line of the first invalid UTF-8 byte, never inserting U+FFFD', () => {
    const bytes = concat(utf8('line one\nhi'), new Uint8Array([0xc3, 0x28, 0xff]), utf8(' rest'));
    const result = decodeText(bytes, 'posts.ndjson');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.file).toBe('posts.ndjson');
    expect(result.error.line).toBe(2);
    expect(result.error.message).toContain('byte offset 11');
    expect(result.error.message).toContain('0xC3');
    expect(result.error.message).not.toContain('\ufffd');
  });

  it('counts the offset in the file, BOM included', () => {
    const result = decodeText(concat(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff])), 'f');
    expect(!result.ok && result.error.message).toContain('byte offset 4');
  });

  it('reports a file that ends inside a character', () => {
    const result = decodeText(utf8('ok €').subarray(0, 5), 'cut.json');
    expect(!result.ok && result.error.message).toContain('ends inside a character');
  });

  it('rejects UTF-16 with an unpaired surrogate or an odd length, and BOM-less UTF-16', () => {
    const lone = utf16('a\ud800b', false);
    expect(!decodeText(lone, 'f').ok && (decodeText(lone, 'f') as { error: { message: string } }).error.message).toContain('unpaired surrogate');
    const odd = concat(utf16('ab', false), new Uint8Array([0x61]));
    expect(decodeText(odd, 'f').ok).toBe(false);
    const noBom = utf16('{"id": "abc", "body": "text"}', false).subarray(2);
    const result = decodeText(noBom, 'f');
    expect(!result.ok && result.error.message).toContain('UTF-16 without a byte-order mark');
  });

  it('reads the BOM + CRLF and UTF-16 LE dump fixtures to the same text', () => {
    const a = decodeText(readFixtureBytes('reddit-dump-slice-bom-crlf.ndjson'), 'a');
    const b = decodeText(readFixtureBytes('reddit-dump-slice-utf16le.ndjson'), 'b');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value).toBe(b.value);
    expect(a.value.charCodeAt(0)).not.toBe(0xfeff);
    expect(a.value).toContain('\r\n');
  });

  it('rejects the invalid UTF-8 fixture with its line', () => {
    const result = decodeText(readFixtureBytes('reddit-dump-invalid-utf8.ndjson'), 'bad.ndjson');
    expect(!result.ok && result.error.line).toBe(2);
  });

  it('decodes an empty file to an empty string', () => {
    expect(decodeText(new Uint8Array(0), 'empty.json')).toEqual({ ok: true, value: '' });
  });
});

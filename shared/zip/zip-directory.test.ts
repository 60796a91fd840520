import { describe, expect, it } from 'vitest';

import { buildZip } from '../codebook/refi/zip.test-helpers';
import type { Result } from '../util/result';
import { zipDirectory, type ZipDirectoryEntry, type ZipFailure } from './zip-directory';

const all = (bytes: Uint8Array): Array<Result<ZipDirectoryEntry, ZipFailure>> => [...zipDirectory(bytes)];
const entries = (bytes: Uint8Array): ZipDirectoryEntry[] =>
  all(bytes).map((r) => {
    if (!r.ok) throw new Error(r.error.detail);
    return r.value;
  });

describe('zipDirectory', () => {
  it('lists names, methods, sizes, CRCs and local header offsets as the archive declares them', () => {
    const bytes = buildZip([
      { name: 'a.txt', data: 'hello', method: 'store' },
      { name: 'sources/', data: '' },
      { name: 'b.txt', data: 'hello hello hello hello', declaredCrc: 7 },
    ]);
    const [a, folder, b] = entries(bytes);
    expect(a).toEqual({ name: 'a.txt', directory: false, flags: 0x0800, method: 0, crc32: 0x3610a686, compressedSize: 5, uncompressedSize: 5, localHeaderOffset: 0 });
    expect(folder).toMatchObject({ name: 'sources/', directory: true });
    expect(b).toMatchObject({ name: 'b.txt', method: 8, crc32: 7, uncompressedSize: 23 });
    expect(b!.compressedSize).toBeLessThan(23);
    expect(b!.localHeaderOffset).toBe(30 + 5 + 5 + 30 + 8 + 2);
  });

  it('reads ZIP64 sizes and offsets from the extra fields and the ZIP64 end record', () => {
    const plain = entries(buildZip([{ name: 'a.txt', data: 'x' }, { name: 'b.txt', data: 'yy' }]));
    const wide = entries(buildZip([{ name: 'a.txt', data: 'x' }, { name: 'b.txt', data: 'yy' }], { zip64: true }));
    expect(wide.map((e) => [e.name, e.uncompressedSize, e.compressedSize])).toEqual(plain.map((e) => [e.name, e.uncompressedSize, e.compressedSize]));
    expect(wide[1]!.localHeaderOffset).toBe(30 + 5 + 20 + wide[0]!.compressedSize);
  });

  it('decodes names as UTF-8 when flagged, and as code page 437 otherwise', () => {
    const cp437 = Uint8Array.from([0x81, 0x62, 0x65, 0x72, 0x2e, 0x74, 0x78, 0x74]); // "über.txt"
    const [utf8, legacy] = entries(buildZip([{ name: 'ünï 🙂.txt', data: '' }, { name: 'ignored', rawName: cp437, flags: 0, data: '' }]));
    expect(utf8!.name).toBe('ünï 🙂.txt');
    expect(legacy!.name).toBe('über.txt');
  });

  it('finds the end record behind an archive comment', () => {
    const zip = buildZip([{ name: 'a.txt', data: 'x' }]);
    const comment = new TextEncoder().encode('made by hand');
    const withComment = new Uint8Array(zip.length + comment.length);
    withComment.set(zip);
    withComment.set(comment, zip.length);
    new DataView(withComment.buffer).setUint16(zip.length - 2, comment.length, true);
    expect(entries(withComment).map((e) => e.name)).toEqual(['a.txt']);
  });

  it('fails, and stops, on bytes that are not a zip, a cut directory, or one that disagrees with its end record', () => {
    const zip = buildZip([{ name: 'a.txt', data: 'x' }, { name: 'b.txt', data: 'y' }]);
    expect(all(new TextEncoder().encode('<Project/>'))).toEqual([{ ok: false, error: { kind: 'not-zip', detail: 'End of central directory not found' } }]);
    expect(all(new Uint8Array(0))).toEqual([{ ok: false, error: { kind: 'not-zip', detail: 'End of central directory not found' } }]);
    const cut = zip.slice();
    const cutView = new DataView(cut.buffer);
    cutView.setUint32(cut.length - 6, cutView.getUint32(cut.length - 6, true) + 1, true); // the directory's offset, one byte late
    expect(all(cut).at(-1)).toEqual({ ok: false, error: { kind: 'not-zip', detail: 'Central directory header not found: the directory runs past the end of the archive' } });
    const fewer = zip.slice();
    new DataView(fewer.buffer).setUint16(fewer.length - 12, 1, true); // counts one entry of two
    expect(all(fewer).at(-1)).toEqual({ ok: false, error: { kind: 'corrupt', detail: 'the central directory holds more than the 1 entries its end record counts' } });
    const more = zip.slice();
    new DataView(more.buffer).setUint16(more.length - 12, 3, true);
    expect(all(more).at(-1)).toMatchObject({ ok: false, error: { kind: 'not-zip' } });
  });
});

import { describe, expect, it } from 'vitest';

import { openZip, unsafeEntryName } from './safe-zip';
import { buildZip } from './zip.test-helpers';

describe('unsafeEntryName', () => {
  it('accepts the names real .qdpx files use', () => {
    for (const name of ['project.qde', 'Sources/ABC.TXT', 'sources/.root', 'sources/', 'a..b.txt', 'sources/board_2017.txt']) expect(unsafeEntryName(name)).toBeNull();
  });

  it('names why a name is unsafe', () => {
    expect(unsafeEntryName('../x')).toBe('it points outside the archive (..)');
    expect(unsafeEntryName('a/../../x')).toBe('it points outside the archive (..)');
    expect(unsafeEntryName('/etc/passwd')).toBe('it is an absolute path');
    expect(unsafeEntryName('c:x')).toBe('it starts with a drive letter');
    expect(unsafeEntryName('a\\b')).toBe('it contains a backslash, which Windows reads as a folder separator');
    expect(unsafeEntryName('a\0.txt')).toBe('it contains a NUL character');
  });
});

describe('openZip', () => {
  it('lists entries with their declared sizes and reads only what is asked for', async () => {
    const zip = await openZip(buildZip([{ name: 'a.txt', data: 'hello' }, { name: 'b.txt', data: 'world', declaredCrc: 7 }]), 'x.zip', 10);
    if (!zip.ok) throw new Error(zip.error.message);
    expect(zip.value.entries.map((e) => [e.name, e.directory, e.declaredSize])).toEqual([
      ['a.txt', false, 5],
      ['b.txt', false, 5],
    ]);
    const a = await zip.value.read(zip.value.entries[0]!, 100);
    expect(a.ok && new TextDecoder().decode(a.value)).toBe('hello');
    expect(await zip.value.read(zip.value.entries[1]!, 100)).toEqual({
      ok: false,
      error: { file: 'x.zip', record: 'b.txt', message: 'the archive is corrupt or has been tampered with: Invalid CRC32' },
    });
  });

  const problemOf = async (bytes: Uint8Array): Promise<string> => {
    const zip = await openZip(bytes, 'x.zip', 10);
    if (!zip.ok) return zip.error.message;
    const read = await zip.value.read(zip.value.entries[0]!, 1000);
    if (read.ok) throw new Error('expected a refusal');
    return read.error.message;
  };

  it('reads stored entries and ZIP64 archives like any other', async () => {
    for (const bytes of [buildZip([{ name: 'a.txt', data: 'stored', method: 'store' }]), buildZip([{ name: 'a.txt', data: 'wide' }], { zip64: true })]) {
      const zip = await openZip(bytes, 'x.zip', 10);
      if (!zip.ok) throw new Error(zip.error.message);
      const read = await zip.value.read(zip.value.entries[0]!, 100);
      expect(read.ok && new TextDecoder().decode(read.value)).toBe(zip.value.entries[0]!.declaredSize === 6 ? 'stored' : 'wide');
    }
  });

  it('refuses encrypted entries, other compression methods and split archives in words a researcher can act on', async () => {
    expect(await problemOf(buildZip([{ name: 'a.txt', data: 'secret', flags: 0x0801 }]))).toBe('the archive is encrypted (the entry is encrypted); export it again without a password');
    expect(await problemOf(buildZip([{ name: 'a.txt', data: 'x', methodNumber: 14 }]))).toBe('the archive uses compression method 14 (a.txt), which Threadmark cannot read');
    const split = buildZip([{ name: 'a.txt', data: 'x' }]);
    split[split.length - 22 + 4] = 1; // the end record's disk number
    expect(await problemOf(split)).toBe('the archive is split into several parts (a multi-disk archive), which Threadmark cannot read');
  });
});

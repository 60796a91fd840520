import { describe, expect, it } from 'vitest';

import { cappedCollector, openZip, unsafeEntryName } from './safe-zip';
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

describe('cappedCollector', () => {
  const feed = async (collector: ReturnType<typeof cappedCollector>, sizes: number[]): Promise<void> => {
    const writer = collector.sink.getWriter();
    for (const size of sizes) await writer.write(new Uint8Array(size).fill(size));
    await writer.close();
  };

  it('keeps every byte up to the cap, in order', async () => {
    const collector = cappedCollector(10);
    await feed(collector, [3, 7]);
    expect(collector.overflowed()).toBe(false);
    expect([...collector.bytes()!]).toEqual([3, 3, 3, 7, 7, 7, 7, 7, 7, 7]);
  });

  it('aborts its signal and keeps nothing once more than the cap arrives, whatever a header claimed', async () => {
    const collector = cappedCollector(10);
    await feed(collector, [6, 6]);
    expect(collector.signal.aborted).toBe(true);
    expect(collector.overflowed()).toBe(true);
    expect(collector.bytes()).toBeNull();
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
});

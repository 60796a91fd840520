// eslint-disable-next-line no-restricted-imports -- test-only: Info-ZIP's unzip checks the archive independently
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line no-restricted-imports -- as above
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- as above
import { tmpdir } from 'node:os';
// eslint-disable-next-line no-restricted-imports -- as above
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { mulberry32 } from '../agreement/seeded-random';
import { zipDirectory } from './zip-directory';
import { zipEntryData } from './zip-entry-data';
import { dosDateTime, writeZip, type ZipWriteEntry } from './write-zip';

const UNZIP = spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;
const AT = '2025-05-01T12:34:56.000Z';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

async function written(entries: ZipWriteEntry[]): Promise<Uint8Array> {
  const zip = await writeZip(entries, AT);
  if (!zip.ok) throw new Error(zip.error);
  return zip.value;
}

async function readBack(bytes: Uint8Array): Promise<Map<string, { method: number; data: Uint8Array }>> {
  const out = new Map<string, { method: number; data: Uint8Array }>();
  for (const entry of zipDirectory(bytes)) {
    if (!entry.ok) throw new Error(entry.error.detail);
    const data = await zipEntryData(bytes, entry.value);
    if (!data.ok) throw new Error(data.error.detail);
    out.set(entry.value.name, { method: entry.value.method, data: data.value });
  }
  return out;
}

/** `unzip -t` (every CRC and header) and `unzip -Z1` (the names) on the bytes, from a file. */
function infoZip(bytes: Uint8Array, test = true): { test: string; names: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'threadmark-zip-'));
  try {
    const file = join(dir, 'test.zip');
    writeFileSync(file, bytes);
    const tested = test ? spawnSync('unzip', ['-t', file], { encoding: 'utf8', maxBuffer: 1 << 28 }) : null;
    // A UTF-8 locale, or unzip shows flagged UTF-8 names in the terminal's code page.
    const names = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    return { test: tested ? `${tested.status}: ${tested.stdout.split('\n').at(-2) ?? ''}${tested.stderr}` : 'not tested', names: names.stdout.split('\n').filter((n) => n !== '') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('writeZip', () => {
  const random = mulberry32(3);
  const noise = Uint8Array.from({ length: 5000 }, () => Math.floor(random() * 256));
  const entries: ZipWriteEntry[] = [
    { name: 'project.qde', data: encode('<Project>\n'.repeat(2000)) },
    { name: 'sources/ünï 🙂.txt', data: encode('[ada · 2025-05-01]\nHello 👩‍👩‍👧\n') },
    { name: 'sources/noise.bin', data: noise },
    { name: 'empty.json', data: new Uint8Array(0) },
  ];

  it('writes what the reader gives back byte for byte, deflating only what gets smaller', async () => {
    const back = await readBack(await written(entries));
    expect([...back.keys()]).toEqual(entries.map((e) => e.name));
    for (const entry of entries) expect(back.get(entry.name)!.data).toEqual(entry.data);
    expect(back.get('project.qde')!.method).toBe(8);
    expect(back.get('sources/noise.bin')!.method).toBe(0);
    expect(back.get('empty.json')!.method).toBe(0);
  });

  it('gives the same bytes for the same entries and time', async () => {
    expect(await written(entries)).toEqual(await written(entries));
  });

  it.skipIf(!UNZIP)('is a zip Info-ZIP tests clean, UTF-8 names included (skipped without unzip)', async () => {
    const checked = infoZip(await written(entries));
    expect(checked.test).toMatch(/^0: No errors detected/);
    expect(checked.names).toEqual(entries.map((e) => e.name));
  });

  it('adds a ZIP64 end record from 65,535 entries on, which both readers follow', { timeout: 60_000 }, async () => {
    const many = Array.from({ length: 70_000 }, (_, i) => ({ name: `sources/${i}.txt`, data: new Uint8Array(0) }));
    const bytes = await written(many);
    let count = 0;
    for (const entry of zipDirectory(bytes)) {
      if (!entry.ok) throw new Error(entry.error.detail);
      count++;
    }
    expect(count).toBe(70_000);
    if (UNZIP) expect(infoZip(bytes, false).names).toHaveLength(70_000);
  });

  it('stamps every entry with the time given, in MS-DOS form (UTC)', () => {
    const [time, date] = dosDateTime(AT);
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([12, 34, 56]);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2025, 5, 1]);
    expect(dosDateTime('1970-01-01T00:00:00Z')).toEqual([0, 33]);
  });
});

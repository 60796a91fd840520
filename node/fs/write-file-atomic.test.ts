import type * as FsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { writeFileAtomic } from './write-file-atomic';

/** Every fs step in order, recorded by the pass-through mock below. */
const steps: string[] = [];

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  const name = (path: unknown) => (String(path).endsWith('.tmp') ? 'temp' : String(path).split(/[\\/]/).pop());
  return {
    ...fs,
    open: async (path: string, flags: string) => {
      const handle = await fs.open(path, flags);
      const what = name(path);
      steps.push(`open ${what}`);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        steps.push(`fsync ${what}`);
        return sync();
      };
      return handle;
    },
    rename: async (from: string, to: string) => {
      steps.push(`rename ${name(from)} → ${name(to)}`);
      return fs.rename(from, to);
    },
  };
});

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadmark-atomic-'));
  steps.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces a file through a temp file in the same folder: write, fsync, rename, fsync the folder', async () => {
    const path = join(dir, 'out.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new 😀\r\n');
    expect(await readFile(path, 'utf8')).toBe('new 😀\r\n');
    expect(await readdir(dir)).toEqual(['out.json']);
    const folder = dir.split(/[\\/]/).pop();
    expect(steps).toEqual(['open temp', 'fsync temp', 'rename temp → out.json', `open ${folder}`, `fsync ${folder}`]);
  });

  it('writes bytes, and pieces of text and bytes in order (sync or async), as one file', async () => {
    const bytes = join(dir, 'bytes.bin');
    await writeFileAtomic(bytes, new Uint8Array([0, 1, 255]));
    expect([...(await readFile(bytes))]).toEqual([0, 1, 255]);

    const pieces = join(dir, 'pieces.txt');
    const big = 'x'.repeat(1024 * 1024);
    await writeFileAtomic(pieces, ['a', new TextEncoder().encode('é'), big, 'z']);
    expect(await readFile(pieces, 'utf8')).toBe(`aé${big}z`);

    async function* lines() {
      for (let i = 0; i < 3; i++) yield `line ${i}\n`;
    }
    const streamed = join(dir, 'streamed.txt');
    await writeFileAtomic(streamed, lines());
    expect(await readFile(streamed, 'utf8')).toBe('line 0\nline 1\nline 2\n');
  });

  it('a write that fails halfway leaves the old file intact and no temp file behind', async () => {
    const path = join(dir, 'bundle.json');
    await writeFile(path, 'the old bundle');
    function* failing() {
      yield 'x'.repeat(2 * 1024 * 1024); // written to the temp file before the failure
      throw new Error('out of memory building the bundle');
    }
    await expect(writeFileAtomic(path, failing())).rejects.toThrow('out of memory building the bundle');
    expect(await readFile(path, 'utf8')).toBe('the old bundle');
    expect(await readdir(dir)).toEqual(['bundle.json']);
    expect(steps).not.toContain('rename temp → bundle.json');
  });

  it('a target that cannot be replaced (a folder) rejects, and leaves no temp file behind', async () => {
    const target = join(dir, 'is-a-dir');
    await writeFile(join(dir, 'keep'), 'keep');
    await mkdir(target);
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['is-a-dir', 'keep']);
    expect(await readFile(join(dir, 'keep'), 'utf8')).toBe('keep');
  });

  it('a folder that does not exist rejects with the fs error', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'out.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('two writes at once to one file each write a whole file (temp names never collide)', async () => {
    const path = join(dir, 'out.txt');
    const a = 'a'.repeat(100_000);
    const b = 'b'.repeat(100_000);
    await Promise.all([writeFileAtomic(path, a), writeFileAtomic(path, b)]);
    expect([a, b]).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['out.txt']);
  });
});

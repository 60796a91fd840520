import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { nodeIo } from './node-io';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadmark-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('nodeIo', () => {
  it('replaces a file through a temp file and leaves no temp behind', async () => {
    const path = join(dir, 'out.csv');
    await writeFile(path, 'old');
    await nodeIo.writeFile(path, 'new 😀\r\n');
    expect(await readFile(path, 'utf8')).toBe('new 😀\r\n');
    expect(await readdir(dir)).toEqual(['out.csv']);
  });

  it('cleans up and rejects when the target cannot be replaced', async () => {
    const target = join(dir, 'is-a-dir');
    await writeFile(join(dir, 'keep'), '');
    await mkdir(target);
    await expect(nodeIo.writeFile(target, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['is-a-dir', 'keep']);
  });

  it('reads UTF-8 and refuses bytes that are not UTF-8', async () => {
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    await writeFile(good, '\ufeff{"a":"é"}');
    await writeFile(bad, Buffer.from([0x7b, 0xff, 0x7d]));
    expect(await nodeIo.readFile(good)).toBe('\ufeff{"a":"é"}');
    await expect(nodeIo.readFile(bad)).rejects.toThrow('not valid UTF-8 text');
    await expect(nodeIo.readFile(join(dir, 'none'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

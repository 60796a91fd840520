import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { backupName } from '@shared/backup/backup-name';
import { KEEP_LATEST } from '@shared/backup/retention';
import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';

import { backupFiles, MANIFEST_FILE } from './backup-files';

const PROJECT = 'threadmark-project-abc';
const bundle = exampleBundle();
const counts = { posts: bundle.posts.length, codings: bundle.codings.length };
const gz = (text: string): Uint8Array => new Uint8Array(gzipSync(Buffer.from(text, 'utf8')));

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'threadmark-backups-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('backupFiles (main)', () => {
  it('writes a verified backup into the project folder, lists and reads it back byte for byte, leaving no temp file', async () => {
    const files = backupFiles(root);
    const name = backupName('2026-12-07T10:00:00.000Z', counts);
    const bytes = gz(serializeBundle(bundle));
    const written = await files.write(PROJECT, name, bytes);
    expect(written).toEqual({ ok: true, value: { name, at: '2026-12-07T10:00:00.000Z', ...counts } });
    expect(await readdir(join(root, PROJECT))).toEqual([name]);
    expect((await files.list(PROJECT)).map((b) => b.name)).toEqual([name]);
    const read = await files.read(PROJECT, name);
    expect(read.ok && Buffer.from(read.value).equals(Buffer.from(bytes))).toBe(true);
  });

  it('accepts what the renderer writes: gzip by CompressionStream', async () => {
    const stream = new Blob([serializeBundle(bundle)]).stream().pipeThrough(new CompressionStream('gzip'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect((await backupFiles(root).write(PROJECT, backupName('2026-12-07T10:00:00.000Z', counts), bytes)).ok).toBe(true);
  });

  it('refuses, and keeps nothing of, a backup that does not read back as the bundle its name states', async () => {
    const files = backupFiles(root);
    const lying = backupName('2026-12-07T10:00:00.000Z', { ...counts, codings: counts.codings + 5 });
    const result = await files.write(PROJECT, lying, gz(serializeBundle(bundle)));
    expect(result.ok ? '' : result.error).toMatch(/holds \d+ posts and \d+ codings/);
    const truncated = await files.write(PROJECT, backupName('2026-12-07T10:00:01.000Z', counts), gz(serializeBundle(bundle)).slice(0, 200));
    expect(truncated.ok).toBe(false);
    expect(await files.list(PROJECT)).toEqual([]);
  });

  it('rotates: after the 12th backup of one hour, the newest 10 remain (older ones of that day go)', async () => {
    const files = backupFiles(root, () => '2026-12-07T12:00:00.000Z');
    const bytes = gz(serializeBundle(bundle));
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
      const name = backupName(`2026-12-07T11:${String(10 + i)}:00.000Z`, counts);
      names.push(name);
      expect((await files.write(PROJECT, name, bytes)).ok).toBe(true);
    }
    const left = (await files.list(PROJECT)).map((b) => b.name);
    expect(left).toHaveLength(KEEP_LATEST);
    expect(left).toEqual(names.slice(2).reverse());
  });

  it('never builds a path from a project key or name that is not one', async () => {
    const files = backupFiles(root);
    await expect(files.list('../etc')).rejects.toThrow('not a project key');
    expect((await files.read(PROJECT, '../../secret')).ok).toBe(false);
    expect((await files.write(PROJECT, 'evil.txt', new Uint8Array())).ok).toBe(false);
  });

  it('keeps the manifest beside the backups, atomically; none yet reads as null', async () => {
    const files = backupFiles(root);
    expect(await files.readManifest()).toBeNull();
    await files.writeManifest('{"a":1}');
    expect(await files.readManifest()).toBe('{"a":1}');
    await writeFile(join(root, 'stray.txt'), 'x');
    expect((await readdir(root)).sort()).toEqual([MANIFEST_FILE, 'stray.txt']);
  });
});

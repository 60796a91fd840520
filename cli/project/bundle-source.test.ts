import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { checkBundleBounded } from '@shared/bundle/check-bundle-bounded';
import { exampleBundleJson } from '@shared/bundle/fixtures.test-helpers';
import { readBundleChunks } from '@shared/bundle/read-bundle-stream';

import { nodeImportIo } from '../import/import-io';
import { bundleFileSource } from './bundle-source';

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

/** The example with its codings in their posts' order (the canonical layout). */
function canonicalText(breakIt: (b: ReturnType<typeof exampleBundleJson>) => void = () => {}): string {
  const b = exampleBundleJson();
  const rank = new Map(b.posts.map((p, i) => [p.id, i]));
  b.codings.sort((x, y) => rank.get(x.postId)! - rank.get(y.postId)!);
  breakIt(b);
  // A BOM too: the file's offsets and the reader's differ by it.
  return `\uFEFF${JSON.stringify(b, null, 2)}\n`;
}

describe('bundleFileSource', () => {
  it('reads a bundle file bounded through node:fs ranges, one reused buffer per cursor', async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'tm-source-'));
    const path = join(dir, 'b.threadmark.json');
    await writeFile(path, canonicalText());
    const whole: string[] = [];
    const read = await checkBundleBounded(await bundleFileSource(nodeImportIo, path), null, (why) => whole.push(why));
    expect(whole).toEqual([]);
    expect(read.ok && read.value.counts).toMatchObject({ posts: 3, codings: 5, threads: 2 });
  });

  it('gives the problems readBundleChunks gives, bounded', async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'tm-source-'));
    const path = join(dir, 'b.threadmark.json');
    await writeFile(path, canonicalText((b) => void (b.codings[4]!.quote = 'nope')));
    const whole: string[] = [];
    const read = await checkBundleBounded(await bundleFileSource(nodeImportIo, path), null, (why) => whole.push(why));
    const expected = await readBundleChunks(nodeImportIo.readChunks(path), null);
    expect(whole).toEqual([]);
    expect(read.ok).toBe(false);
    expect(read.ok ? null : read.error).toEqual(expected.ok ? null : expected.error);
  });
});

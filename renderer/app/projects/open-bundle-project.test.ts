import 'fake-indexeddb/auto';

import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { projectBundle } from '@shared/project/queries/project-bundle';

import { bundleFileBytes } from '../../db/bundle-io';
import { openProject } from '../../db/registry/projects';
import { ProjectRegistryDB } from '../../db/registry/registry-db';
import { storeOf } from '../../db/run-in-project';
import { APP, sampleBundle, testClock, testIds } from '../../db/testing/test-support';
import type { Platform } from '../../platform/platform';
import { openBundleProject } from './open-bundle-project';

const ADA = { id: 'coder-ada', name: 'Ada' };
/** The limits a test injects in place of V8's ~512 MB string limit: pieces of 16 KB, no whole-text fallback past 16 KB. */
const SMALL = { chunkBytes: 16 * 1024, textFallbackBytes: 16 * 1024 };

let registry: ProjectRegistryDB;
beforeEach(() => {
  registry = new ProjectRegistryDB(`threadmark-projects-open-${crypto.randomUUID()}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const entry of await registry.projects.toArray()) await Dexie.delete(entry.dbName);
  await registry.delete();
});

/** The sample project with 2,000 more posts: about 40 times the injected limit. */
function largeBundle(): Bundle {
  const bundle = sampleBundle();
  const extra = Array.from({ length: 2000 }, (_, i) => ({ ...bundle.posts[1]!, id: `p-extra-${i}`, parentId: 'p-b1', text: `Reply ${i} 👩‍👩‍👧 ${'word '.repeat(60)}`, platformId: null }));
  // In the thread of p-b1, before the second thread's post: the order a project exports.
  return { ...bundle, posts: [...bundle.posts.slice(0, 3), ...extra, ...bundle.posts.slice(3)] };
}

const picking = (name: string, bytes: Uint8Array) => ({ openBinaryFile: async () => ({ ok: true as const, value: { name, bytes } }) }) as unknown as Platform;

/** The longest string any TextDecoder makes while `fn` runs: a whole-file string would be the file's length. */
async function longestDecoded<T>(fn: () => Promise<T>): Promise<{ value: T; longest: number }> {
  let longest = 0;
  const decode = TextDecoder.prototype.decode;
  vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (this: TextDecoder, ...args: Parameters<TextDecoder['decode']>) {
    const text = decode.apply(this, args);
    longest = Math.max(longest, text.length);
    return text;
  });
  const value = await fn();
  vi.restoreAllMocks();
  return { value, longest };
}

describe('Open a project bundle', () => {
  it('opens a bundle far larger than the injected string limit, read in pieces without a whole-file string', async () => {
    const bundle = largeBundle();
    const bytes = bundleFileBytes(bundle);
    expect(bytes.length).toBeGreaterThan(40 * SMALL.chunkBytes);
    const announce = vi.fn();
    const { value: opened, longest } = await longestDecoded(() => openBundleProject({ platform: picking('big.threadmark.json', bytes), announce }, registry, ADA, { clock: testClock(), ids: testIds('p') }, SMALL));
    // Pieces and single records are decoded, never the file: the longest string is a small part of it.
    expect(longest).toBeLessThan(bytes.length / 20);
    expect(announce).not.toHaveBeenCalled();
    if (opened === null || !('entry' in opened)) throw new Error(`not opened: ${JSON.stringify(opened)}`);
    const project = await openProject(registry, opened.entry, ADA, { clock: testClock(), ids: testIds('q') });
    const stored = await storeOf(project.db).read((reader) => projectBundle(reader, { exportedAt: bundle.exportedAt, app: APP }));
    project.db.close();
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.posts.map((p) => p.id)).toEqual(bundle.posts.map((p) => p.id));
    expect(stored.value.posts[1000]!.text).toBe(bundle.posts[1000]!.text);
    expect(stored.value.codings).toHaveLength(bundle.codings.length);
  }, 30_000);

  it('refuses a broken file past the limit with the streamed message, decoding no whole-file string and creating nothing', async () => {
    const bytes = bundleFileBytes(largeBundle());
    const broken = bytes.slice(0, bytes.length - 40);
    const { value: opened, longest } = await longestDecoded(() => openBundleProject({ platform: picking('cut.threadmark.json', broken), announce: vi.fn() }, registry, ADA, { clock: testClock(), ids: testIds('p') }, SMALL));
    expect(longest).toBeLessThan(broken.length / 20);
    expect(opened).toMatchObject({ fileName: 'cut.threadmark.json' });
    expect(opened !== null && 'problems' in opened && opened.problems.length).toBe(1);
    expect(await registry.projects.count()).toBe(0);
  });

  it('names every problem of a small invalid bundle and creates nothing', async () => {
    const bundle = sampleBundle();
    const invalid = { ...bundle, codings: [{ ...bundle.codings[0]!, postId: 'p-nowhere' }] };
    const opened = await openBundleProject({ platform: picking('bad.threadmark.json', new TextEncoder().encode(JSON.stringify(invalid))), announce: vi.fn() }, registry, ADA, { clock: testClock(), ids: testIds('p') });
    expect(opened !== null && 'problems' in opened ? opened.problems.join('\n') : '').toContain('p-nowhere');
    expect(await registry.projects.count()).toBe(0);
  });
});

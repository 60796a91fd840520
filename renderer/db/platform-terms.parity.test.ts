import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { validateBundle } from '@shared/bundle/validate';
import { runPlatformScript } from '@shared/platform/platform-script.test-helpers';
import { MemoryProjectStore } from '@shared/project/memory-store';

import { DexieProjectStore } from './dexie-project-store';
import { freshDb, testClock, testIds } from './testing/test-support';

describe('platform terms, deletions, ids-only and quotes: one core, two adapters', () => {
  it('the same script through Dexie and the bundle adapter gives the same bundle, ids-only file and quote report', async () => {
    const db = freshDb();
    const viaDexie = await runPlatformScript(new DexieProjectStore(db), { clock: testClock(), ids: testIds() });
    const viaBundle = await runPlatformScript(new MemoryProjectStore(), { clock: testClock(), ids: testIds() });
    expect(viaDexie).toEqual(viaBundle);

    // What both computed is what the script meant: one tombstone kept in the tree, a valid bundle.
    const bundle = JSON.parse(viaDexie.bundle) as { posts: Array<{ deletedOnPlatform?: string; text: string }>; project: { deletionLog: unknown[] } };
    expect(validateBundle(bundle).ok).toBe(true);
    expect(bundle.posts.filter((p) => p.deletedOnPlatform).map((p) => p.text)).toEqual(['']);
    expect(bundle.project.deletionLog).toHaveLength(1);
    expect(viaDexie.quotes.split('\r\n')[1]).toContain('Honour deletions within 30 days');
    const undone = JSON.parse(viaDexie.undone) as { posts: Array<{ deletedOnPlatform?: string }> };
    expect(undone.posts.some((p) => p.deletedOnPlatform)).toBe(false);
    await db.delete();
  });
});

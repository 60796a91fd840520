import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { runMemosAttributesScript } from '@shared/analysis/attributes/memos-attributes-script.test-helpers';
import { MemoryProjectStore } from '@shared/project/memory-store';

import { DexieProjectStore } from './dexie-project-store';
import { freshDb, testClock, testIds } from './testing/test-support';

describe('memos and attributes: one core, two adapters', () => {
  it('the same script through Dexie and through the bundle adapter gives the same bundle, attribute tables, CSV and memo list', async () => {
    const db = freshDb();
    const viaDexie = await runMemosAttributesScript(new DexieProjectStore(db), { clock: testClock(), ids: testIds() });
    const viaBundle = await runMemosAttributesScript(new MemoryProjectStore(), { clock: testClock(), ids: testIds() });
    expect(viaDexie).toEqual(viaBundle);

    // And what both computed is what the script meant.
    const tables = JSON.parse(viaDexie.attributes) as { author: { cases: Array<{ subject: string; values: Record<string, unknown> }> } };
    expect(tables.author.cases.map((c) => [c.subject, c.values.posts, c.values.Stance ?? null, c.values.Age ?? null])).toEqual([
      ['ann', 1, null, 34],
      ['ben', 1, 'pro', 51.5],
      ['cem', 1, 'neutral', null],
      ['dee', 1, null, null],
      ['op', 1, null, null],
    ]);
    expect(viaDexie.authorCsv.split('\r\n')[0]).toBe('author,platform,posts,threads,first post,subreddit,Stance,Age');
    const memos = JSON.parse(viaDexie.memos) as Array<{ kind: string; text: string }>;
    expect(memos.map((m) => m.kind)).toEqual(['project', 'thread', 'post', 'coding', 'code']);
    expect(viaDexie.bundle).toContain('"attributeValues"');
    await db.delete();
  });
});

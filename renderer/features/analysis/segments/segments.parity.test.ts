import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { retrieveSegments } from '@shared/analysis/segments/retrieve-segments';
import type { SegmentQuery } from '@shared/analysis/segments/segment-query';
import { randomBundleText } from '@shared/analysis/segments/segments-fixture.test-helpers';
import { parseBundleText } from '@shared/bundle/validate';
import { storeFromBundle } from '@shared/project/bundle-store';

import { DexieProjectStore } from '../../../db/dexie-project-store';
import { importBundle } from '../../../db/project-store';
import { freshDb, testClock, testIds } from '../../../db/testing/test-support';

const QUERIES: SegmentQuery[] = [
  { codeId: 'c-fallacy', includeSubcodes: true },
  { codeId: 'c-adhom', includeSubcodes: true, combine: { kind: 'overlap', codeId: 'c-derail', includeSubcodes: false }, coderIds: ['coder-ben'] },
  { codeId: 'c-irony', includeSubcodes: false, combine: { kind: 'near', codeId: 'c-fallacy', includeSubcodes: true, within: 4 } },
  { codeId: 'c-derail', includeSubcodes: false, combine: { kind: 'not', codeId: 'c-irony', includeSubcodes: false }, platforms: ['reddit'], month: '2025-02' },
  { codeId: 'c-straw', includeSubcodes: false, combine: { kind: 'and-same-post', codeId: 'c-derail', includeSubcodes: false }, authors: ['ana', 'cy'], to: '2025-03-01' },
];

describe('Segments: the app (Dexie) and the CLI (bundle) give the same rows', () => {
  it('for every kind of query, on the same project', async () => {
    const text = await randomBundleText(23, { threads: 5, postsPerThread: 12, codingsPerPost: 5 });
    const parsed = parseBundleText(text);
    if (!parsed.ok) throw new Error('invalid bundle');
    const db = freshDb();
    await importBundle(db, parsed.value, { clock: testClock(), ids: testIds() });
    const app = new DexieProjectStore(db);
    const cli = storeFromBundle(parsed.value);
    for (const query of QUERIES) {
      const viaApp = await app.read((r) => retrieveSegments(r, query, { limit: 1e6 }));
      const viaCli = await cli.read((r) => retrieveSegments(r, query, { limit: 1e6 }));
      if (!viaApp.ok || !viaCli.ok) throw new Error('refused');
      expect(viaApp.value.total, JSON.stringify(query)).toBeGreaterThan(0);
      expect(viaApp.value).toEqual(viaCli.value);
    }
    await db.delete();
  });
});

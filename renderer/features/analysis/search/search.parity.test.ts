import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { searchProject } from '@shared/analysis/search/search-project';
import type { SearchRequest } from '@shared/analysis/search/search-request';
import { randomBundleText } from '@shared/analysis/segments/segments-fixture.test-helpers';
import { parseBundleText } from '@shared/bundle/validate';
import { storeFromBundle } from '@shared/project/bundle-store';

import { DexieProjectStore } from '../../../db/dexie-project-store';
import { importBundle } from '../../../db/project-store';
import { freshDb, testClock, testIds } from '../../../db/testing/test-support';
import { memoryIndexStore } from './search-session.test-helpers';
import { SearchSession } from './search-session';

const REQUESTS: SearchRequest[] = [
  { query: 'why' },
  { query: 'uber so*' },
  { query: '"what too"', filters: { platforms: ['mastodon'] } },
  { query: 'über', caseSensitive: true, ignoreDiacritics: false },
  { query: 'never|always', regex: true, filters: { authors: ['ana', 'cy'], from: '2025-02-01', to: '2025-03-15' } },
  { query: 'mean', filters: { coded: { mode: 'coded', codeId: 'c-derail', coderId: 'coder-ben' } } },
  { query: 'again', filters: { coded: { mode: 'uncoded' }, threadIds: ['t-1', 't-2'] }, limit: 7 },
];

describe('Search: the app (Worker session over Dexie) and the CLI (bundle) give the same hits', () => {
  it('for words, phrases, prefixes, regular expressions and every filter, on the same project', async () => {
    const parsed = parseBundleText(await randomBundleText(11, { threads: 5, postsPerThread: 15, codingsPerPost: 3 }));
    if (!parsed.ok) throw new Error('invalid bundle');
    const db = freshDb();
    await importBundle(db, parsed.value, { clock: testClock(), ids: testIds() });
    const app = new SearchSession(new DexieProjectStore(db), memoryIndexStore());
    const cli = storeFromBundle(parsed.value);
    for (const request of REQUESTS) {
      const viaApp = await app.search(request);
      const viaCli = await cli.read((r) => searchProject(r, request));
      if (!viaApp.ok || !viaCli.ok) throw new Error(`refused: ${JSON.stringify(request)}`);
      expect(viaApp.value.postCount, JSON.stringify(request)).toBeGreaterThan(0);
      expect(viaApp.value).toEqual(viaCli.value);
    }
    await db.delete();
  });
});

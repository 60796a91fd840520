import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { corpusIndex } from '@shared/analysis/search/search.test-helpers';

import { indexedDbIndexStore } from './index-store';

describe('the index kept in IndexedDB', () => {
  it('is null before the first save, then what was saved, typed arrays included, per project database', async () => {
    const store = indexedDbIndexStore('project-a');
    expect(await store.load()).toBeNull();
    const saved = corpusIndex().serialize();
    await store.save(saved);
    const loaded = await store.load();
    expect(loaded).toEqual(saved);
    expect(loaded!.segments[0]!.postings).toBeInstanceOf(Int32Array);
    expect(await indexedDbIndexStore('project-b').load()).toBeNull();
  });
});

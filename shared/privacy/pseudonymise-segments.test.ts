import { describe, expect, it } from 'vitest';

import { retrieveSegments } from '../analysis/segments/retrieve-segments';
import { storeFromBundle } from '../project/bundle-store';
import { codedDemo } from './demo-fixture.test-helpers';
import { pseudonymiseBundle } from './pseudonymise-bundle';
import { aliasNamesIn, pseudonymiseSegmentRows } from './pseudonymise-segments';

describe('pseudonymiseSegmentRows', () => {
  it('gives the rows retrieved from the project exactly the rows retrieved from its pseudonymised bundle', async () => {
    const demo = codedDemo();
    const code = demo.codings[0]!.codeId;
    const query = { codeId: code, includeSubcodes: false };
    const pseudonymised = pseudonymiseBundle(demo, 'ef'.repeat(32)).bundle;
    const all = { limit: Number.MAX_SAFE_INTEGER };
    const real = await storeFromBundle(demo).read((r) => retrieveSegments(r, query, all));
    const expected = await storeFromBundle(pseudonymised).read((r) => retrieveSegments(r, query, all));
    if (!real.ok || !expected.ok) throw new Error('retrieval failed');
    expect(real.value.rows.length).toBe(demo.codings.length);
    // Row for row (the report keeps the project's reading order; ties may order otherwise once offsets move).
    const byId = (rows: readonly { codingId: string }[]) => [...rows].sort((a, b) => (a.codingId < b.codingId ? -1 : 1));
    const got = byId(pseudonymiseSegmentRows(real.value.rows, pseudonymised));
    const want = byId(expected.value.rows);
    for (let i = 0; i < want.length; i++) expect(got[i]).toEqual(want[i]);
    expect(JSON.stringify(expected.value.rows)).not.toContain('quietlantern');
  });

  it('puts aliases for the names in a report header line', () => {
    const key = [{ alias: 'Author 0001', identity: 'x:jack', names: ['@jack', 'jack'] }];
    expect(aliasNamesIn('author: jack, jackson; thread by @jack', key)).toBe('author: Author 0001, jackson; thread by Author 0001');
  });
});

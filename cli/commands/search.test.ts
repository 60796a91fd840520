import { describe, expect, it } from 'vitest';

import { searchProject } from '@shared/analysis/search/search-project';
import type { SearchRequest } from '@shared/analysis/search/search-request';
import { randomBundleText } from '@shared/analysis/segments/segments-fixture.test-helpers';
import { parseBundleText } from '@shared/bundle/validate';
import { storeFromBundle } from '@shared/project/bundle-store';

import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { run } from '../run';

const FILE = 'p.threadmark.json';

async function cli(args: string[]) {
  const text = await randomBundleText(11, { threads: 5, postsPerThread: 15, codingsPerPost: 3 });
  const m = memoryImportIo({ [FILE]: text });
  const status = await run(['search', FILE, ...args], m.io);
  return { status, stdout: m.stdout(), stderr: m.stderr(), text };
}

/** The core's answer on the same file, read as the CLI reads it (the app's is the same: search.parity.test.ts). */
async function core(text: string, request: SearchRequest) {
  const parsed = parseBundleText(text);
  if (!parsed.ok) throw new Error('invalid bundle');
  const result = await storeFromBundle(parsed.value).read((r) => searchProject(r, request));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('threadmark search', () => {
  it.each([
    [['why'], { query: 'why' }],
    [['"what too" ub*', '--limit', '3'], { query: '"what too" ub*', limit: 3 }],
    [['Über', '--case-sensitive', '--diacritics-sensitive'], { query: 'Über', caseSensitive: true, ignoreDiacritics: false }],
    [['nev(er)?', '--regex', '--platform', 'mastodon', '--author', 'ana,cy', '--from', '2025-02-01'], { query: 'nev(er)?', regex: true, filters: { platforms: ['mastodon'], authors: ['ana', 'cy'], from: '2025-02-01' } }],
    [['again', '--uncoded', '--thread', 't-1,t-2'], { query: 'again', filters: { coded: { mode: 'uncoded' }, threadIds: ['t-1', 't-2'] } }],
  ] as Array<[string[], SearchRequest]>)('%j --json prints the core’s hits', async (args, request) => {
    const out = await cli([...args, '--json']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as { postCount: number; truncated: boolean; hitCount: number; hits: unknown[] };
    const expected = await core(out.text, request);
    expect(json.hits).toEqual(expected.hits);
    expect({ postCount: json.postCount, truncated: json.truncated, hitCount: json.hitCount }).toEqual({ postCount: expected.postCount, truncated: expected.truncated, hitCount: expected.hits.length });
  });

  it('prints one keyword-in-context line per hit and a count', async () => {
    const out = await cli(['mean', '--limit', '2']);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^t-\d\/p-\d-\d+ \d+-\d+ {2}.*\[mean\]/);
    expect(lines[2]).toMatch(/^the first 2 hits of \d+ matching posts \(raise --limit for more\)$/);
  });

  it('refuses a bad query, a bad limit and a missing query with a clear message', async () => {
    const regex = await cli(['(unclosed', '--regex']);
    expect(regex.status).toBe(1);
    expect(regex.stderr).toMatch(/^threadmark: search query: the regular expression is invalid: /);
    const empty = await cli(['  ']);
    expect(empty.stderr).toMatch(/the query is empty/);
    const limit = await cli(['why', '--limit', '0']);
    expect(limit.status).toBe(2);
    expect(limit.stderr).toMatch(/--limit must be a whole number/);
    const missing = await run(['search', FILE], memoryImportIo({}).io);
    expect(missing).toBe(2);
  });
});

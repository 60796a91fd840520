import { describe, expect, it } from 'vitest';

import { retrieveSegments } from '@shared/analysis/segments/retrieve-segments';
import type { SegmentQuery } from '@shared/analysis/segments/segment-query';
import { segmentsCsv } from '@shared/analysis/segments/segments-csv';
import { randomBundleText } from '@shared/analysis/segments/segments-fixture.test-helpers';
import { parseBundleText } from '@shared/bundle/validate';
import { storeFromBundle } from '@shared/project/bundle-store';

import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { run } from '../run';

const FILE = 'p.threadmark.json';

/** Identified: these tests are about the query (printed-privacy.test.ts: the pseudonymised default). */
async function cli(args: string[]) {
  const text = await randomBundleText(11, { threads: 4, postsPerThread: 15, codingsPerPost: 6 });
  const m = memoryImportIo({ [FILE]: text });
  const status = await run(['segments', FILE, '--identified', ...args], m.io);
  return { status, stdout: m.stdout(), stderr: m.stderr(), text };
}

/** What the core gives on the same file, read as the CLI reads it. */
async function core(text: string, query: SegmentQuery) {
  const parsed = parseBundleText(text);
  if (!parsed.ok) throw new Error('invalid bundle');
  const result = await storeFromBundle(parsed.value).read((r) => retrieveSegments(r, query, { limit: 1e9 }));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('threadmark segments', () => {
  it.each([
    [['--code', 'Fallacy', '--subcodes'], { codeId: 'c-fallacy', includeSubcodes: true }],
    [['--code', 'Fallacy > Ad hominem', '--overlap', 'Derailing', '--coder', 'ADA'], { codeId: 'c-adhom', includeSubcodes: false, coderIds: ['coder-ada'], combine: { kind: 'overlap', codeId: 'c-derail', includeSubcodes: false } }],
    [['--code', 'Irony', '--near', 'Derailing', '--within', '5', '--thread', 't-0,t-2'], { codeId: 'c-irony', includeSubcodes: false, threadIds: ['t-0', 't-2'], combine: { kind: 'near', codeId: 'c-derail', includeSubcodes: false, within: 5 } }],
    [['--code', 'Derailing', '--not', 'Fallacy', '--subcodes', '--month', '2025-02'], { codeId: 'c-derail', includeSubcodes: true, month: '2025-02', combine: { kind: 'not', codeId: 'c-fallacy', includeSubcodes: true } }],
    [['--code', 'Derailing', '--and', 'Irony', '--platform', 'mastodon', '--from', '2025-01-10'], { codeId: 'c-derail', includeSubcodes: false, platforms: ['mastodon'], from: '2025-01-10', combine: { kind: 'and-same-post', codeId: 'c-irony', includeSubcodes: false } }],
  ] as Array<[string[], SegmentQuery]>)('%j --json prints the core’s rows for that query', async (args, query) => {
    const out = await cli([...args, '--json']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    const expected = await core(out.text, query);
    expect(expected.total).toBeGreaterThan(0);
    expect(JSON.parse(out.stdout)).toEqual({ query: expected.description, total: expected.total, rows: expected.rows });
  });

  it('lists segments as text blocks and counts them; --limit shows the first rows', async () => {
    const out = await cli(['--code', 'Fallacy', '--subcodes', '--limit', '2']);
    expect(out.status).toBe(0);
    const { total, rows } = await core(out.text, { codeId: 'c-fallacy', includeSubcodes: true });
    const blocks = out.stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(3);
    expect(blocks[0]!.split('\n')[0]).toBe(`${rows[0]!.threadTitle} · post ${rows[0]!.postId} · ${rows[0]!.author} · ${rows[0]!.postCreatedAt ?? 'no time'} · ${rows[0]!.codePath} · ${rows[0]!.coderName} · ${rows[0]!.start}–${rows[0]!.end}`);
    expect(blocks[0]).toContain(`[${rows[0]!.quote}]`);
    expect(blocks[2]).toBe(`${total} segments: Fallacy (with sub-codes) (first 2 shown)`);
  });

  it('--csv writes the Segments CSV of the core’s rows, --spreadsheet-safe its safe form', async () => {
    const out = await cli(['--code', 'Irony', '--csv']);
    expect(out.status).toBe(0);
    const { rows } = await core(out.text, { codeId: 'c-irony', includeSubcodes: false });
    expect(out.stdout).toBe(segmentsCsv(rows));
    expect(out.stdout.split('\r\n').filter((l) => l !== '').length).toBeGreaterThanOrEqual(rows.length + 1);
    const safe = await cli(['--code', 'Irony', '--csv', '--spreadsheet-safe']);
    expect(safe.stdout).toBe(segmentsCsv(rows, { spreadsheetSafe: true }));
  });

  it.each([
    [['--code', 'Nope'], 1, 'threadmark: --code: code path "Nope" does not exist\n'],
    [['--code', 'Irony', '--and', 'Fallacy > Nope'], 1, 'threadmark: --and: code path "Fallacy > Nope" does not exist\n'],
    [['--code', 'Irony', '--coder', 'Zed'], 1, 'threadmark: --coder: no coder is named "Zed" (coders: Ada, Ben, Cem)\n'],
    [['--code', 'Irony', '--from', 'soon'], 1, 'threadmark: --from: "soon" is neither a date (2025-03-12) nor a time with its zone (2025-03-12T09:30:00Z)\n'],
  ])('%j fails with a clear message', async (args, status, message) => {
    const out = await cli(args);
    expect(out.status).toBe(status);
    expect(out.stderr).toBe(message);
    expect(out.stdout).toBe('');
  });

  it.each([
    [[], 'missing --code PATH'],
    [['--code', 'Irony', '--and', 'A', '--not', 'B'], 'give one of --and, --overlap, --near, --not (got --and and --not)'],
    [['--code', 'Irony', '--near', 'Derailing'], '--near needs --within N (characters)'],
    [['--code', 'Irony', '--near', 'Derailing', '--within', 'ten'], '--within "ten" is not a whole number of characters'],
    [['--code', 'Irony', '--json', '--csv'], 'give --json or --csv, not both'],
  ])('%j is a usage error', async (args, reason) => {
    const out = await cli(args);
    expect(out.status).toBe(2);
    expect(out.stderr.split('\n')[0]).toBe(`threadmark: ${reason}`);
  });
});

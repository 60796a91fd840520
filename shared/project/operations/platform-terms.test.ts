import { describe, expect, it } from 'vitest';

import { quoteReport, quoteReportCsv } from '../../analysis/quotes/quote-report';
import { applied, runner, smallProject } from '../testing/core-fixtures.test-helpers';
import { setCodingQuoted } from './coding-quoted';
import { addCoding } from './codings';
import { setProjectTerms, setThreadTerms } from './platform-terms';
import { revertEntry } from './revert';

describe('setProjectTerms', () => {
  it('keeps one note per platform or instance (keys lower-cased, blank rows dropped) and the expiry date', async () => {
    const store = smallProject();
    const run = runner(store);
    const done = applied(await run(setProjectTerms, { platformTerms: [{ key: ' Reddit ', terms: ' Honour deletions ' }, { key: '', terms: '' }], expiresAt: '2026-01-31' }));
    expect(done.summary).toBe('Set the platform terms (1 note, expires 2026-01-31)');
    expect(await store.read((r) => r.project())).toMatchObject({ platformTerms: [{ key: 'reddit', terms: 'Honour deletions' }], expiresAt: '2026-01-31' });
    applied(await run(revertEntry, { entryId: done.entry!.id, verb: 'undo' }));
    expect((await store.read((r) => r.project()))!.platformTerms).toBeUndefined();
  });

  it('refuses a bad date, a duplicate key or a note without a key, naming the field', async () => {
    const run = runner(smallProject());
    const messages = await Promise.all([
      run(setProjectTerms, { platformTerms: [], expiresAt: '2026-02-30' }),
      run(setProjectTerms, { platformTerms: [{ key: 'reddit', terms: 'a' }, { key: 'REDDIT', terms: 'b' }], expiresAt: '' }),
      run(setProjectTerms, { platformTerms: [{ key: '', terms: 'orphan note' }], expiresAt: '' }),
    ]);
    expect(messages.map((r) => (r.ok ? 'ok' : `${r.error.record} ${r.error.field}: ${r.error.message}`))).toEqual([
      'project expiresAt: expected a date written YYYY-MM-DD, got "2026-02-30"',
      'platform terms 2 key: “reddit” is listed twice',
      'platform terms 1 key: name the platform or instance these terms are for',
    ]);
  });
});

describe('setThreadTerms', () => {
  it('sets and clears collection time, tool, instance, terms and expiry', async () => {
    const store = smallProject();
    const run = runner(store);
    applied(await run(setThreadTerms, { threadId: 't-1', collectedAt: '2025-02-01T10:00:00Z', collectedWith: '4CAT', instance: 'Mastodon.Social', terms: '', expiresAt: '2025-12-31' }));
    const [t] = await store.read((r) => r.threads());
    expect(t).toMatchObject({ collectedAt: '2025-02-01T10:00:00.000Z', collectedWith: '4CAT', instance: 'mastodon.social', expiresAt: '2025-12-31' });
    expect(t!.terms).toBeUndefined();
    applied(await run(setThreadTerms, { threadId: 't-1', collectedAt: '', collectedWith: '', instance: '', terms: '', expiresAt: '' }));
    const [cleared] = await store.read((r) => r.threads());
    expect(['collectedAt', 'collectedWith', 'instance', 'expiresAt'].filter((k) => k in cleared!)).toEqual([]);
    const bad = await run(setThreadTerms, { threadId: 't-1', collectedAt: 'yesterday-ish', collectedWith: '', instance: '', terms: '', expiresAt: '' });
    expect(bad.ok ? '' : bad.error.field).toBe('collectedAt');
  });
});

describe('quote report', () => {
  it('lists quoted codings, flags only verbatim ones, carries the terms note, and writes a CSV', async () => {
    const store = smallProject();
    const run = runner(store);
    applied(await run(setProjectTerms, { platformTerms: [{ key: 'reddit', terms: 'No verbatim quotes' }], expiresAt: '' }));
    const a = applied(await run(addCoding, { postId: 'p-3', codeId: 'c-false', start: 0, end: 27 })).result;
    const b = applied(await run(addCoding, { postId: 'p-1', codeId: 'c-what', start: 0, end: 19 })).result;
    applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }));
    applied(await run(setCodingQuoted, { codingId: a.id, quoted: 'verbatim' }));
    applied(await run(setCodingQuoted, { codingId: b.id, quoted: 'paraphrased' }));
    const rows = await store.read((r) => quoteReport(r));
    expect(rows.map((r) => [r.quote, r.quoted, r.flags.map((f) => f.kind)])).toEqual([
      ['That is a false equivalence', 'verbatim', ['platform-terms']],
      ['Men are victims too', 'paraphrased', []],
    ]);
    const csv = quoteReportCsv(rows).split('\r\n');
    expect(csv[0]).toBe('coding_id,post_id,thread_id,thread,platform,code,coder,quoted,quote,flags,flag_details,platform_terms,suggestion');
    expect(csv[1]).toContain(',verbatim,That is a false equivalence,,,No verbatim quotes,Check the platform terms before quoting');
    // Not quoted again: the coding leaves the report.
    applied(await run(setCodingQuoted, { codingId: a.id, quoted: 'not-quoted' }));
    expect((await store.read((r) => quoteReport(r))).map((r) => r.codingId)).toEqual([b.id]);
  });
});

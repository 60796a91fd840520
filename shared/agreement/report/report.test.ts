import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS } from '../../model/records';
import type { AgreementReport } from '../units/agreement-report';
import { readingOf } from './reading';
import { REPORT_CSV_HEADER, reportCsv } from './report-csv';
import { reportHtml } from './report-html';
import { intervalKey, reportRows } from './report-rows';

const charReport: AgreementReport = {
  unit: 'char',
  codes: {
    'Backlash > Whataboutism': {
      'Ada|Ben': { kappa: 0.7123, percent_agreement: 0.85, n_chars: 1000, undefined: {} },
    },
    '<script>alert(1)</script>': {
      'Ada|Ben': { kappa: null, percent_agreement: 1, n_chars: 40, undefined: { kappa: 'no variation: neither coder used the code' } },
    },
  },
};

describe('readings', () => {
  it("reads α by Krippendorff's thresholds (2004, p. 241)", () => {
    expect(readingOf('alpha_nominal', 0.8)).toBe('reliable');
    expect(readingOf('u_alpha', 0.7999)).toBe('tentative');
    expect(readingOf('cu_alpha', 0.667)).toBe('tentative');
    expect(readingOf('alpha_interval', 0.666)).toBe('unreliable');
  });

  it('reads κ by Landis & Koch (1977) and leaves other coefficients unread', () => {
    expect(readingOf('cohen_kappa', 0.81)).toBe('almost perfect');
    expect(readingOf('kappa', 0.61)).toBe('substantial');
    expect(readingOf('fleiss_kappa', -0.1)).toBe('poor');
    expect(readingOf('percent_agreement', 0.9)).toBeNull();
    expect(readingOf('kappa', null)).toBeNull();
  });
});

describe('report rows', () => {
  it('flattens a char report: one row per coefficient, the reason where a value is undefined', () => {
    const rows = reportRows(charReport);
    expect(rows.map((r) => [r.code, r.scope, r.pair, r.metric, r.n, r.value, r.reason, r.reading])).toEqual([
      ['Backlash > Whataboutism', 'code', 'Ada|Ben', 'kappa', 1000, 0.7123, null, 'substantial'],
      ['Backlash > Whataboutism', 'code', 'Ada|Ben', 'percent_agreement', 1000, 0.85, null, null],
      ['<script>alert(1)</script>', 'code', 'Ada|Ben', 'kappa', 40, null, 'no variation: neither coder used the code', null],
      ['<script>alert(1)</script>', 'code', 'Ada|Ben', 'percent_agreement', 40, 1, null, null],
    ]);
  });

  it('attaches bootstrap intervals by code and coefficient', () => {
    const report: AgreementReport = {
      unit: 'unitized',
      codes: { Derailing: { u_alpha: 0.5, u_alpha_binary: 0.6, undefined: {} } },
      domains: {},
    };
    const interval = { low: 0.4, high: 0.6, level: 0.95, samples: 1000, seed: 1 };
    const rows = reportRows(report, new Map([[intervalKey('Derailing', 'u_alpha'), interval]]));
    expect(rows[0]).toMatchObject({ metric: 'u_alpha', interval, intervalNote: null, reading: 'unreliable' });
    expect(rows[1]).toMatchObject({ metric: 'u_alpha_binary', interval: null, intervalNote: null });
  });
});

describe('report files', () => {
  it('writes the CSV with unrounded numbers and blank cells for missing values', () => {
    const table = parse(reportCsv(reportRows(charReport))) as string[][];
    expect(table[0]).toEqual([...REPORT_CSV_HEADER]);
    expect(table[1]).toEqual(['Backlash > Whataboutism', 'Ada|Ben', 'kappa', '1000', '0.7123', '', '', '', 'substantial', '', '']);
    expect(table[3]?.[4]).toBe('');
    expect(table[3]?.[9]).toBe('no variation: neither coder used the code');
  });

  it('writes a self-contained HTML report in which user text cannot become markup', () => {
    const html = reportHtml(reportRows(charReport), { title: 'Agreement <b>', unit: 'char', coders: ['Ada', 'Ben & Co'], createdAt: '2026-11-24T10:00:00Z', app: 'Threadmark 0.1.0' }, ['kappa', 'percent_agreement']);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Ben &amp; Co');
    expect(html).not.toMatch(/(src|href)=/);
    expect(html).toContain('0.712');
    expect(html).toContain('<svg');
  });

  it('names coefficients as a paper does, one row per code, undefined values footnoted with their reason', () => {
    const html = reportHtml(reportRows(charReport), { title: 'Agreement', unit: 'char', coders: ['Ada', 'Ben'], createdAt: '2026-11-24T10:00:00Z', app: 'Threadmark 0.1.0' }, ['kappa', 'percent_agreement']);
    const headers = [...html.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    expect(headers).toEqual(['Code', 'Coders', 'n characters', 'Cohen’s κ characters', 'Percent agreement']);
    expect(html).not.toContain('>kappa<');
    expect(html.match(/<th scope="row">/g)).toHaveLength(2);
    expect(html).toContain('—<sup>1</sup>');
    expect(html).toContain('<li id="note-1">no variation: neither coder used the code</li>');
  });
});

describe('disagreements', () => {
  it('lists the posts where coders coded a code differently, most disputed first', async () => {
    const { disagreementsFor } = await import('./disagreements');
    const input = {
      posts: [
        { id: 'p1', length: 20 },
        { id: 'p2', length: 20 },
        { id: 'p3', length: 20 },
      ],
      codes: [{ id: 'k', name: 'Derailing', parentId: null, color: '#ff0000', ...EMPTY_CODE_FIELDS, order: 0 }],
      coders: [
        { id: 'a', name: 'Ada' },
        { id: 'b', name: 'Ben' },
      ],
      codings: [
        { postId: 'p1', codeId: 'k', coderId: 'a', start: 0, end: 5 },
        { postId: 'p1', codeId: 'k', coderId: 'b', start: 0, end: 5 },
        { postId: 'p2', codeId: 'k', coderId: 'a', start: 0, end: 10 },
        { postId: 'p2', codeId: 'k', coderId: 'b', start: 5, end: 12 },
        { postId: 'p3', codeId: 'k', coderId: 'b', start: 2, end: 4 },
      ],
    };
    const found = disagreementsFor(input, 'k', ['a', 'b']);
    // p1 agrees exactly; p2 disputes [0,5) and [10,12) = 7 chars; p3 disputes [2,4) = 2 chars.
    expect(found.map((d) => [d.postId, d.disputedChars])).toEqual([
      ['p2', 7],
      ['p3', 2],
    ]);
    expect(found[1]?.byCoder).toEqual([[], [{ start: 2, end: 4 }]]);
  });
});

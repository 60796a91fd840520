/**
 * Names from other people's files in agreement reports: a code named "__proto__" is a row like
 * any other (with `{}` it set the report's prototype and vanished), and `formula` keeps a code
 * or coder name from running as a spreadsheet formula while numbers stay numbers.
 */
import { parse } from 'csv-parse/browser/esm/sync';
import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS } from '../../model/records';
import { agreementReport, AGREEMENT_UNITS } from '../units/agreement-report';
import type { AgreementInput } from '../units/coding-layers';
import { reliabilityMatrixCsv } from '../reliability-matrix-csv';
import { reportCsv } from './report-csv';
import { reportRows } from './report-rows';

const code = (id: string, name: string, order: number) => ({ id, name, parentId: null, color: '#336699', ...EMPTY_CODE_FIELDS, order });

const input: AgreementInput = {
  posts: [{ id: 'p1', length: 20 }, { id: 'p2', length: 20 }],
  codes: [code('a', '__proto__', 0), code('b', '=HYPERLINK("http://x","y")', 1), code('c', 'constructor', 2)],
  coders: [{ id: 'u1', name: '@Ana' }, { id: 'u2', name: '__proto__' }],
  codings: [
    { postId: 'p1', codeId: 'a', coderId: 'u1', start: 0, end: 5 },
    { postId: 'p1', codeId: 'a', coderId: 'u2', start: 0, end: 5 },
    { postId: 'p2', codeId: 'b', coderId: 'u1', start: 0, end: 5 },
    { postId: 'p2', codeId: 'c', coderId: 'u2', start: 2, end: 9 },
  ],
};

describe('agreement reports and names from other files', () => {
  it.each(AGREEMENT_UNITS.filter((u) => u !== 'unitized'))('%s: a code named __proto__ keeps its place in the report, the rows and the CSV', (unit) => {
    const report = agreementReport(input, { unit });
    if (!report.ok) throw new Error(report.error);
    expect(Object.keys(report.value.codes)).toEqual(['__proto__', '=HYPERLINK("http://x","y")', 'constructor']);
    expect(JSON.parse(JSON.stringify(report.value)).codes).toHaveProperty(['__proto__']);
    const codes = new Set(reportRows(report.value).map((r) => r.code));
    expect(codes.has('__proto__')).toBe(true);
    const csvCodes = (parse(reportCsv(reportRows(report.value)), { columns: true }) as Array<{ code: string }>).map((r) => r.code);
    expect(csvCodes).toContain('__proto__');
  });

  it('a coder pair with a coder named __proto__ is kept', () => {
    const report = agreementReport(input, { unit: 'char' });
    if (!report.ok || report.value.unit !== 'char') throw new Error('char report expected');
    expect(Object.keys(report.value.codes['__proto__']!)).toEqual(['@Ana|__proto__']);
  });

  it('formula mode: no cell starts a formula, numbers are unchanged; raw mode keeps the names exactly', () => {
    const report = agreementReport(input, { unit: 'post' });
    if (!report.ok) throw new Error(report.error);
    const rows = reportRows(report.value);
    const safe = parse(reportCsv(rows, 'formula')) as string[][];
    const raw = parse(reportCsv(rows)) as string[][];
    const startsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell));
    expect(safe.flat().filter(startsFormula)).toEqual([]);
    expect(raw.flat().filter(startsFormula).length).toBeGreaterThan(0);
    // Same shape, and every cell that was not a formula is byte for byte the same (numbers included).
    expect(safe.length).toBe(raw.length);
    raw.forEach((row, r) => row.forEach((cell, c) => expect(safe[r]![c]).toBe(startsFormula(cell) ? `'${cell}` : cell)));
  });

  it('the reliability matrix CSV: coder and unit names made safe in formula mode, values kept', () => {
    const data = { units: ['=cmd', 'u2'], coders: ['@Ana', 'Ben'], values: [[1, -1], [null, 2]], scale: 'interval' as const };
    const safe = parse(reliabilityMatrixCsv(data as never, 'formula')) as string[][];
    expect(safe).toEqual([
      ['unit', 'coder', 'value'],
      ["'=cmd", "'@Ana", '1'],
      ["'=cmd", 'Ben', '-1'],
      ['u2', "'@Ana", ''],
      ['u2', 'Ben', '2'],
    ]);
    expect((parse(reliabilityMatrixCsv(data as never)) as string[][])[1]).toEqual(['=cmd', '@Ana', '1']);
  });
});

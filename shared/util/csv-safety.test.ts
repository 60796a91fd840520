import { parse } from 'csv-parse/browser/esm/sync';
import { describe, expect, it } from 'vitest';

import { csvWithSafety, formulaSafeCell, unescapeFormulaCell } from './csv-safety';

/** The rule of reliability.md §3.4, written out naively: which first characters a spreadsheet runs. */
const runsAsFormula = (cell: string): boolean => ['=', '+', '-', '@', '\t', '\r', '\0'].includes(cell[0] ?? '') && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell);

const HOSTILE = ['=HYPERLINK("http://evil","x")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\0=1', "'=already", "''+twice"];
const HARMLESS = ['plain', 'a=b', ' =leading space', '-1', '+3', '-0.25', '1e-5', '', '“quoted”', 'x,y', 'line\nbreak'];

describe('formula-safe CSV cells (OWASP CSV injection)', () => {
  it.each(HOSTILE)('prefixes %j with a quote mark, and no cell of the safe file starts a formula', (cell) => {
    expect(formulaSafeCell(cell)).toBe(`'${cell}`);
    const [row] = parse(csvWithSafety([[cell, 'next']], 'formula'), { relax_quotes: false }) as string[][];
    expect(runsAsFormula(row![0]!)).toBe(false);
    expect(row![0]).toBe(`'${cell}`);
  });

  it.each(HARMLESS)('leaves %j alone: numbers stay numbers', (cell) => {
    expect(formulaSafeCell(cell)).toBe(cell);
  });

  it('quotes every prefixed cell, and raw mode writes every cell exactly', () => {
    const csv = csvWithSafety([['=1+1', 'ok', '-1']], 'formula');
    expect(csv).toBe(`"'=1+1",ok,-1\r\n`);
    expect(csvWithSafety([['=1+1', 'ok']], 'raw')).toBe('=1+1,ok\r\n');
  });

  it('unescaping gives back every cell exactly, hostile or not', () => {
    for (const cell of [...HOSTILE, ...HARMLESS, "'-1", "'plain", "'"]) expect(unescapeFormulaCell(formulaSafeCell(cell))).toBe(cell);
  });
});

import { describe, expect, it } from 'vitest';

import { parseUnitsCsv } from './units-csv';

function parsed(text: string) {
  const result = parseUnitsCsv(text);
  if (!result.ok) throw new Error(result.error.join('\n'));
  return result.value;
}

function problems(text: string): string[] {
  const result = parseUnitsCsv(text);
  if (result.ok) throw new Error('expected problems');
  return result.error;
}

describe('parseUnitsCsv', () => {
  it('reads units and coders in order of appearance; a blank value is missing', () => {
    expect(parsed('unit,coder,value\nu1,A,1\nu1,B,\nu2,B,3\nu2,A, \n')).toEqual({
      units: ['u1', 'u2'],
      coders: ['A', 'B'],
      values: [
        [1, null],
        [null, 3],
      ],
    });
  });

  it('makes values numbers only when every value is a finite decimal number', () => {
    expect(parsed('unit,coder,value\n1,A,1.0\n1,B,1\n2,A,-2.5e1\n2,B,.5\n').values).toEqual([
      [1, 1],
      [-25, 0.5],
    ]);
    // One non-number keeps every value as the text written, so "1" and "1.0" stay different.
    expect(parsed('unit,coder,value\n1,A,1.0\n1,B,1\n2,A,n/a\n').values).toEqual([
      ['1.0', '1'],
      ['n/a', null],
    ]);
    for (const odd of ['0x10', 'Infinity', '1e999', '1,5']) {
      expect(parsed(`unit,coder,value\n1,A,"${odd}"\n1,B,2\n`).values[0]![0], odd).toBe(odd);
    }
  });

  it('accepts a BOM, CRLF, CR, quoted fields with line breaks and the header in any order or case', () => {
    const data = parsed('\uFEFFValue,Unit,CODER\r\n"two\nlines",u1,A\r\n"say ""hi""",u1,B\ryes,"u,2",A');
    expect(data.units).toEqual(['u1', 'u,2']);
    expect(data.values).toEqual([
      ['two\nlines', 'say "hi"'],
      ['yes', null],
    ]);
  });

  it('reads a header-only file as data without units', () => {
    expect(parsed('unit,coder,value\n')).toEqual({ units: [], coders: [], values: [] });
  });

  it('requires the header', () => {
    expect(problems('')).toEqual(['the file is empty: expected the header unit,coder,value']);
    expect(problems('1,A,1\n2,A,2\n')).toEqual(['line 1: the header must name the columns unit, coder and value (found "1,A,1")']);
    expect(problems('unit,coder,value,memo\n1,A,1,x\n')).toEqual([
      'line 1: the header must name the columns unit, coder and value (found "unit,coder,value,memo")',
    ]);
    // Rows that do not match a bad header add nothing to its problem.
    expect(problems('unit,coder\n1,A,1\n')).toEqual(['line 1: the header must name the columns unit, coder and value (found "unit,coder")']);
  });

  it('names the line of a row with the wrong number of fields, counting lines inside quotes', () => {
    expect(problems('unit,coder,value\n1,A,"x\ny"\n2,A\n')).toEqual(['line 4: expected 3 fields (unit,coder,value), found 2 fields']);
    expect(problems('unit,coder,value\n1,A,1\n\n2,A,2\n')).toEqual(['line 3: expected 3 fields (unit,coder,value), found a blank line']);
  });

  it('names the line of a quoting error', () => {
    expect(problems('unit,coder,value\n1,A,"x"y\n')).toEqual([
      'line 2: Invalid Closing Quote: got "y" instead of delimiter, record delimiter, trimable character (if activated) or comment',
    ]);
    // Named by the line where the row with the open quote starts, not where the file ends.
    expect(problems('unit,coder,value\n1,A,1\n2,A,"open\n\n3,A,3\n')).toEqual(['line 3: Quote Not Closed: the parsing is finished with an opening quote']);
  });

  it('reports every duplicate (unit, coder) with both lines, and empty labels', () => {
    expect(problems('unit,coder,value\nu1,A,1\nu1,B,2\n"x\ny",A,1\nu1,A,1\nu1,B,\n')).toEqual([
      'line 6: unit "u1" already has a value from coder "A" (line 2)',
      'line 7: unit "u1" already has a value from coder "B" (line 3)',
    ]);
    expect(problems('unit,coder,value\n,A,1\nu1, ,2\n')).toEqual(['line 2: unit is empty', 'line 3: coder is empty']);
  });
});

import { describe, expect, it } from 'vitest';

import { randomRatings } from './random-ratings.test-helpers';
import { reliabilityMatrixCsv } from './reliability-matrix-csv';
import { parseUnitsCsv } from './units-csv';

describe('reliabilityMatrixCsv', () => {
  it('writes one CRLF row per unit and coder, blank for missing, quoting as RFC 4180 requires', () => {
    const csv = reliabilityMatrixCsv({ units: ['p-1', 'p,2'], coders: ['Ana', 'Ben'], values: [['yes', null], ['say "no"', 'a\nb']] });
    expect(csv).toBe('unit,coder,value\r\np-1,Ana,yes\r\np-1,Ben,\r\n"p,2",Ana,"say ""no"""\r\n"p,2",Ben,"a\nb"\r\n');
  });

  it('reads back through parseUnitsCsv as the same data', () => {
    for (const categories of [[0, 0.1, 1e-7, 2.5e21, -3], ['yes', 'no', 'maybe, later', '"quoted"', 'line\rbreak']]) {
      const data = randomRatings(3, { units: 30, coders: 3, categories, missing: 0.2 });
      const back = parseUnitsCsv(reliabilityMatrixCsv(data));
      expect(back).toEqual({ ok: true, value: data });
    }
  });
});

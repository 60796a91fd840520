import { describe, expect, it } from 'vitest';

import type { BootstrapInterval } from '../reliability-data';
import type { AgreementReport } from '../units/agreement-report';
import { COEFFICIENT_NAMES, coefficientLabel, columnHeader } from './coefficient-names';
import { formatInterval, formatValue } from './format';
import { MIN_UNITS_FOR_INTERVAL, shownInterval } from './interval-display';
import { reportMatrix } from './report-matrix';
import { ALL_CODES_LABEL, intervalKey, reportRows } from './report-rows';

const coefficients = (n: number, alpha: number | null, reason?: string) => ({
  n_units: n,
  n_coders: 2,
  n_pairable_units: n,
  undefined: reason ? { alpha_nominal: reason, cohen_kappa: reason } : {},
  percent_agreement: 0.9,
  pairwise_agreement: 0.9,
  cohen_kappa: alpha,
  fleiss_kappa: alpha,
  brennan_prediger: 0.8,
  gwet_ac1: 0.85,
  alpha_nominal: alpha,
  alpha_ordinal: alpha,
  alpha_interval: alpha,
  alpha_ratio: alpha,
});

const postReport: AgreementReport = {
  unit: 'post',
  codes: {
    Derailing: coefficients(40, 0.71),
    Whataboutism: coefficients(40, null, 'no variation: every pairable value is the same'),
  },
  all_codes: coefficients(80, 0.6),
};

const interval = (low: number, high: number): BootstrapInterval => ({ low, high, level: 0.95, samples: 1000, seed: 1 });

describe('coefficient names', () => {
  it('writes names as a paper does, with proper Unicode; the machine names are the keys', () => {
    expect(coefficientLabel('alpha_nominal')).toBe('Krippendorff’s α (nominal)');
    expect(coefficientLabel('cohen_kappa')).toBe('Cohen’s κ');
    expect(coefficientLabel('fleiss_kappa')).toBe('Fleiss’ κ');
    expect(coefficientLabel('gwet_ac1')).toBe('Gwet’s AC1');
    expect(coefficientLabel('brennan_prediger')).toBe('Brennan–Prediger κₙ');
    expect(coefficientLabel('percent_agreement')).toBe('Percent agreement');
    expect(coefficientLabel('kappa')).toBe('Cohen’s κ (characters)');
    for (const { name } of Object.values(COEFFICIENT_NAMES)) expect(name).not.toMatch(/['_]/);
    expect(coefficientLabel('something_new')).toBe('something_new');
  });

  it('labels the interval column by the symbol and level', () => {
    expect(columnHeader({ kind: 'interval', metric: 'alpha_nominal', level: 0.95 }, 'post').name).toBe('α 95% CI');
    expect(columnHeader({ kind: 'n' }, 'post')).toEqual({ name: 'n', qualifier: 'posts' });
  });

  it('formats numbers as the CLI prints them', () => {
    expect(formatValue(-0.0001)).toBe('0.000');
    expect(formatValue(0.71234)).toBe('0.712');
    expect(formatInterval(0.61, 0.8734)).toBe('[0.610, 0.873]');
  });
});

describe('intervals that cannot be shown', () => {
  it('shows an interval with width on enough units', () => {
    expect(shownInterval(interval(0.6, 0.8), { pairableUnits: 40 })).toEqual({ interval: interval(0.6, 0.8), note: null });
  });

  it('names why there is none: α undefined, too few units, no finite bounds, no width', () => {
    expect(shownInterval(null, { pairableUnits: 40, valueReason: 'no variation: every pairable value is the same' }).note).toBe('No interval: α is not defined.');
    const few = shownInterval(interval(0, 1), { pairableUnits: MIN_UNITS_FOR_INTERVAL - 1 });
    expect(few.interval).toBeNull();
    expect(few.note).toMatch(/too few to bootstrap/);
    expect(shownInterval(interval(NaN, NaN), { pairableUnits: 40 })).toEqual({ interval: null, note: 'No interval: the bootstrap gave no finite value of α.' });
    const flat = shownInterval(interval(1, 1), { pairableUnits: 40 });
    expect(flat.interval).toBeNull();
    expect(flat.note).toMatch(/α = 1\.000; the data vary too little/);
  });

  it('carries the decision into report rows: never a NaN or zero-width interval', () => {
    const intervals = new Map([
      [intervalKey('Derailing', 'alpha_nominal'), interval(0.7, 0.7)],
      [intervalKey('Whataboutism', 'alpha_nominal'), null],
      [intervalKey(ALL_CODES_LABEL, 'alpha_nominal'), interval(0.5, 0.7)],
    ]);
    const rows = reportRows(postReport, intervals).filter((r) => r.metric === 'alpha_nominal');
    expect(rows.map((r) => [r.code, r.interval?.low ?? null, r.intervalNote !== null])).toEqual([
      ['Derailing', null, true],
      ['Whataboutism', null, true],
      [ALL_CODES_LABEL, 0.5, false],
    ]);
  });
});

describe('report matrix', () => {
  it('has one row per code and one column per chosen coefficient, n once, the interval beside α', () => {
    const intervals = new Map([
      [intervalKey('Derailing', 'alpha_nominal'), interval(0.55, 0.84)],
      [intervalKey('Whataboutism', 'alpha_nominal'), null],
    ]);
    const matrix = reportMatrix(reportRows(postReport, intervals), ['alpha_nominal', 'cohen_kappa', 'percent_agreement']);
    expect(matrix.pairwise).toBe(false);
    expect(matrix.columns).toEqual([
      { kind: 'n' },
      { kind: 'value', metric: 'alpha_nominal' },
      { kind: 'interval', metric: 'alpha_nominal', level: 0.95 },
      { kind: 'value', metric: 'cohen_kappa' },
      { kind: 'value', metric: 'percent_agreement' },
    ]);
    expect(matrix.rows.map((r) => [r.code, r.scope])).toEqual([
      ['Derailing', 'code'],
      ['Whataboutism', 'code'],
      [ALL_CODES_LABEL, 'summary'],
    ]);
    const [derailing, whataboutism, all] = matrix.rows;
    expect(derailing?.cells).toEqual([
      { kind: 'n', n: 40 },
      { kind: 'value', metric: 'alpha_nominal', value: 0.71, reading: 'tentative', note: null },
      { kind: 'interval', metric: 'alpha_nominal', interval: interval(0.55, 0.84), note: null },
      { kind: 'value', metric: 'cohen_kappa', value: 0.71, reading: 'substantial', note: null },
      { kind: 'value', metric: 'percent_agreement', value: 0.9, reading: null, note: null },
    ]);
    // Both undefined coefficients share one note (one reason); the missing interval has its own.
    expect(whataboutism?.cells.map((c) => ('note' in c ? c.note : null))).toEqual([null, 1, 2, 1, null]);
    expect(matrix.notes).toEqual([
      'no variation: every pairable value is the same',
      'No interval: α is not defined.',
    ]);
    // No interval was asked for the summary row: an empty cell, not a note.
    expect(all?.cells[2]).toEqual({ kind: 'interval', metric: 'alpha_nominal', interval: null, note: null });
  });

  it('keeps pairwise units one row per code and coder pair, and leaves cells of coefficients a row lacks empty', () => {
    const matrix = reportMatrix(
      reportRows({
        unit: 'unitized',
        codes: { Derailing: { u_alpha: 0.5, u_alpha_binary: 0.6, undefined: {} } },
        domains: { Tone: { u_alpha: 0.4, u_alpha_binary: 0.5, cu_alpha: 0.3, undefined: {} } },
      }),
      ['u_alpha', 'cu_alpha'],
    );
    expect(matrix.columns.map((c) => c.kind)).toEqual(['value', 'value']);
    expect(matrix.rows[0]?.cells[1]).toEqual({ kind: 'none', metric: 'cu_alpha' });
    expect(matrix.rows[1]).toMatchObject({ code: 'Tone (domain)', scope: 'domain' });

    const pairs = reportMatrix(
      reportRows({
        unit: 'char',
        codes: {
          Derailing: {
            'Ada|Ben': { kappa: 0.5, percent_agreement: 0.9, n_chars: 100, undefined: {} },
            'Ada|Cy': { kappa: 0.6, percent_agreement: 0.95, n_chars: 100, undefined: {} },
          },
        },
      }),
      ['kappa'],
    );
    expect(pairs.pairwise).toBe(true);
    expect(pairs.rows.map((r) => [r.code, r.pair])).toEqual([
      ['Derailing', 'Ada|Ben'],
      ['Derailing', 'Ada|Cy'],
    ]);
  });
});

import { computeCoefficients } from '@shared/agreement/compute-coefficients';
import kripp2011Csv from '@shared/agreement/fixtures/krippendorff-2011-4x12.csv?raw';
import cohenCsv from '@shared/agreement/fixtures/wikipedia-cohen-2x50.csv?raw';
import { parseUnitsCsv } from '@shared/agreement/units-csv';
import { describe, expect, it } from 'vitest';

import { COMMAND_USAGE } from '../help';
import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const KEYS = [
  'n_units',
  'n_coders',
  'n_pairable_units',
  'percent_agreement',
  'pairwise_agreement',
  'cohen_kappa',
  'fleiss_kappa',
  'brennan_prediger',
  'gwet_ac1',
  'alpha_nominal',
  'alpha_ordinal',
  'alpha_interval',
  'alpha_ratio',
  'undefined',
];

async function agree(argv: string[], files: Record<string, string> = { 'k.csv': kripp2011Csv, 'c.csv': cohenCsv }) {
  const m = memoryIo(files);
  const code = await run(['agree', ...argv], m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('threadmark agree --units', () => {
  it('prints the report as JSON, keys in order, numbers unrounded', async () => {
    const { code, stdout, stderr } = await agree(['--units', 'k.csv', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(KEYS);
    const data = parseUnitsCsv(kripp2011Csv);
    if (!data.ok) throw new Error();
    expect(printed).toEqual(JSON.parse(JSON.stringify(computeCoefficients(data.value))));
    // Krippendorff (2011), section C: α nominal = .743 (printed unrounded: 0.7434210526…).
    expect(printed.alpha_nominal).toBe(0.743421052631579);
    expect(printed.undefined).toEqual({ cohen_kappa: "Cohen's κ needs exactly two coders (there are 4)" });
  });

  it('prints a readable table by default, undefined values with their reason', async () => {
    const { code, stdout } = await agree(['--units', 'c.csv']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        '50 units, 2 coders, 50 pairable units (with two or more values)',
        '',
        'percent_agreement   0.700',
        'pairwise_agreement  0.700',
        'cohen_kappa         0.400',
        'fleiss_kappa        0.394',
        'brennan_prediger    0.400',
        'gwet_ac1            0.406',
        'alpha_nominal       0.400',
        'alpha_ordinal       undefined: ordinal α needs every value to be a number',
        'alpha_interval      undefined: interval α needs every value to be a number',
        'alpha_ratio         undefined: ratio α needs every value to be a number',
        '',
      ].join('\n'),
    );
  });

  it('adds reproducible bootstrap intervals for the defined α levels', async () => {
    const first = await agree(['--units', 'c.csv', '--json', '--bootstrap', '500', '--seed', '42']);
    expect(first.code).toBe(0);
    const printed = JSON.parse(first.stdout) as { intervals: Record<string, { low: number; high: number; level: number; samples: number; seed: number }> };
    expect(Object.keys(printed).at(-1)).toBe('intervals');
    expect(Object.keys(printed.intervals)).toEqual(['alpha_nominal']);
    expect(printed.intervals.alpha_nominal).toMatchObject({ level: 0.95, samples: 500, seed: 42 });
    expect(printed.intervals.alpha_nominal!.low).toBeLessThan(0.4);
    expect(printed.intervals.alpha_nominal!.high).toBeGreaterThan(0.4);
    expect((await agree(['--units', 'c.csv', '--json', '--bootstrap', '500', '--seed', '42'])).stdout).toBe(first.stdout);

    const table = await agree(['--units', 'k.csv', '--bootstrap=300', '--seed=1']);
    expect(table.stdout).toMatch(/\nalpha_ratio {9}0\.797 {2}\[-?\d\.\d{3}, \d\.\d{3}\]\n/);
    expect(table.stdout).toMatch(/\n\[low, high\]: 95 % bootstrap interval of α \(Hayes & Krippendorff 2007\), 300 samples, seed 1\n$/);
  });

  it('prints no interval where the bootstrap cannot give one, saying why, as the app does', async () => {
    const tiny = 'unit,coder,value\n1,A,1\n1,B,1\n2,A,2\n2,B,2\n3,A,1\n3,B,2\n';
    const { stdout } = await agree(['--units', 't.csv', '--bootstrap', '200', '--seed', '3'], { 't.csv': tiny });
    expect(stdout).toMatch(/\nalpha_nominal {7}-?\d\.\d{3} {2}\(No interval: 3 pairable units are too few to bootstrap α \(at least 10 are needed\)\.\)\n/);
    expect(stdout).not.toMatch(/NaN/);
  });

  it('names the file and line of each problem in the CSV and exits 1', async () => {
    const { code, stdout, stderr } = await agree(['--units', 'bad.csv'], { 'bad.csv': 'unit,coder,value\n1,A,1\n1,A,2\n2,B\n' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('bad.csv: line 4: expected 3 fields (unit,coder,value), found 2 fields\n');
    const dup = await agree(['--units', 'dup.csv'], { 'dup.csv': 'unit,coder,value\n1,A,1\n1,A,2\n' });
    expect(dup.stderr).toBe('dup.csv: line 3: unit "1" already has a value from coder "A" (line 2)\n');
  });

  it('says when the file cannot be read', async () => {
    const { code, stderr } = await agree(['--units', 'missing.csv']);
    expect(code).toBe(1);
    expect(stderr).toBe('threadmark: cannot read missing.csv: no such file or directory\n');
  });

  it.each([
    [['--units', 'k.csv', '--bootstrap', '100'], '--bootstrap N and --seed S go together'],
    [['--units', 'k.csv', '--seed', '1'], '--bootstrap N and --seed S go together'],
    [['--units', 'k.csv', '--bootstrap', '0', '--seed', '1'], '--bootstrap needs a positive whole number of samples (got 0)'],
    [['--units', 'k.csv', '--bootstrap', '10', '--seed', '-1'], '--seed needs a whole number from 0 to 4294967295 (got -1)'],
    [['--units', 'k.csv', '--bootstrap', '10', '--seed', '4294967296'], '--seed needs a whole number from 0 to 4294967295 (got 4294967296)'],
    [['--units', 'k.csv', 'extra.csv'], 'unexpected argument extra.csv (--units reads one CSV file)'],
    [['--units', 'k.csv', '--unit', 'post'], 'unknown option --unit'],
    [['--units'], 'option --units needs a value'],
  ])('is a usage error: %j', async (argv, reason) => {
    const { code, stdout, stderr } = await agree(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`threadmark: ${reason}\n${COMMAND_USAGE.agree}`);
  });

  it('routes agree without --units to the bundle form', async () => {
    const { code, stderr } = await agree(['a.threadmark.json', '--unit', 'post']);
    expect(code).toBe(1);
    expect(stderr).toBe('threadmark: cannot read a.threadmark.json: no such file or directory\n');
  });

  it('prints its usage for agree --help and is listed in the main usage', async () => {
    expect((await agree(['--help'])).stdout).toMatch(/^Usage: threadmark agree --units <file\.csv> \[--json\] \[--bootstrap N --seed S\]\n/);
    const m = memoryIo();
    await run(['--help'], m.io);
    expect(m.stdout()).toContain('agree --units <file.csv> [--json] [--bootstrap N --seed S]');
  });
});

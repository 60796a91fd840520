import { ALPHA_LEVELS } from '@shared/agreement/alpha-metric';
import { bootstrapAlpha } from '@shared/agreement/bootstrap-alpha';
import { computeCoefficients } from '@shared/agreement/compute-coefficients';
import { COEFFICIENTS, type BootstrapInterval, type CoefficientReport } from '@shared/agreement/reliability-data';
import { shownInterval } from '@shared/agreement/report/interval-display';
import { readUnitsCsv } from '@shared/agreement/read-units-csv';
import type { ReliabilityData } from '@shared/agreement/reliability-data';
import type { Result } from '@shared/util/result';

import { parseArgs } from '../args';
import { importIoOf } from '../import/import-io';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { usageError } from '../usage-error';

const MAX_SEED = 0xffffffff;

type Intervals = Partial<Record<`alpha_${(typeof ALPHA_LEVELS)[number]}`, BootstrapInterval>>;

/** `threadmark agree --units <file.csv> [--json] [--bootstrap N --seed S]` */
export async function agreeUnitsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'units', takesValue: true },
    { name: 'json', takesValue: false },
    { name: 'bootstrap', takesValue: true },
    { name: 'seed', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('agree', parsed.error, io);
  const { positionals, options } = parsed.value;
  const path = options.get('units');
  if (typeof path !== 'string') return usageError('agree', 'missing --units <file.csv>', io);
  if (positionals.length > 0) return usageError('agree', `unexpected argument ${positionals[0]} (--units reads one CSV file)`, io);
  const bootstrap = options.get('bootstrap');
  const seed = options.get('seed');
  // Without a seed an interval could not be reproduced, so the two come together.
  if ((bootstrap === undefined) !== (seed === undefined)) return usageError('agree', '--bootstrap N and --seed S go together', io);
  const samples = bootstrap === undefined ? null : wholeNumber(bootstrap, 1, Number.MAX_SAFE_INTEGER);
  const seedValue = seed === undefined ? null : wholeNumber(seed, 0, MAX_SEED);
  if (bootstrap !== undefined && samples === null) return usageError('agree', `--bootstrap needs a positive whole number of samples (got ${String(bootstrap)})`, io);
  if (seed !== undefined && seedValue === null) return usageError('agree', `--seed needs a whole number from 0 to ${MAX_SEED} (got ${String(seed)})`, io);

  // Streamed in chunks through the fast path (which copies what it keeps, so one buffer serves every
  // chunk); the strict parser reads the file again only if it must.
  let data: Result<ReliabilityData, string[]>;
  try {
    const files = importIoOf(io);
    const size = await files.fileSize(path);
    data = await readUnitsCsv(files.readChunks(path, { reuseBuffer: true, noWriteFollows: true }), () => io.readFile(path), size);
  } catch (e) {
    io.stderr(`threadmark: cannot read ${path}: ${describeFileError(e)}\n`);
    return EXIT_FAILED;
  }
  if (!data.ok) {
    io.stderr(data.error.map((problem) => `${path}: ${problem}\n`).join(''));
    return EXIT_FAILED;
  }

  const report = computeCoefficients(data.value);
  let intervals: Intervals | null = null;
  if (samples !== null && seedValue !== null) {
    intervals = {};
    for (const level of ALPHA_LEVELS) {
      const interval = bootstrapAlpha(data.value, level, { samples, seed: seedValue });
      if (interval) intervals[`alpha_${level}`] = interval;
    }
  }
  if (options.has('json')) io.stdout(`${JSON.stringify(intervals ? { ...report, intervals } : report, null, 2)}\n`);
  else io.stdout(formatTable(report, intervals));
  return EXIT_OK;
}

function wholeNumber(text: string | true, min: number, max: number): number | null {
  if (typeof text !== 'string' || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

function formatTable(report: CoefficientReport, intervals: Intervals | null): string {
  const width = Math.max(...COEFFICIENTS.map((name) => name.length)) + 2;
  const lines = [`${report.n_units} units, ${report.n_coders} coders, ${report.n_pairable_units} pairable units (with two or more values)`, ''];
  for (const name of COEFFICIENTS) {
    const value = report[name];
    const cell = value === null ? `undefined: ${report.undefined[name] ?? ''}` : fixed(value);
    lines.push(`${name.padEnd(width)}${cell}${intervalCell(report, name, intervals)}`);
  }
  const any = intervals && Object.values(intervals)[0];
  if (any) {
    lines.push('', `[low, high]: ${Math.round(any.level * 100)} % bootstrap interval of α (Hayes & Krippendorff 2007), ${any.samples} samples, seed ${any.seed}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The interval as the app shows it (interval-display.ts): none, with the reason, where the bootstrap cannot give one. */
function intervalCell(report: CoefficientReport, name: (typeof COEFFICIENTS)[number], intervals: Intervals | null): string {
  const level = ALPHA_LEVELS.map((l) => `alpha_${l}` as const).find((n) => n === name);
  if (intervals === null || level === undefined) return '';
  const shown = shownInterval(intervals[level] ?? null, { pairableUnits: report.n_pairable_units, valueReason: report.undefined[name] ?? null });
  return shown.interval ? `  [${fixed(shown.interval.low)}, ${fixed(shown.interval.high)}]` : `  (${shown.note})`;
}

// toFixed keeps a sign on values that round to zero ("-0.000"); a reader should see 0.000.
function fixed(value: number): string {
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

/**
 * `--csv-safe formula|raw`, the one option of every CSV the CLI writes (util/csv-safety.ts).
 * The CLI's default is raw: its CSVs feed scripts, R and pandas, byte for byte as stored
 * (docs/decisions/0014-csv-safety-and-one-writer.md). `--spreadsheet-safe` is the older spelling of
 * `--csv-safe formula`.
 */
import { CSV_SAFETY_MODES, isCsvSafety, type CsvSafety } from '@shared/util/csv-safety';

import type { OptionSpec } from './args';

export const CSV_SAFE_OPTIONS: readonly OptionSpec[] = [
  { name: 'csv-safe', takesValue: true },
  { name: 'spreadsheet-safe', takesValue: false },
];

export const CLI_CSV_SAFETY_DEFAULT: CsvSafety = 'raw';

/** The mode asked for (undefined: not asked), or a usage error's message. */
export function csvSafetyOption(options: ReadonlyMap<string, string | true>): { safety: CsvSafety | undefined } | { error: string } {
  const value = options.get('csv-safe');
  const legacy = options.has('spreadsheet-safe');
  if (value === undefined) return { safety: legacy ? 'formula' : undefined };
  if (!isCsvSafety(value)) return { error: `--csv-safe takes ${CSV_SAFETY_MODES.join(' or ')}` };
  if (legacy && value !== 'formula') return { error: '--spreadsheet-safe and --csv-safe raw contradict each other' };
  return { safety: value };
}

import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';

import { parseArgs } from '../args';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { usageError } from '../usage-error';

const FORMATS = ['csv'] as const;

/** `threadmark export <bundle> --to csv -o <file> [--spreadsheet-safe]` */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'to', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'spreadsheet-safe', takesValue: false },
  ]);
  if (!parsed.ok) return usageError('export', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  const to = options.get('to');
  const output = options.get('output');
  if (path === undefined) return usageError('export', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('export', `unexpected argument ${extra[0]}`, io);
  if (typeof to !== 'string') return usageError('export', `missing --to <format> (one of: ${FORMATS.join(', ')})`, io);
  if (!(FORMATS as readonly string[]).includes(to)) return usageError('export', `unknown format "${to}" (one of: ${FORMATS.join(', ')})`, io);
  if (typeof output !== 'string') return usageError('export', 'missing -o <file> (use -o - for stdout)', io);

  // Validate everything before writing anything: a bad bundle leaves no output file behind.
  const result = await loadBundle(path, io);
  if (!result.ok) {
    io.stderr(result.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  const csv = codedSegmentsCsv(result.value, { spreadsheetSafe: options.has('spreadsheet-safe') });
  if (output === '-') {
    io.stdout(csv);
    return EXIT_OK;
  }
  try {
    await io.writeFile(output, csv);
  } catch (e) {
    io.stderr(`threadmark: cannot write ${output}: ${describeFileError(e)}\n`);
    return EXIT_FAILED;
  }
  io.stdout(`wrote ${result.value.codings.length} codings to ${output}\n`);
  return EXIT_OK;
}

/**
 * `threadmark attributes <bundle> [--scope author|thread] [--json]`
 * `threadmark attributes <bundle> --import <file.csv> [--scope author|thread] -o <bundle>`
 * Prints the authors' and threads' attributes (platform-derived and user-defined) as the
 * Attributes tab shows them: CSV (the file the app exports; both scopes, a blank line between, when
 * no --scope) or with --json the tables (docs/formats.md). --import reads a CSV whose first column
 * is `author` or `thread` (the scope, unless --scope says it) and sets every value it names, as one
 * journal entry: all or nothing, every problem named by line and column.
 * Printing is pseudonymised by default (shared/privacy/pseudonymised-analysis.ts: author cases by
 * alias, as every export); --identified prints the real names, the file --import takes.
 */
import { attributesCsv } from '@shared/analysis/attributes/attributes-csv';
import { attributesOf } from '@shared/analysis/attributes/attributes-of';
import { headerLine, detectDelimiter, splitHeader } from '@shared/import/formats/csv-table';
import type { AttributeScope } from '@shared/model/records';
import { bundleAttributeTables } from '@shared/privacy/pseudonymised-analysis';
import { formatProblem } from '@shared/problem/problem';
import { attributeCsvProblems, importAttributeCsv } from '@shared/project/operations/attributes-import';
import { runOperation } from '@shared/project/run-operation';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';
import { stdoutData } from '../terminal-io';
import { CSV_SAFE_OPTIONS, csvSafetyOption } from '../csv-safe-option';
import { preparePrinted, PRINT_PRIVACY_OPTIONS, printsPseudonymised } from './export-privacy';

export interface AttributesDeps {
  clock: Clock;
  ids: IdSource;
}

const SCOPES: readonly AttributeScope[] = ['author', 'thread'];
const isScope = (s: string): s is AttributeScope => (SCOPES as readonly string[]).includes(s);
const SHOWN_PROBLEMS = 20;

export async function attributesCommand(args: readonly string[], io: CliIo, deps: AttributesDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'scope', takesValue: true },
    { name: 'json', takesValue: false },
    { name: 'import', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
    ...CSV_SAFE_OPTIONS,
    ...PRINT_PRIVACY_OPTIONS,
  ]);
  if (!parsed.ok) return usageError('attributes', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  const scope = options.get('scope');
  const csvPath = options.get('import');
  const output = options.get('output');
  if (path === undefined) return usageError('attributes', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('attributes', `unexpected argument ${extra[0]}`, io);
  if (scope !== undefined && (typeof scope !== 'string' || !isScope(scope))) return usageError('attributes', '--scope takes author or thread', io);
  if (csvPath !== undefined && typeof csvPath !== 'string') return usageError('attributes', '--import takes a CSV file', io);
  if (csvPath === undefined && output !== undefined) return usageError('attributes', '-o is for --import (printing writes to stdout)', io);
  if (csvPath !== undefined && (typeof output !== 'string' || output === '-')) return usageError('attributes', 'missing -o <bundle.threadmark.json> (may be the bundle itself)', io);
  if (csvPath !== undefined && options.has('json')) return usageError('attributes', '--json is for printing, not --import', io);
  const csvSafe = csvSafetyOption(options);
  if ('error' in csvSafe) return usageError('attributes', csvSafe.error, io);
  if (csvSafe.safety !== undefined && (csvPath !== undefined || options.has('json'))) return usageError('attributes', '--csv-safe is for the printed CSV', io);
  const pseudonymize = printsPseudonymised(options);
  if (typeof pseudonymize === 'string') return usageError('attributes', pseudonymize, io);
  const privacyFlag = ['pseudonymize', 'no-pseudonymize', 'identified'].find((f) => options.has(f));
  if (csvPath !== undefined && privacyFlag !== undefined) return usageError('attributes', `--${privacyFlag} is for printing, not --import`, io);
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };

  const opened = await openProjectFile(path, io);
  if (!opened.ok) return fail(opened.error.lines);
  const { store, actor } = opened.value;

  if (csvPath === undefined) {
    const tables = pseudonymize ? bundleAttributeTables(preparePrinted(opened.value.bundle, io).bundle) : await store.read(attributesOf);
    const scopes = scope === undefined ? SCOPES : [scope];
    if (options.has('json')) io.stdout(`${JSON.stringify(Object.fromEntries(scopes.map((s) => [s, tables[s]])), null, 2)}\n`);
    else stdoutData(io, scopes.map((s) => attributesCsv(tables[s], csvSafe.safety ?? 'raw')).join('\r\n'));
    return EXIT_OK;
  }

  let text: string;
  try {
    text = await io.readFile(csvPath);
  } catch (e) {
    return fail([`threadmark: cannot read ${csvPath}: ${describeFileError(e)}`]);
  }
  const first = splitHeader(headerLine(text), detectDelimiter(headerLine(text)) ?? ',')[0]?.trim().toLowerCase() ?? '';
  const chosen: AttributeScope | undefined = typeof scope === 'string' && isScope(scope) ? scope : isScope(first) ? first : undefined;
  if (chosen === undefined) return fail([`${csvPath} (line 1, column 1): the first column must be "author" or "thread", got ${JSON.stringify(first)}`, 'threadmark: nothing written']);
  const input = { scope: chosen, text, fileName: csvPath };
  const problems = await store.read((reader) => attributeCsvProblems(reader, input));
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => formatProblem(p, { field: 'column' }));
    const more = problems.length - shown.length;
    return fail([...shown, ...(more > 0 ? [`…and ${more} more`] : []), 'threadmark: nothing written']);
  }
  const result = await runOperation(store, importAttributeCsv, input, { clock: deps.clock, ids: deps.ids, actor });
  if (!result.ok) return fail([formatProblem(result.error, { field: 'column' }), 'threadmark: nothing written']);
  const saved = await saveProjectFile(store, output as string, io, cliBundleHead(deps.clock));
  if (!saved.ok) return fail(saveFailureLines(output as string, saved.error));
  const skipped = result.value.result.skippedColumns;
  io.stdout(`${result.value.summary}${skipped.length > 0 ? ` (platform columns left as they are: ${skipped.join(', ')})` : ''}\nwrote ${output as string}\n`);
  return EXIT_OK;
}

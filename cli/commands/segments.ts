/**
 * `threadmark segments <bundle> --code PATH [--subcodes] [--and PATH | --overlap PATH |
 *  --near PATH --within N | --not PATH] [--coder NAME] [--thread ID,...] [--author NAME]
 *  [--platform P] [--from T] [--to T] [--month YYYY-MM] [--where SCOPE.ATTRIBUTE=VALUE] [--limit N] [--json | --csv [--spreadsheet-safe]]
 *  [--identified]`
 * Retrieve coded segments with the app's Segments tab's query (shared/analysis/segments/): one
 * block per segment (where, code, coder, the quote in its context, the memo), or the rows as JSON
 * (docs/formats.md) or as the Segments CSV. Pseudonymised by default, as the Segments tab's
 * exports (shared/privacy/pseudonymise-segments.ts): the query reads the project (--author takes
 * a real name), the rows printed are the pseudonymised project's; --identified prints real names.
 */
import { parseAttributeCondition } from '@shared/analysis/attributes/attribute-filter';
import { resolveCodePath } from '@shared/analysis/segments/resolve-code-path';
import { retrieveSegments } from '@shared/analysis/segments/retrieve-segments';
import type { SegmentCombination, SegmentQuery } from '@shared/analysis/segments/segment-query';
import type { SegmentRow } from '@shared/analysis/segments/segment-row';
import { segmentsCsv } from '@shared/analysis/segments/segments-csv';
import type { Code, Coder } from '@shared/model/records';
import { aliasNamesIn, pseudonymiseSegmentRows } from '@shared/privacy/pseudonymise-segments';
import type { Problem } from '@shared/problem/problem';
import { err, ok, type Result } from '@shared/util/result';

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { openProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';
import { stdoutData } from '../terminal-io';
import { CSV_SAFE_OPTIONS, csvSafetyOption } from '../csv-safe-option';
import { preparePrinted, PRINT_PRIVACY_OPTIONS, printsPseudonymised } from './export-privacy';

const COMBINATIONS = { and: 'and-same-post', overlap: 'overlap', near: 'near', not: 'not' } as const;
type CombinationFlag = keyof typeof COMBINATIONS;
const VALUED = ['code', 'and', 'overlap', 'near', 'not', 'within', 'coder', 'thread', 'author', 'platform', 'from', 'to', 'month', 'limit', 'where'] as const;
const FLAGS = ['subcodes', 'json', 'csv'] as const;

export async function segmentsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, [...VALUED.map((name) => ({ name, takesValue: true })), ...FLAGS.map((name) => ({ name, takesValue: false })), ...CSV_SAFE_OPTIONS, ...PRINT_PRIVACY_OPTIONS]);
  if (!parsed.ok) return usageError('segments', parsed.error, io);
  const { positionals, options } = parsed.value;
  const value = (name: (typeof VALUED)[number]): string | undefined => {
    const v = options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const [path, ...extra] = positionals;
  if (path === undefined) return usageError('segments', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('segments', `unexpected argument ${extra[0]}`, io);
  const codePath = value('code');
  if (codePath === undefined) return usageError('segments', 'missing --code PATH', io);
  const combinations = (Object.keys(COMBINATIONS) as CombinationFlag[]).filter((flag) => options.has(flag));
  if (combinations.length > 1) return usageError('segments', `give one of --and, --overlap, --near, --not (got ${combinations.map((f) => `--${f}`).join(' and ')})`, io);
  const combination = combinations[0];
  const within = value('within');
  if (combination === 'near' && within === undefined) return usageError('segments', '--near needs --within N (characters)', io);
  if (within !== undefined && combination !== 'near') return usageError('segments', '--within goes with --near', io);
  if (within !== undefined && !/^\d+$/.test(within)) return usageError('segments', `--within "${within}" is not a whole number of characters`, io);
  const limit = value('limit');
  if (limit !== undefined && !/^[1-9]\d*$/.test(limit)) return usageError('segments', `--limit "${limit}" is not a positive whole number`, io);
  if (options.has('json') && options.has('csv')) return usageError('segments', 'give --json or --csv, not both', io);
  const csvSafe = csvSafetyOption(options);
  if ('error' in csvSafe) return usageError('segments', csvSafe.error, io);
  if (csvSafe.safety !== undefined && !options.has('csv')) return usageError('segments', '--csv-safe goes with --csv', io);
  const where = value('where') === undefined ? undefined : parseAttributeCondition(value('where')!);
  if (where && !where.ok) return usageError('segments', `--where: ${where.error}`, io);
  const pseudonymize = printsPseudonymised(options);
  if (typeof pseudonymize === 'string') return usageError('segments', pseudonymize, io);

  const opened = await openProjectFile(path, io);
  if (!opened.ok) {
    io.stderr(opened.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  const outcome = await opened.value.store.read(async (reader) => {
    const [codes, coders] = await Promise.all([reader.codes(), reader.coders()]);
    const query = buildQuery(codes, coders, {
      code: codePath,
      subcodes: options.has('subcodes'),
      combination: combination === undefined ? undefined : { flag: combination, path: value(combination)!, within: Number(within ?? 0) },
      coder: value('coder'),
      thread: value('thread'),
      author: value('author'),
      platform: value('platform'),
      from: value('from'),
      to: value('to'),
      month: value('month'),
    });
    if (!query.ok) return query;
    // An attribute condition picks the authors or threads the query keeps (attribute-filter.ts).
    const withWhere: SegmentQuery = where?.ok ? { ...query.value, attributes: [where.value] } : query.value;
    return retrieveSegments(reader, withWhere, { limit: limit === undefined ? Number.MAX_SAFE_INTEGER : Number(limit) });
  });
  if (!outcome.ok) {
    const field = outcome.error.field;
    io.stderr(`threadmark: ${field && !field.includes('.') && field !== 'codeId' ? `--${field}: ` : ''}${outcome.error.message}\n`);
    return EXIT_FAILED;
  }
  let result = outcome.value;
  if (pseudonymize) {
    const prepared = preparePrinted(opened.value.bundle, io);
    result = { ...result, rows: pseudonymiseSegmentRows(result.rows, prepared.bundle), description: aliasNamesIn(result.description, prepared.key) };
  }
  if (options.has('json')) io.stdout(`${JSON.stringify({ query: result.description, total: result.total, rows: result.rows }, null, 2)}\n`);
  else if (options.has('csv')) stdoutData(io, segmentsCsv(result.rows, { spreadsheetSafe: csvSafe.safety === 'formula' }));
  else io.stdout(textListing(result.rows, result.total, result.description));
  return EXIT_OK;
}

interface Wanted {
  code: string;
  subcodes: boolean;
  combination?: { flag: CombinationFlag; path: string; within: number };
  coder?: string;
  thread?: string;
  author?: string;
  platform?: string;
  from?: string;
  to?: string;
  month?: string;
}

/** The command line's names → the core's query: code paths and coder names resolved, lists split. */
export function buildQuery(codes: readonly Code[], coders: readonly Coder[], wanted: Wanted): Result<SegmentQuery, Problem> {
  const a = resolveCodePath(codes, wanted.code, 'code');
  if (!a.ok) return a;
  const query: SegmentQuery = { codeId: a.value, includeSubcodes: wanted.subcodes };
  const c = wanted.combination;
  if (c) {
    const b = resolveCodePath(codes, c.path, c.flag);
    if (!b.ok) return b;
    const kind = COMBINATIONS[c.flag];
    const other = { codeId: b.value, includeSubcodes: wanted.subcodes };
    query.combine = (kind === 'near' ? { kind, ...other, within: c.within } : { kind, ...other }) as SegmentCombination;
  }
  if (wanted.coder !== undefined) {
    const key = wanted.coder.trim().toLowerCase();
    const coder = coders.find((x) => x.id === wanted.coder) ?? coders.find((x) => x.name.trim().toLowerCase() === key);
    if (!coder) return err({ field: 'coder', message: `no coder is named "${wanted.coder}" (coders: ${coders.map((x) => x.name).join(', ') || 'none'})` });
    query.coderIds = [coder.id];
  }
  if (wanted.thread !== undefined) query.threadIds = listOf(wanted.thread);
  if (wanted.author !== undefined) query.authors = [wanted.author];
  if (wanted.platform !== undefined) query.platforms = listOf(wanted.platform);
  for (const name of ['from', 'to', 'month'] as const) if (wanted[name] !== undefined) query[name] = wanted[name];
  return ok(query);
}

const listOf = (text: string): string[] => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

/** One block per segment, then how many: readable in a terminal, grep-able by its first line. */
function textListing(rows: readonly SegmentRow[], total: number, description: string): string {
  const blocks = rows.map((r) => {
    const with_ = r.matchedCodePaths.length > 0 ? ` (with ${r.matchedCodePaths.join(', ')})` : '';
    const head = `${r.threadTitle || r.threadId} · post ${r.postId} · ${r.author || '?'} · ${r.postCreatedAt ?? 'no time'} · ${r.codePath}${with_} · ${r.coderName} · ${r.start}–${r.end}`;
    const quote = `  ${r.clippedBefore ? '…' : ''}${r.before}[${r.quote}]${r.after}${r.clippedAfter ? '…' : ''}`.replace(/\n/g, ' ');
    return [head, quote, ...(r.memo.trim() === '' ? [] : [`  memo: ${r.memo.replace(/\n/g, ' ')}`])].join('\n');
  });
  const count = `${total.toLocaleString('en-US')} ${total === 1 ? 'segment' : 'segments'}: ${description}`;
  const shown = rows.length < total ? ` (first ${rows.length.toLocaleString('en-US')} shown)` : '';
  return `${blocks.map((b) => `${b}\n\n`).join('')}${count}${shown}\n`;
}

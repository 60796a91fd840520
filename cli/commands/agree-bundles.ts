import { COEFFICIENTS, type CoefficientReport } from '@shared/agreement/reliability-data';
import {
  AGREEMENT_UNITS,
  agreementReport,
  type AgreementReport,
  type AgreementUnit,
  type CharReport,
  type PostReport,
  type SpanReport,
  type UnitizedReport,
} from '@shared/agreement/units/agreement-report';
import { compareCoderFiles, type CoderFile } from '@shared/project/queries/coder-files';
import type { SpanScore, SpanScores } from '@shared/agreement/units/span-f1';

import { parseArgs, takeRepeated } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { usageError } from '../usage-error';
import { agreeRelationsCommand } from './agree-relations';

/**
 * `threadmark agree <bundle...> --unit post|char|span|unitized|relation [--code NAME]... [--coders A,B] [--json]`
 *
 * Every bundle is loaded and validated first (all problems of all files are printed before
 * giving up). Then the files are compared exactly as the app compares them (the first is the
 * project, the others are added as coder layers: shared/project/queries/coder-files.ts). Posts
 * match by id, else by (platform, platformId); a post whose text differs is named on stderr and
 * not compared for that file's coders; placeholders never count.
 */
export async function agreeBundlesCommand(args: readonly string[], io: CliIo): Promise<number> {
  // --code may repeat, which the shared parser (rightly) refuses for every other option.
  const split = takeRepeated(args, 'code', ['unit', 'coders']);
  if (!split.ok) return usageError('agree', split.error, io);
  const parsed = parseArgs(split.rest, [
    { name: 'unit', takesValue: true },
    { name: 'coders', takesValue: true },
    { name: 'json', takesValue: false },
  ]);
  if (!parsed.ok) return usageError('agree', parsed.error, io);
  const { positionals: paths, options } = parsed.value;
  const unit = options.get('unit');
  if (paths.length === 0) return usageError('agree', 'missing <bundle...> (or --units <file.csv>)', io);
  if (typeof unit !== 'string') return usageError('agree', `missing --unit (one of: ${[...AGREEMENT_UNITS, 'relation'].join(', ')})`, io);
  const codersOption = options.get('coders');
  let coders: string[] | undefined;
  if (typeof codersOption === 'string') {
    coders = codersOption.split(',').map((name) => name.trim());
    if (coders.some((name) => name === '')) return usageError('agree', `--coders needs comma-separated coder names (got "${codersOption}")`, io);
  }
  if (unit === 'relation') {
    if (split.values.length > 0) return usageError('agree', '--code is for codings; --unit relation compares every relation code', io);
    return agreeRelationsCommand(paths, coders, options.has('json'), io);
  }
  if (!isUnit(unit)) return usageError('agree', `unknown unit "${unit}" (one of: ${[...AGREEMENT_UNITS, 'relation'].join(', ')})`, io);

  // Load every file before stopping, so one run shows the problems of all of them.
  const layers: CoderFile[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const loaded = await loadBundle(path, io);
    if (loaded.ok) layers.push({ name: path, bundle: loaded.value });
    else problems.push(...loaded.error.lines);
  }
  if (problems.length > 0) {
    io.stderr(problems.map((line) => `${line}\n`).join(''));
    return EXIT_FAILED;
  }

  // The app's way: the first file is the project, the others are added as coder layers.
  const { source, mismatched, kept } = await compareCoderFiles(layers, new Date().toISOString());
  const input = source.input;
  for (const m of mismatched) {
    io.stderr(`threadmark: warning: post ${m.postId} differs between ${layers[0]!.name} and ${m.file}: not compared for that file's coders\n`);
  }
  for (const k of kept) {
    if (k.coders.length > 0) io.stderr(`threadmark: warning: ${k.file}: ${k.coders.join(', ')} already coded in an earlier file; the earlier file's codings are compared\n`);
  }
  const report = agreementReport(input, { unit, codes: split.values, coders });
  if (!report.ok) {
    io.stderr(`threadmark: ${report.error}\n`);
    return EXIT_FAILED;
  }

  if (options.has('json')) {
    io.stdout(`${JSON.stringify(report.value, null, 2)}\n`);
    return EXIT_OK;
  }
  const coderNames = coders ?? input.coders.map((c) => c.name);
  const chosenIds = new Set(input.coders.filter((c) => coderNames.includes(c.name)).map((c) => c.id));
  // A post counts when at least two of the chosen coders had it (each pair is compared on the posts both had).
  const compared = input.posts.filter((p) => (p.ratedBy ?? [...chosenIds]).filter((id) => chosenIds.has(id)).length >= 2).length;
  const summary =
    `${compared} ${plural(compared, 'post')} compared` +
    (mismatched.length > 0 ? ` (${mismatched.length} left out for some coders: text differs between bundles)` : '') +
    `; coders ${coderNames.join(', ')}`;
  io.stdout(formatReport(report.value, summary));
  return EXIT_OK;
}

const isUnit = (text: string): text is AgreementUnit => (AGREEMENT_UNITS as readonly string[]).includes(text);

const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);

// ─── The readable report ──────────────────────────────────────────────────────────────────────

/** Undefined values become "undefined [n]", with each distinct reason listed once under the table. */
class Notes {
  private readonly reasons: string[] = [];

  cell(value: number | null, reason: string | undefined): string {
    if (value !== null) return fixed(value);
    const text = reason ?? 'not defined';
    let n = this.reasons.indexOf(text);
    if (n === -1) n = this.reasons.push(text) - 1;
    return `undefined [${n + 1}]`;
  }

  lines(): string[] {
    return this.reasons.map((reason, i) => `[${i + 1}] ${reason}`);
  }
}

function formatReport(report: AgreementReport, summary: string): string {
  switch (report.unit) {
    case 'char':
      return charText(report, summary);
    case 'span':
      return spanText(report, summary);
    case 'unitized':
      return unitizedText(report, summary);
    case 'post':
      return postText(report, summary);
  }
}

function charText(report: CharReport, summary: string): string {
  const notes = new Notes();
  const rows: string[][] = [];
  for (const [code, pairs] of Object.entries(report.codes)) {
    for (const [pair, r] of Object.entries(pairs)) {
      rows.push([code, pair, notes.cell(r.kappa, r.undefined.kappa), notes.cell(r.percent_agreement, r.undefined.percent_agreement), count(r.n_chars)]);
    }
  }
  return joinBlocks([
    [`Character agreement (every character a unit, pooled over posts): ${summary}`],
    table(['code', 'pair', 'kappa', 'percent_agreement', 'n_chars'], rows, 2),
    notes.lines(),
  ]);
}

function spanText(report: SpanReport, summary: string): string {
  let undefinedSeen = false;
  const cells = (score: SpanScore) =>
    [score.precision, score.recall, score.f1].map((v) => {
      if (v === null) undefinedSeen = true;
      return v === null ? '–' : fixed(v);
    });
  const rows: string[][] = [];
  const add = (code: string, pair: string, scores: SpanScores) =>
    rows.push([code, pair, ...cells(scores.exact), ...cells(scores.overlap_any), ...cells(scores.overlap_1to1)]);
  for (const [code, pairs] of Object.entries(report.codes)) for (const [pair, scores] of Object.entries(pairs)) add(code, pair, scores);
  for (const [pair, scores] of Object.entries(report.micro)) add('(micro-average)', pair, scores);
  const header = ['code', 'pair', ...['exact', 'any overlap', '1:1 overlap'].flatMap((rule) => [`${rule} P`, 'R', 'F1'])];
  return joinBlocks([
    [`Span F1 (P = precision, R = recall; the first coder of a pair is the reference): ${summary}`],
    table(header, rows, 2),
    undefinedSeen
      ? ['– undefined: precision when the second coder of the pair has no spans, recall when the first has none, F1 when neither has any']
      : [],
  ]);
}

function unitizedText(report: UnitizedReport, summary: string): string {
  const notes = new Notes();
  const codeRows = Object.entries(report.codes).map(([code, r]) => [
    code,
    notes.cell(r.u_alpha, r.undefined.u_alpha),
    notes.cell(r.u_alpha_binary, r.undefined.u_alpha_binary),
  ]);
  const domainRows = Object.entries(report.domains).map(([domain, r]) => [
    domain,
    notes.cell(r.u_alpha, r.undefined.u_alpha),
    notes.cell(r.u_alpha_binary, r.undefined.u_alpha_binary),
    notes.cell(r.cu_alpha, r.undefined.cu_alpha),
  ]);
  return joinBlocks([
    [`Unitizing alphas (posts concatenated into one continuum): ${summary}`],
    table(['code', 'u_alpha', 'u_alpha_binary'], codeRows, 1),
    domainRows.length > 0 ? ['Domains (the codable children of a parent code as its values):', ...table(['domain', 'u_alpha', 'u_alpha_binary', 'cu_alpha'], domainRows, 1)] : [],
    notes.lines(),
  ]);
}

function postText(report: PostReport, summary: string): string {
  const block = (title: string, r: CoefficientReport): string[] => {
    const width = Math.max(...COEFFICIENTS.map((name) => name.length)) + 2;
    return [
      `${title}: ${r.n_units} units, ${r.n_coders} coders, ${r.n_pairable_units} pairable units`,
      ...COEFFICIENTS.map((name) => {
        const value = r[name];
        return `  ${name.padEnd(width)}${value === null ? `undefined: ${r.undefined[name] ?? ''}` : fixed(value)}`;
      }),
    ];
  };
  return joinBlocks([
    [`Post as unit (per code: coded anywhere in the post or not): ${summary}`],
    ...Object.entries(report.codes).map(([code, r]) => block(code, r)),
    block('All codes (every post × code a unit)', report.all_codes),
  ]);
}

/** Left-aligns the first `textColumns` columns and right-aligns the numbers. */
function table(header: string[], rows: string[][], textColumns: number): string[] {
  if (rows.length === 0) return ['(no codes)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function joinBlocks(blocks: string[][]): string {
  return `${blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n'))
    .join('\n\n')}\n`;
}

const count = (n: number) => n.toLocaleString('en-US');

// toFixed keeps a sign on values that round to zero ("-0.000"); a reader should see 0.000.
function fixed(value: number): string {
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

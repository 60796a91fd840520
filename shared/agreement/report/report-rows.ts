import type { BootstrapInterval, CoefficientReport } from '../reliability-data';
import { COEFFICIENTS } from '../reliability-data';
import type { AgreementReport } from '../units/agreement-report';
import type { SpanScores } from '../units/span-f1';
import { type Reading, readingOf } from './reading';

/** One line of an agreement table: a coefficient for a code (and a coder pair where it is pairwise). */
export interface ReportRow {
  /** Code path, or a domain's path for domain coefficients. */
  code: string;
  /** "A|B" for pairwise units (char, span); null when the coefficient covers every selected coder. */
  pair: string | null;
  metric: string;
  /** What the value counts over: pairable units, characters; null where the unit has no such count. */
  n: number | null;
  value: number | null;
  /** Why `value` is null. */
  reason: string | null;
  interval: BootstrapInterval | null;
  reading: Reading | null;
}

/** Bootstrap intervals by `${code}\u0000${metric}` (post unit only). */
export type IntervalMap = ReadonlyMap<string, BootstrapInterval>;
export const intervalKey = (code: string, metric: string): string => `${code}\u0000${metric}`;

const SPAN_METRICS = ['exact', 'overlap_any', 'overlap_1to1'] as const;

/** Flattens any agreement report into table rows, in code order, one per coefficient. */
export function reportRows(report: AgreementReport, intervals: IntervalMap = new Map()): ReportRow[] {
  const rows: ReportRow[] = [];
  const push = (code: string, pair: string | null, metric: string, n: number | null, value: number | null, reason?: string) =>
    rows.push({
      code,
      pair,
      metric,
      n,
      value,
      reason: value === null ? (reason ?? 'not defined') : null,
      interval: intervals.get(intervalKey(code, metric)) ?? null,
      reading: readingOf(metric, value),
    });

  switch (report.unit) {
    case 'post':
      for (const [code, r] of Object.entries(report.codes)) pushCoefficients(code, r, push);
      pushCoefficients('All selected codes', report.all_codes, push);
      break;
    case 'char':
      for (const [code, pairs] of Object.entries(report.codes)) {
        for (const [pair, r] of Object.entries(pairs)) {
          push(code, pair, 'kappa', r.n_chars, r.kappa, r.undefined.kappa);
          push(code, pair, 'percent_agreement', r.n_chars, r.percent_agreement, r.undefined.percent_agreement);
        }
      }
      break;
    case 'span':
      for (const [code, pairs] of Object.entries(report.codes)) {
        for (const [pair, scores] of Object.entries(pairs)) pushSpans(code, pair, scores, push);
      }
      for (const [pair, scores] of Object.entries(report.micro)) pushSpans('Micro-average', pair, scores, push);
      break;
    case 'unitized':
      for (const [code, r] of Object.entries(report.codes)) {
        push(code, null, 'u_alpha', null, r.u_alpha, r.undefined.u_alpha);
        push(code, null, 'u_alpha_binary', null, r.u_alpha_binary, r.undefined.u_alpha_binary);
      }
      for (const [domain, r] of Object.entries(report.domains)) {
        const name = `${domain} (domain)`;
        push(name, null, 'u_alpha', null, r.u_alpha, r.undefined.u_alpha);
        push(name, null, 'u_alpha_binary', null, r.u_alpha_binary, r.undefined.u_alpha_binary);
        push(name, null, 'cu_alpha', null, r.cu_alpha, r.undefined.cu_alpha);
      }
      break;
  }
  return rows;
}

type Push = (code: string, pair: string | null, metric: string, n: number | null, value: number | null, reason?: string) => void;

function pushCoefficients(code: string, r: CoefficientReport, push: Push): void {
  for (const metric of COEFFICIENTS) push(code, null, metric, r.n_pairable_units, r[metric], r.undefined[metric]);
}

function pushSpans(code: string, pair: string, scores: SpanScores, push: Push): void {
  for (const kind of SPAN_METRICS) {
    const s = scores[kind];
    push(code, pair, `${kind}_f1`, null, s.f1, 'no spans to compare');
    push(code, pair, `${kind}_precision`, null, s.precision, 'the second coder has no spans');
    push(code, pair, `${kind}_recall`, null, s.recall, 'the first coder has no spans');
  }
}

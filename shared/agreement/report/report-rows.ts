import type { BootstrapInterval, CoefficientReport } from '../reliability-data';
import { COEFFICIENTS } from '../reliability-data';
import type { AgreementReport } from '../units/agreement-report';
import type { SpanScores } from '../units/span-f1';
import { shownInterval } from './interval-display';
import { type Reading, readingOf } from './reading';

/** One line of an agreement table: a coefficient for a code (and a coder pair where it is pairwise). */
export interface ReportRow {
  /** Code path, a domain's label for domain coefficients, or a summary's label (ALL_CODES_LABEL, MICRO_AVERAGE_LABEL). */
  code: string;
  /** A code of the codebook, a domain (unitized), or a summary over every selected code. */
  scope: RowScope;
  /** "A|B" for pairwise units (char, span); null when the coefficient covers every selected coder. */
  pair: string | null;
  metric: string;
  /** What the value counts over: pairable units, characters; null where the unit has no such count. */
  n: number | null;
  value: number | null;
  /** Why `value` is null. */
  reason: string | null;
  /** A bootstrap interval that can be shown as one (interval-display.ts); null otherwise. */
  interval: BootstrapInterval | null;
  /** Why no interval is shown where one was asked for; null when none was asked for or one is shown. */
  intervalNote: string | null;
  reading: Reading | null;
}

export type RowScope = 'code' | 'domain' | 'summary';

/** The post unit's row over every (post, code) of the selected codes. */
export const ALL_CODES_LABEL = 'All selected codes';
/** The span unit's micro-average over the selected codes. */
export const MICRO_AVERAGE_LABEL = 'Micro-average';

/**
 * Bootstrap intervals by `${code}\u0000${metric}` (post unit only): null where one was asked for
 * and the bootstrap gave none (α undefined). A row with no entry asked for none.
 */
export type IntervalMap = ReadonlyMap<string, BootstrapInterval | null>;
export const intervalKey = (code: string, metric: string): string => `${code}\u0000${metric}`;

const SPAN_METRICS = ['exact', 'overlap_any', 'overlap_1to1'] as const;

/** Flattens any agreement report into table rows, in code order, one per coefficient. */
export function reportRows(report: AgreementReport, intervals: IntervalMap = new Map()): ReportRow[] {
  const rows: ReportRow[] = [];
  const push: Push = (code, scope, pair, metric, n, value, reason) => {
    const why = value === null ? (reason ?? 'not defined') : null;
    const key = intervalKey(code, metric);
    const shown = intervals.has(key) ? shownInterval(intervals.get(key) ?? null, { pairableUnits: n, valueReason: why }) : null;
    rows.push({
      code,
      scope,
      pair,
      metric,
      n,
      value,
      reason: why,
      interval: shown?.interval ?? null,
      intervalNote: shown?.note ?? null,
      reading: readingOf(metric, value),
    });
  };

  switch (report.unit) {
    case 'post':
      for (const [code, r] of Object.entries(report.codes)) pushCoefficients(code, 'code', r, push);
      pushCoefficients(ALL_CODES_LABEL, 'summary', report.all_codes, push);
      break;
    case 'char':
      for (const [code, pairs] of Object.entries(report.codes)) {
        for (const [pair, r] of Object.entries(pairs)) {
          push(code, 'code', pair, 'kappa', r.n_chars, r.kappa, r.undefined.kappa);
          push(code, 'code', pair, 'percent_agreement', r.n_chars, r.percent_agreement, r.undefined.percent_agreement);
        }
      }
      break;
    case 'span':
      for (const [code, pairs] of Object.entries(report.codes)) {
        for (const [pair, scores] of Object.entries(pairs)) pushSpans(code, 'code', pair, scores, push);
      }
      for (const [pair, scores] of Object.entries(report.micro)) pushSpans(MICRO_AVERAGE_LABEL, 'summary', pair, scores, push);
      break;
    case 'unitized':
      for (const [code, r] of Object.entries(report.codes)) {
        push(code, 'code', null, 'u_alpha', null, r.u_alpha, r.undefined.u_alpha);
        push(code, 'code', null, 'u_alpha_binary', null, r.u_alpha_binary, r.undefined.u_alpha_binary);
      }
      for (const [domain, r] of Object.entries(report.domains)) {
        const name = `${domain} (domain)`;
        push(name, 'domain', null, 'u_alpha', null, r.u_alpha, r.undefined.u_alpha);
        push(name, 'domain', null, 'u_alpha_binary', null, r.u_alpha_binary, r.undefined.u_alpha_binary);
        push(name, 'domain', null, 'cu_alpha', null, r.cu_alpha, r.undefined.cu_alpha);
      }
      break;
  }
  return rows;
}

type Push = (code: string, scope: RowScope, pair: string | null, metric: string, n: number | null, value: number | null, reason?: string) => void;

function pushCoefficients(code: string, scope: RowScope, r: CoefficientReport, push: Push): void {
  for (const metric of COEFFICIENTS) push(code, scope, null, metric, r.n_pairable_units, r[metric], r.undefined[metric]);
}

function pushSpans(code: string, scope: RowScope, pair: string, scores: SpanScores, push: Push): void {
  for (const kind of SPAN_METRICS) {
    const s = scores[kind];
    push(code, scope, pair, `${kind}_f1`, null, s.f1, 'no spans to compare');
    push(code, scope, pair, `${kind}_precision`, null, s.precision, 'the second coder has no spans');
    push(code, scope, pair, `${kind}_recall`, null, s.recall, 'the first coder has no spans');
  }
}

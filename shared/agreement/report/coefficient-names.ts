/**
 * Coefficient names as a paper writes them, for every report a reader sees (the app's view and the
 * HTML report). Files meant for other programs — the CSV report, `threadmark agree --json` — keep the
 * machine names (`alpha_nominal`, `cohen_kappa`, …), which are the keys of this table.
 */
export interface CoefficientName {
  /** The name in a table header or a sentence: "Krippendorff’s α", "Brennan–Prediger κₙ". */
  name: string;
  /** What distinguishes it from a sibling of the same name ("nominal", "characters"); null when nothing does. */
  qualifier: string | null;
  /** The symbol alone, for headers such as "α 95% CI". */
  symbol: string;
}

const entry = (name: string, symbol: string, qualifier: string | null = null): CoefficientName => ({ name, qualifier, symbol });

export const COEFFICIENT_NAMES: Readonly<Record<string, CoefficientName>> = {
  // Post as unit (shared/agreement/reliability-data.ts COEFFICIENTS).
  alpha_nominal: entry('Krippendorff’s α', 'α', 'nominal'),
  alpha_ordinal: entry('Krippendorff’s α', 'α', 'ordinal'),
  alpha_interval: entry('Krippendorff’s α', 'α', 'interval'),
  alpha_ratio: entry('Krippendorff’s α', 'α', 'ratio'),
  cohen_kappa: entry('Cohen’s κ', 'κ'),
  fleiss_kappa: entry('Fleiss’ κ', 'κ'),
  gwet_ac1: entry('Gwet’s AC1', 'AC1'),
  brennan_prediger: entry('Brennan–Prediger κₙ', 'κₙ'),
  percent_agreement: entry('Percent agreement', '%'),
  pairwise_agreement: entry('Pairwise agreement', '%'),
  // Character as unit.
  kappa: entry('Cohen’s κ', 'κ', 'characters'),
  // Spans.
  exact_f1: entry('F1', 'F1', 'exact'),
  overlap_any_f1: entry('F1', 'F1', 'any overlap'),
  overlap_1to1_f1: entry('F1', 'F1', 'one-to-one'),
  exact_precision: entry('Precision', 'P', 'exact'),
  exact_recall: entry('Recall', 'R', 'exact'),
  overlap_any_precision: entry('Precision', 'P', 'any overlap'),
  overlap_any_recall: entry('Recall', 'R', 'any overlap'),
  overlap_1to1_precision: entry('Precision', 'P', 'one-to-one'),
  overlap_1to1_recall: entry('Recall', 'R', 'one-to-one'),
  // Unitizing (Krippendorff 2019): the left subscripts are written before α.
  u_alpha: entry('Krippendorff’s uα', 'uα'),
  u_alpha_binary: entry('Krippendorff’s |uα', '|uα', 'binary'),
  cu_alpha: entry('Krippendorff’s cuα', 'cuα', 'domain values'),
};

/** The table entry for a machine name; an unknown name stands for itself. */
export function coefficientName(metric: string): CoefficientName {
  return COEFFICIENT_NAMES[metric] ?? entry(metric, metric);
}

/** One line: "Krippendorff’s α (nominal)", "Cohen’s κ". */
export function coefficientLabel(metric: string): string {
  const { name, qualifier } = coefficientName(metric);
  return qualifier ? `${name} (${qualifier})` : name;
}

/** The units of agreement as a report names them. */
export const UNIT_NAMES: Readonly<Record<string, string>> = {
  post: 'post',
  char: 'character',
  span: 'span',
  unitized: 'unitized continuum',
};

/**
 * A matrix column's header, as two parts: the name and what qualifies it (shown smaller, or in
 * parentheses). `unit` says what the n column counts.
 */
export function columnHeader(
  column: { kind: 'n' } | { kind: 'value'; metric: string } | { kind: 'interval'; metric: string; level: number },
  unit: string,
): { name: string; qualifier: string | null } {
  if (column.kind === 'n') return { name: 'n', qualifier: unit === 'post' ? 'posts' : unit === 'char' ? 'characters' : 'units' };
  if (column.kind === 'value') {
    const { name, qualifier } = coefficientName(column.metric);
    return { name, qualifier };
  }
  return { name: `${coefficientName(column.metric).symbol} ${Math.round(column.level * 100)}% CI`, qualifier: 'bootstrap' };
}

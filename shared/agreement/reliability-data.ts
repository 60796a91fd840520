/**
 * Reliability data (Krippendorff 2011): units × coders → a value or missing. Every coefficient in
 * shared/agreement is computed from this shape; codings become it through a chosen unit.
 */
export type RatingValue = string | number;

export interface ReliabilityData {
  /** Unit labels, one per row. */
  units: readonly string[];
  /** Coder labels, one per column. */
  coders: readonly string[];
  /** values[unit][coder]; null = missing (the coder did not rate that unit). */
  values: ReadonlyArray<ReadonlyArray<RatingValue | null>>;
}

/** The coefficient names, as the CLI prints them. */
export const COEFFICIENTS = [
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
] as const;
export type CoefficientName = (typeof COEFFICIENTS)[number];

/** A coefficient that cannot be computed is null with its reason, never 0, 1 or NaN. */
export type CoefficientReport = {
  n_units: number;
  n_coders: number;
  n_pairable_units: number;
  undefined: Partial<Record<CoefficientName, string>>;
} & Record<CoefficientName, number | null>;

export interface BootstrapInterval {
  low: number;
  high: number;
  level: number;
  samples: number;
  seed: number;
}

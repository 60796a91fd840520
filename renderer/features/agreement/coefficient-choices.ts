import type { AgreementUnit } from '@shared/agreement/units/agreement-report';

/** The coefficients each unit offers, with the ones shown by default first. */
export const COEFFICIENTS_BY_UNIT: Record<AgreementUnit, { all: string[]; preset: string[] }> = {
  post: {
    all: ['alpha_nominal', 'cohen_kappa', 'fleiss_kappa', 'gwet_ac1', 'brennan_prediger', 'percent_agreement', 'pairwise_agreement', 'alpha_ordinal', 'alpha_interval', 'alpha_ratio'],
    preset: ['alpha_nominal', 'cohen_kappa', 'fleiss_kappa', 'gwet_ac1', 'percent_agreement'],
  },
  char: { all: ['kappa', 'percent_agreement'], preset: ['kappa', 'percent_agreement'] },
  span: {
    all: ['exact_f1', 'overlap_any_f1', 'overlap_1to1_f1', 'exact_precision', 'exact_recall', 'overlap_any_precision', 'overlap_any_recall', 'overlap_1to1_precision', 'overlap_1to1_recall'],
    preset: ['exact_f1', 'overlap_any_f1', 'overlap_1to1_f1'],
  },
  unitized: { all: ['u_alpha', 'u_alpha_binary', 'cu_alpha'], preset: ['u_alpha', 'u_alpha_binary', 'cu_alpha'] },
};

export const UNIT_LABELS: Record<AgreementUnit, string> = {
  post: 'Post: is the code in the post? (κ, α, AC1…)',
  char: 'Character: NVivo-style coding comparison (κ per coder pair)',
  span: 'Span: F1 of highlighted spans (exact, overlap)',
  unitized: 'Unitized: Krippendorff’s uα, |uα, cuα on one continuum',
};

export const METRIC_LABELS: Record<string, string> = {
  alpha_nominal: 'Krippendorff’s α (nominal)',
  alpha_ordinal: 'Krippendorff’s α (ordinal)',
  alpha_interval: 'Krippendorff’s α (interval)',
  alpha_ratio: 'Krippendorff’s α (ratio)',
  cohen_kappa: 'Cohen’s κ',
  fleiss_kappa: 'Fleiss’ κ',
  gwet_ac1: 'Gwet’s AC1',
  brennan_prediger: 'Brennan–Prediger κ',
  percent_agreement: 'Percent agreement',
  pairwise_agreement: 'Pairwise agreement',
  kappa: 'Cohen’s κ (characters)',
  exact_f1: 'F1, exact spans',
  overlap_any_f1: 'F1, any overlap',
  overlap_1to1_f1: 'F1, one-to-one overlap',
  exact_precision: 'Precision, exact',
  exact_recall: 'Recall, exact',
  overlap_any_precision: 'Precision, any overlap',
  overlap_any_recall: 'Recall, any overlap',
  overlap_1to1_precision: 'Precision, one-to-one',
  overlap_1to1_recall: 'Recall, one-to-one',
  u_alpha: 'uα',
  u_alpha_binary: '|uα (binary)',
  cu_alpha: 'cuα (domain values)',
};

export const metricLabel = (metric: string): string => METRIC_LABELS[metric] ?? metric;

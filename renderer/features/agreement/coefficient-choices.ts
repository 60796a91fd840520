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

/** The chosen coefficients in the order the unit lists them: the matrix's columns. */
export function orderedMetrics(unit: AgreementUnit, chosen: readonly string[]): string[] {
  return COEFFICIENTS_BY_UNIT[unit].all.filter((m) => chosen.includes(m));
}

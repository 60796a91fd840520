/** Every coefficient of the agreement report for one set of reliability data. */
import { chanceCorrectedAgreement } from './chance-corrected-agreement';
import type { CoefficientResult } from './coefficient-result';
import { cohenKappa } from './cohen-kappa';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { pairwiseAgreement, percentAgreement } from './percent-agreement';
import { prepareRatings } from './prepared-ratings';
import { COEFFICIENTS, type CoefficientName, type CoefficientReport, type ReliabilityData } from './reliability-data';

export function computeCoefficients(data: ReliabilityData): CoefficientReport {
  const prepared = prepareRatings(data);
  const chance = chanceCorrectedAgreement(prepared);
  const results: Record<CoefficientName, CoefficientResult> = {
    percent_agreement: percentAgreement(prepared),
    pairwise_agreement: pairwiseAgreement(prepared),
    cohen_kappa: cohenKappa(prepared),
    fleiss_kappa: fleissKappa(prepared),
    brennan_prediger: chance.brennanPrediger,
    gwet_ac1: chance.gwetAc1,
    alpha_nominal: krippendorffAlpha(prepared, 'nominal'),
    alpha_ordinal: krippendorffAlpha(prepared, 'ordinal'),
    alpha_interval: krippendorffAlpha(prepared, 'interval'),
    alpha_ratio: krippendorffAlpha(prepared, 'ratio'),
  };
  const values = {} as Record<CoefficientName, number | null>;
  const reasons: CoefficientReport['undefined'] = {};
  for (const name of COEFFICIENTS) {
    const result = results[name];
    values[name] = 'value' in result ? result.value : null;
    if ('reason' in result) reasons[name] = result.reason;
  }
  // Key order is the order the CLI prints.
  const report: CoefficientReport = {
    // From the encoding, which has the same counts: data read by the fast CSV path decodes its unit labels only when asked.
    n_units: prepared.encoded.nUnits,
    n_coders: prepared.encoded.nCoders,
    n_pairable_units: prepared.tallies.nPairableUnits,
    ...values,
    undefined: reasons,
  };
  return report;
}

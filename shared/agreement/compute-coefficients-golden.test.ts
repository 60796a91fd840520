/**
 * Golden tests: every published worked example on reliability data, compared at the precision its
 * source prints. The data and the published values are copied from the project's sample set into
 * ./fixtures (each *.expected.json names its source and tolerance).
 */
import { describe, expect, it } from 'vitest';

import { computeCoefficients } from './compute-coefficients';
import fleiss1971Csv from './fixtures/fleiss-1971-diagnoses-30x6.csv?raw';
import fleiss1971 from './fixtures/fleiss-1971-diagnoses-30x6.expected.json';
import kripp2011Csv from './fixtures/krippendorff-2011-4x12.csv?raw';
import kripp2011 from './fixtures/krippendorff-2011-4x12.expected.json';
import cohenCsv from './fixtures/wikipedia-cohen-2x50.csv?raw';
import cohen from './fixtures/wikipedia-cohen-2x50.expected.json';
import fleissCsv from './fixtures/wikipedia-fleiss-10x14.csv?raw';
import fleiss from './fixtures/wikipedia-fleiss-10x14.expected.json';
import krippWikiCsv from './fixtures/wikipedia-kripp-3x15.csv?raw';
import krippWiki from './fixtures/wikipedia-kripp-3x15.expected.json';
import type { CoefficientName, CoefficientReport } from './reliability-data';
import { parseUnitsCsv } from './units-csv';

interface Expected {
  expected: Partial<Record<CoefficientName, { value: number; tol: number }>>;
}

function reportOf(csv: string): CoefficientReport {
  const data = parseUnitsCsv(csv);
  if (!data.ok) throw new Error(data.error.join('\n'));
  return computeCoefficients(data.value);
}

/** Every value the fixture publishes, within the fixture's tolerance (half a unit of the last printed digit). */
function expectPublished(report: CoefficientReport, { expected }: Expected) {
  const entries = Object.entries(expected) as [CoefficientName, { value: number; tol: number }][];
  expect(entries.length).toBeGreaterThan(0);
  for (const [name, { value, tol }] of entries) {
    const ours = report[name];
    expect(ours, name).not.toBeNull();
    expect(Math.abs(ours! - value), `${name}: ours ${ours}, published ${value}`).toBeLessThanOrEqual(tol);
  }
}

describe('published worked examples', () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  // Communication Departmental Papers 43, https://repository.upenn.edu/asc_papers/43 — the 4 observers
  // × 12 units example with missing data: section C nominal .743, D ordinal .815, E interval .849, F ratio .797.
  it('Krippendorff (2011) 4 × 12 with missing data: α at all four levels', () => {
    const report = reportOf(kripp2011Csv);
    expectPublished(report, kripp2011);
    expect(report.alpha_nominal).toBeCloseTo(0.743, 3);
    expect(report.alpha_ordinal).toBeCloseTo(0.815, 3);
    expect(report.alpha_interval).toBeCloseTo(0.849, 3);
    expect(report.alpha_ratio).toBeCloseTo(0.797, 3);
    // Unit 12 has a single value: 12 units, 11 pairable.
    expect(report).toMatchObject({ n_units: 12, n_coders: 4, n_pairable_units: 11 });
  });

  // Wikipedia, "Krippendorff's alpha", section "A computational example"
  // (https://en.wikipedia.org/wiki/Krippendorff%27s_alpha): nominal α = 0.691; six decimals
  // (0.691358 nominal, 0.810845 interval) as in fast-krippendorff's doctest.
  it('Wikipedia Krippendorff 3 × 15: α nominal .691358 and interval .810845', () => {
    const report = reportOf(krippWikiCsv);
    expectPublished(report, krippWiki);
    expect(report.alpha_nominal).toBeCloseTo(0.691358, 6);
    expect(report.alpha_interval).toBeCloseTo(0.810845, 6);
    // Units 2 and 14 are empty and unit 1 has one value: 15 units, 12 pairable.
    expect(report).toMatchObject({ n_units: 15, n_coders: 3, n_pairable_units: 12 });
  });

  // Wikipedia, "Cohen's kappa", worked example (https://en.wikipedia.org/wiki/Cohen%27s_kappa):
  // 50 proposals, two readers, p_o = 0.7, p_e = 0.5, κ = 0.4 (exact rationals).
  it('Wikipedia Cohen 2 × 50: p_o = .70 and κ = .40', () => {
    const report = reportOf(cohenCsv);
    expectPublished(report, cohen);
    expect(report.percent_agreement).toBeCloseTo(0.7, 12);
    expect(report.cohen_kappa).toBeCloseTo(0.4, 12);
  });

  // Wikipedia, "Fleiss' kappa", worked example (https://en.wikipedia.org/wiki/Fleiss%27_kappa):
  // 10 subjects × 14 raters × 5 categories, P̄ = 0.378, P̄e = 0.213, κ = 0.210.
  it('Wikipedia Fleiss 10 × 14: κ = .210 (and P̄ = .378, the mean pairwise agreement)', () => {
    const report = reportOf(fleissCsv);
    expectPublished(report, fleiss);
    expect(report.fleiss_kappa).toBeCloseTo(0.21, 3);
    expect(report.pairwise_agreement).toBeCloseTo(0.378, 3);
  });

  // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
  // Bulletin 76(5), 378–382: 30 patients × 6 psychiatrists, κ = .430; R irr::kappam.fleiss
  // on the same data (irr::diagnoses) prints 0.4302445.
  it('Fleiss (1971) diagnoses 30 × 6: κ = .430 (R irr: 0.4302445)', () => {
    const report = reportOf(fleiss1971Csv);
    expectPublished(report, fleiss1971);
    expect(report.fleiss_kappa).toBeCloseTo(0.43, 3);
    expect(report.fleiss_kappa).toBeCloseTo(0.4302445, 7);
  });
});

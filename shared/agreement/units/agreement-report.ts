/**
 * The agreement report of `threadmark agree <bundle...> --unit char|span|unitized|post`, in the
 * JSON shapes of the issue: keys are code paths and coder pairs "A|B" (names, in the order
 * listed). Numbers are unrounded; a value that cannot be computed is null, with its reason in the
 * sibling `undefined` map wherever the shape has room for one.
 */
import { computeCoefficients } from '../compute-coefficients';
import type { CoefficientReport } from '../reliability-data';
import { unitizedForCode, unitizedForDomain } from '../unitized/unitized-agreement';
import type { UnitizingAlphas } from '../unitized/unitizing-alpha';
import { nameKeyed } from '../../util/name-keyed';
import { err, ok, type Result } from '../../util/result';
import { type CharAgreement, charComparison } from './char-unit';
import { coderPairs, selectCoders, selectCodes } from './code-selection';
import { type AgreementInput, codingLayers } from './coding-layers';
import { postCodeUnitData, postUnitData } from './post-unit';
import { NO_SPANS, type SpanScores, addSpanCounts, spanCounts, spanScores } from './span-f1';

export const AGREEMENT_UNITS = ['post', 'char', 'span', 'unitized'] as const;
export type AgreementUnit = (typeof AGREEMENT_UNITS)[number];

export interface AgreementReportOptions {
  unit: AgreementUnit;
  /** Code paths ("Parent > Child"); all codes when absent or empty. */
  codes?: readonly string[];
  /** Coder names, in the order pairs are formed; all coders when absent or empty. */
  coders?: readonly string[];
}

export interface CharReport {
  unit: 'char';
  codes: Record<string, Record<string, CharAgreement>>;
}

export interface SpanReport {
  unit: 'span';
  codes: Record<string, Record<string, SpanScores>>;
  micro: Record<string, SpanScores>;
}

export type UnitizedCodeAlphas = Pick<UnitizingAlphas, 'u_alpha' | 'u_alpha_binary' | 'undefined'>;

export interface UnitizedReport {
  unit: 'unitized';
  codes: Record<string, UnitizedCodeAlphas>;
  domains: Record<string, UnitizingAlphas>;
}

export interface PostReport {
  unit: 'post';
  codes: Record<string, CoefficientReport>;
  /** Every (post, code) of the selected codes as one unit: agreement over the whole codebook. */
  all_codes: CoefficientReport;
}

export type AgreementReport = CharReport | SpanReport | UnitizedReport | PostReport;

export function agreementReport(input: AgreementInput, options: AgreementReportOptions): Result<AgreementReport, string> {
  const codes = selectCodes(input, options.codes);
  if (!codes.ok) return codes;
  const coders = selectCoders(input, options.coders);
  if (!coders.ok) return coders;
  const layers = codingLayers(input);
  const coderIds = coders.value.map((c) => c.id);
  const pairs = coderPairs(coders.value);

  switch (options.unit) {
    case 'char': {
      const report: CharReport = { unit: 'char', codes: nameKeyed() };
      for (const code of codes.value.codes) {
        const byPair = nameKeyed<CharAgreement>();
        for (const { key, a, b } of pairs) byPair[key] = charComparison(input, code.id, a.id, b.id, { layers }).pooled;
        report.codes[code.path] = byPair;
      }
      return ok(report);
    }
    case 'span': {
      const report: SpanReport = { unit: 'span', codes: nameKeyed(), micro: nameKeyed() };
      const totals = pairs.map(() => NO_SPANS);
      for (const code of codes.value.codes) {
        const byPair = nameKeyed<SpanScores>();
        pairs.forEach(({ key, a, b }, p) => {
          const counts = spanCounts(input, code.id, a.id, b.id, layers);
          totals[p] = addSpanCounts(totals[p]!, counts);
          byPair[key] = spanScores(counts);
        });
        report.codes[code.path] = byPair;
      }
      pairs.forEach(({ key }, p) => {
        report.micro[key] = spanScores(totals[p]!);
      });
      return ok(report);
    }
    case 'unitized': {
      const report: UnitizedReport = { unit: 'unitized', codes: nameKeyed(), domains: nameKeyed() };
      for (const code of codes.value.codes) {
        const { u_alpha, u_alpha_binary, undefined: reasons } = unitizedForCode(input, code.id, coderIds, layers);
        // cuα needs two values, so it belongs to domains only.
        const { cu_alpha: _cu, ...codeReasons } = reasons;
        report.codes[code.path] = { u_alpha, u_alpha_binary, undefined: codeReasons };
      }
      for (const domain of codes.value.domains) {
        report.domains[domain.path] = unitizedForDomain(input, domain.id, coderIds, layers);
      }
      return ok(report);
    }
    case 'post': {
      const perCode = nameKeyed<CoefficientReport>();
      for (const code of codes.value.codes) perCode[code.path] = computeCoefficients(postUnitData(input, code.id, coderIds, layers));
      const all = postCodeUnitData(input, codes.value.codes.map((c) => c.id), coderIds, layers);
      return ok({ unit: 'post', codes: perCode, all_codes: computeCoefficients(all) });
    }
    default: {
      const unknown: never = options.unit;
      return err(`Unknown unit "${String(unknown)}".`);
    }
  }
}

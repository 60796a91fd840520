import { bootstrapAlpha } from '@shared/agreement/bootstrap-alpha';
import { ALL_CODES_LABEL, intervalKey, type ReportRow, reportRows } from '@shared/agreement/report/report-rows';
import type { BootstrapInterval } from '@shared/agreement/reliability-data';
import { agreementReport, type AgreementUnit } from '@shared/agreement/units/agreement-report';
import { selectCoders, selectCodes } from '@shared/agreement/units/code-selection';
import { type AgreementInput, codingLayers } from '@shared/agreement/units/coding-layers';
import { postCodeUnitData, postUnitData } from '@shared/agreement/units/post-unit';
import type { RpcMethod } from '@shared/rpc/rpc';
import { err, ok, type Result } from '@shared/util/result';

export interface AgreementRequest {
  input: AgreementInput;
  unit: AgreementUnit;
  /** Code paths; all codable codes when empty. */
  codes: string[];
  /** Coder names, in pair order. */
  coders: string[];
  /** Bootstrap replicates for α's interval (post unit); 0 = none. */
  bootstrapSamples: number;
  seed: number;
}

/** The agreement Worker's protocol (shared/rpc): one report per call. */
export interface AgreementProtocol {
  run: RpcMethod<AgreementRequest, Result<ReportRow[], string>>;
}

/** Same seed, same intervals: a report can be reproduced exactly. */
export const DEFAULT_BOOTSTRAP_SEED = 20261124;

/** The whole report as table rows; runs in the agreement worker (pure, so also testable in Node). */
export function runAgreementReport(request: AgreementRequest): Result<ReportRow[], string> {
  const { input, unit, codes, coders, bootstrapSamples, seed } = request;
  const report = agreementReport(input, { unit, codes, coders });
  if (!report.ok) return report;
  // null: asked for, but the bootstrap gave none (reportRows says why in the row's intervalNote).
  const intervals = new Map<string, BootstrapInterval | null>();
  if (unit === 'post' && bootstrapSamples > 0) {
    const selection = selectCodes(input, codes);
    const chosenCoders = selectCoders(input, coders);
    if (!selection.ok) return err(selection.error);
    if (!chosenCoders.ok) return err(chosenCoders.error);
    const layers = codingLayers(input);
    const coderIds = chosenCoders.value.map((c) => c.id);
    const options = { samples: bootstrapSamples, seed };
    for (const code of selection.value.codes) {
      const data = postUnitData(input, code.id, coderIds, layers);
      intervals.set(intervalKey(code.path, 'alpha_nominal'), bootstrapAlpha(data, 'nominal', options));
    }
    const all = postCodeUnitData(input, selection.value.codes.map((c) => c.id), coderIds, layers);
    intervals.set(intervalKey(ALL_CODES_LABEL, 'alpha_nominal'), bootstrapAlpha(all, 'nominal', options));
  }
  return ok(reportRows(report.value, intervals));
}

import type { Bundle } from '@shared/bundle/bundle';
import type { AnalysisExportKind } from '@shared/export/analysis-export-kinds';
import type { Problem } from '@shared/problem/problem';
import type { RpcMethod } from '@shared/rpc/rpc';
import type { Result } from '@shared/util/result';

export type AnalysisExportBuilt = Result<{ bytes: Uint8Array; rows: number }, Problem>;

/** The analysis export Worker: one export of one project, its bytes back. */
export interface AnalysisExportProtocol {
  build: RpcMethod<{ kind: AnalysisExportKind; bundle: Bundle }, AnalysisExportBuilt>;
}

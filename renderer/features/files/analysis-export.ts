/**
 * File → Export for analysis…: the project read as a bundle from Dexie, then the same shared/export
 * entry `threadmark export --to …` runs (ANALYSIS_EXPORTS), in a Worker, saved through the
 * platform's file service as bytes.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { ANALYSIS_EXPORT_INFO, type AnalysisExportKind } from '@shared/export/analysis-export-kinds';
import { formatProblem } from '@shared/problem/problem';
import { createWorkerClient } from '@shared/rpc/rpc';
import { fileStem } from '@shared/util/file-name';
import { err } from '@shared/util/result';

import type { Services } from '../../app/services';
import { bundleToExport, privacySentence, PSEUDONYMISED, type PrivacyChoice } from './export-privacy';
import type { AnalysisExportBuilt, AnalysisExportProtocol } from './analysis-export-protocol';

/** Builds one export's bytes; the app's runs in a Worker, tests pass the shared build itself. */
export type BuildAnalysisExport = (kind: AnalysisExportKind, bundle: Bundle) => Promise<AnalysisExportBuilt>;

/** A Worker per export, ended when it answers: exports are rare, and a Worker holds the writers' memory. */
export const buildInWorker: BuildAnalysisExport = async (kind, bundle) => {
  const worker = new Worker(new URL('./analysis-export.worker.ts', import.meta.url), { type: 'module', name: 'analysis-export' });
  const client = createWorkerClient<AnalysisExportProtocol>(worker, { name: 'analysis-export' });
  try {
    const answer = await client.build({ kind, bundle });
    return answer.ok ? answer.value : err(answer.error);
  } finally {
    client.dispose();
  }
};

export async function exportForAnalysis(
  services: Pick<Services, 'db' | 'platform' | 'clock' | 'ids' | 'announce'>,
  kind: AnalysisExportKind,
  build: BuildAnalysisExport = buildInWorker,
  privacy: PrivacyChoice = PSEUDONYMISED,
): Promise<void> {
  const { platform, announce } = services;
  const info = ANALYSIS_EXPORT_INFO[kind];
  // Said first: a big project's workbook takes seconds, and the status line shows it is under way.
  announce(`Preparing ${info.label}…`);
  const { bundle, report } = await bundleToExport(services, privacy);
  const built = await build(kind, bundle);
  if (!built.ok) {
    announce(`Nothing exported: ${formatProblem(built.error)}.`, 'error');
    return;
  }
  const saved = await platform.saveBinaryFile(`${fileStem(bundle.project.name)}${info.suffix}`, built.value.bytes, [info.filter]);
  if (!saved.ok) announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) {
    const { rows } = built.value;
    announce(`Exported ${rows} ${rows === 1 ? info.rowNoun.replace(/s$/, '') : info.rowNoun} as ${info.label} to ${saved.value}.${privacySentence(report)}`);
  }
}

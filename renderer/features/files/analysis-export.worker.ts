/// <reference lib="webworker" />
import { ANALYSIS_EXPORTS } from '@shared/export/analysis-exports';
import { serveWorker } from '@shared/rpc/rpc';

import type { AnalysisExportProtocol } from './analysis-export-protocol';

// A workbook of 200,000 codings takes seconds: off the UI thread, so the app stays responsive.
// The writers (hyparquet-writer, the XLSX writer) live only in this Worker's bundle.
serveWorker<AnalysisExportProtocol>(self, { build: ({ kind, bundle }) => ANALYSIS_EXPORTS[kind].build(bundle) });

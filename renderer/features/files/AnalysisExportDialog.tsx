import { ANALYSIS_EXPORT_INFO, type AnalysisExportKind } from '@shared/export/analysis-export-kinds';

import { useState } from 'react';

import { ChoiceDialog } from '../../app/ui/ChoiceDialog';
import type { PrivacyChoice } from './export-privacy';
import { PseudonymiseOption } from './PseudonymiseOption';

interface Props {
  onExport: (kind: AnalysisExportKind, privacy: PrivacyChoice) => void;
  onCancel: () => void;
}

/** What each file holds, in the dialog's order (docs/formats.md, "Exports for analysis"). */
const CHOICES: ReadonlyArray<{ kind: AnalysisExportKind; hint: string }> = [
  { kind: 'segments-csv', hint: 'One row per coding with its thread, platform, URL, times, codebook version and exemplar flag.' },
  { kind: 'matrix-csv', hint: 'One row per post, one column per code: how many codings.' },
  { kind: 'binary-matrix-csv', hint: 'One row per post, one column per code: 1 if coded, else 0.' },
  { kind: 'thread-matrix-csv', hint: 'One row per thread, one column per code: how many codings.' },
  { kind: 'xlsx', hint: 'Segments, post × code, thread × code, codebook and coders, one sheet each; text never runs as a formula.' },
  { kind: 'parquet', hint: 'The coded segments for R (arrow) or Python (pandas, polars), typed columns.' },
  { kind: 'matrix-parquet', hint: 'The post × code counts for R or Python.' },
  { kind: 'relations-csv', hint: 'One row per relation between posts: both ends’ ids, offsets and quotes, the relation code, coder and memo.' },
];

/** Picks a table for R, Python, SPSS or a spreadsheet; every file counts all coders' codings. */
export function AnalysisExportDialog({ onExport, onCancel }: Props) {
  const [pseudonymize, setPseudonymize] = useState(true);
  return (
    <ChoiceDialog
      id="analysis-export"
      title="Export for analysis"
      description="Tables of the whole project, every coder's codings. Offsets are Unicode code points."
      choices={CHOICES.map(({ kind, hint }) => ({ key: kind, label: ANALYSIS_EXPORT_INFO[kind].label, hint }))}
      note={<PseudonymiseOption checked={pseudonymize} onChange={setPseudonymize} />}
      onChoose={(kind) => onExport(kind, { pseudonymize })}
      onCancel={onCancel}
    />
  );
}

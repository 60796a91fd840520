import { useState } from 'react';

import { ChoiceDialog } from '../../app/ui/ChoiceDialog';
import type { PrivacyChoice } from './export-privacy';
import { PseudonymiseOption } from './PseudonymiseOption';

interface Props {
  onExport: (spreadsheetSafe: boolean, privacy: PrivacyChoice) => void;
  onCancel: () => void;
  /** Another heading and sentence for one layer's export (the Adjudication view's consensus). */
  title?: string;
  description?: string;
}

/** The coded-segments CSV comes exact (for analysis code) or formula-safe (for spreadsheets). */
export function CsvExportDialog({ onExport, onCancel, title = 'Export coded segments (CSV)', description }: Props) {
  const [pseudonymize, setPseudonymize] = useState(true);
  return (
    <ChoiceDialog
      id="csv-export"
      title={title}
      description={description ?? 'One row per coding: post, author, code path, coder, offsets in Unicode code points, quote and memo.'}
      choices={[
        { key: 'exact', label: 'For R, Python or SPSS (exact text)' },
        { key: 'spreadsheet', label: 'For Excel or Sheets (formula-safe)' },
      ]}
      note={
        <>
          Formula-safe puts a ' before cells that start with = + - @, so a spreadsheet cannot run a post as a formula.
          <PseudonymiseOption checked={pseudonymize} onChange={setPseudonymize} />
        </>
      }
      onChoose={(key) => onExport(key === 'spreadsheet', { pseudonymize })}
      onCancel={onCancel}
    />
  );
}

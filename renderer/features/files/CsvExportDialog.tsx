import { Dialog } from '../../app/ui/Dialog';

interface Props {
  onExport: (spreadsheetSafe: boolean) => void;
  onCancel: () => void;
  /** Another heading and sentence for one layer's export (the Adjudication view's consensus). */
  title?: string;
  description?: string;
}

/** The coded-segments CSV comes exact (for analysis code) or formula-safe (for spreadsheets). */
export function CsvExportDialog({ onExport, onCancel, title = 'Export coded segments (CSV)', description }: Props) {
  return (
    <Dialog labelledBy="csv-export-title" onCancel={onCancel}>
        <h2 id="csv-export-title">{title}</h2>
        <p>{description ?? 'One row per coding: post, author, code path, coder, offsets in Unicode code points, quote and memo.'}</p>
        <div className="choice-list">
          <button type="button" className="primary" autoFocus onClick={() => onExport(false)}>
            For R, Python or SPSS (exact text)
          </button>
          <button type="button" onClick={() => onExport(true)}>
            For Excel or Sheets (formula-safe)
          </button>
        </div>
        <p className="panel-sub">
          Formula-safe puts a ' before cells that start with = + - @, so a spreadsheet cannot run a post as a formula.
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
    </Dialog>
  );
}

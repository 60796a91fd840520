import type { ImportReport } from './file-actions';
import { Dialog } from '../../app/ui/Dialog';

const SHOWN = 50;

export function ImportProblemsDialog({ report, onClose }: { report: ImportReport; onClose: () => void }) {
  const more = report.problems.length - SHOWN;
  return (
    <Dialog labelledBy="import-problems-title" role="alertdialog" wide onCancel={onClose}>
        <h2 id="import-problems-title">{report.fileName} was not imported</h2>
        <p>Nothing in your project was changed. The file has {report.problems.length === 1 ? 'this problem' : `${report.problems.length} problems`}:</p>
        <ul className="problem-list">
          {report.problems.slice(0, SHOWN).map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
        {more > 0 ? <p>…and {more} more.</p> : null}
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
    </Dialog>
  );
}

import { useId } from 'react';

import { LONG_QUOTE_WORDS, RARE_MIN_UNCOMMON, RARE_WINDOW, type QuoteFlagKind } from '@shared/analysis/quotes/quote-flags';
import { quoteReport, quoteReportCsv } from '@shared/analysis/quotes/quote-report';
import { fileStem } from '@shared/util/file-name';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { Isolated } from '../../app/ui/Isolated';
import { useProjectQuery } from '../../db/use-project-query';

const FLAG_LABEL: Record<QuoteFlagKind, string> = {
  long: 'long',
  'rare-sequence': 'rare words',
  handle: 'handle',
  hashtag: 'hashtag',
  link: 'link',
  'platform-terms': 'platform terms',
};

/**
 * View → Quote report…: every coding marked as quoted in a paper; verbatim quotes a search engine
 * could match are flagged (long, rare word runs, handles, hashtags, links) beside the thread's
 * platform terms, with what to change. The CSV holds the same rows.
 */
export function QuoteReportDialog({ onClose }: { onClose: () => void }) {
  const { db, platform, announce } = useServices();
  const rows = useProjectQuery(db, (r) => Promise.all([quoteReport(r), r.project()]), []);
  const id = useId();
  const saveCsv = async () => {
    if (!rows) return;
    const saved = await platform.saveTextFile(`${fileStem(rows[1]?.name ?? 'project')}-quote-report.csv`, quoteReportCsv(rows[0]), [{ name: 'CSV', extensions: ['csv'] }]);
    if (!saved.ok) announce(`Export failed: ${saved.error}`, 'error');
    else if (saved.value) announce(`Exported the quote report (${rows[0].length} quotes) to ${saved.value}.`);
  };
  const list = rows?.[0] ?? [];
  const flagged = list.filter((r) => r.flags.some((f) => f.kind !== 'platform-terms')).length;
  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-rule`} wide onCancel={onClose}>
      <h2 id={`${id}-title`}>Quote report</h2>
      <p id={`${id}-rule`} className="panel-sub">
        A verbatim quote is flagged when a search engine could find its author: {LONG_QUOTE_WORDS} words or more; {RARE_MIN_UNCOMMON} uncommon words within {RARE_WINDOW} (words outside a list of
        common English words); a handle, hashtag or link. The thread’s platform terms are shown beside it. Mark quotes in the Codings panel (“Quoted in paper”).
      </p>
      {rows === undefined ? null : list.length === 0 ? (
        <p>No coding is marked as quoted yet.</p>
      ) : (
        <>
          <p role="status">
            {list.length} quoted {list.length === 1 ? 'coding' : 'codings'}, {flagged} verbatim {flagged === 1 ? 'quote' : 'quotes'} flagged.
          </p>
          <div className="platform-table-scroll">
            <table className="platform-table quote-report">
              <thead>
                <tr>
                  <th scope="col">Quote</th>
                  <th scope="col">Quoted</th>
                  <th scope="col">Code</th>
                  <th scope="col">Thread</th>
                  <th scope="col">Flags</th>
                  <th scope="col">Suggestion</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.codingId} data-coding-id={r.codingId}>
                    <td>
                      <Isolated>{r.quote}</Isolated>
                    </td>
                    <td>{r.quoted}</td>
                    <td>
                      <Isolated>{r.code}</Isolated>
                    </td>
                    <td>
                      <Isolated>{r.threadTitle}</Isolated>
                    </td>
                    <td>
                      <ul className="quote-flags">
                        {r.flags.map((f, i) => (
                          <li key={i}>
                            <strong>{FLAG_LABEL[f.kind]}</strong>: <Isolated>{f.detail}</Isolated>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{r.suggestion}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void saveCsv()} disabled={list.length === 0}>
          Export CSV…
        </button>
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

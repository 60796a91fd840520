import { useMemo, useState } from 'react';

import { codePath } from '@shared/codebook/code-path';
import type { Code, Coder } from '@shared/model/records';
import { codebookChangeLog } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';
import { formatPostTime } from '../threads/format-time';

interface Props {
  codes: readonly Code[];
  coders: ReadonlyMap<string, Coder>;
}

const PAGE = 100;

/** Every codebook change, newest first: when, who, what; optionally only those of one code. */
export function ChangeLogTab({ codes, coders }: Props) {
  const { db } = useServices();
  const [codeId, setCodeId] = useState('');
  const [shown, setShown] = useState(PAGE);
  const all = useProjectQuery(db, (reader) => codebookChangeLog(reader), []);
  const changes = useMemo(() => (codeId === '' ? all : all?.filter((c) => c.codeId === codeId)), [all, codeId]);

  // Deleted codes keep their history: they are offered under the name they last had.
  const options = useMemo(() => {
    const byId = new Map(codes.map((c) => [c.id, c]));
    const current = codes.map((c) => ({ id: c.id, label: codePath(byId, c.id) }));
    const gone = new Map<string, string>();
    for (const change of all ?? []) {
      const name = (change.before ?? change.after)?.name;
      if (!byId.has(change.codeId) && !gone.has(change.codeId) && name) gone.set(change.codeId, `${name} (deleted)`);
    }
    return [...current, ...[...gone].map(([id, label]) => ({ id, label }))];
  }, [codes, all]);

  return (
    <>
      <label htmlFor="change-log-code">Show the changes of</label>
      <select
        id="change-log-code"
        value={codeId}
        onChange={(e) => {
          setCodeId(e.target.value);
          setShown(PAGE);
        }}
      >
        <option value="">All codes</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {changes === undefined ? (
        <p role="status">Loading the change log…</p>
      ) : changes.length === 0 ? (
        <p className="muted">No changes recorded{codeId === '' ? ' yet' : ' for this code'}.</p>
      ) : (
        <div className="codebook-log-scroll" role="region" aria-label="Change log" tabIndex={0}>
          <table className="codebook-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {changes.slice(0, shown).map((change) => (
                <tr key={change.id}>
                  <td className="nowrap">
                    <time dateTime={change.at} title={change.at}>
                      {formatPostTime(change.at)}
                    </time>
                  </td>
                  <td>{coders.get(change.coderId)?.name ?? 'an unknown coder'}</td>
                  <td>{change.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {changes && changes.length > shown ? (
        <button type="button" className="link-button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, changes.length - shown)} more of {changes.length}
        </button>
      ) : null}
    </>
  );
}

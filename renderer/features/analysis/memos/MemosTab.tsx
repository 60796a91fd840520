import { useMemo, useState } from 'react';

import { filterMemos, MEMO_KINDS, memoList, type MemoKind, type MemoRow } from '@shared/analysis/memos/memo-list';
import type { ProjectReader } from '@shared/project/project-store';

import { useServices } from '../../../app/services';
import { useProjectQuery } from '../../../db/use-project-query';
import { PseudonymiseOption } from '../../files/PseudonymiseOption';
import type { AnalysisTabProps } from '../AnalysisView';
import { MemoButton } from './MemoButton';
import { MemoDialog } from './MemoDialog';
import { exportMemosCsv } from './export-memos';
import './memos.css';
import { Isolated } from '../../../app/ui/Isolated';

const KIND_LABEL: Record<MemoKind, string> = { project: 'Project', thread: 'Thread', post: 'Post', code: 'Code', coding: 'Coding' };
/** Rows drawn at once: a search narrows a longer list. */
const SHOWN = 500;

async function load(reader: ProjectReader) {
  const [rows, project, threads, coders] = await Promise.all([memoList(reader), reader.project(), reader.threads(), reader.coders()]);
  return { rows, project, rootOf: new Map(threads.map((t) => [t.id, t.rootPostId])), coders: [...coders].sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * Analysis → Memos: every memo of the project (project, thread, post, code and coding memos),
 * searchable and filtered by kind and coder; each jumps to its post or thread. Live: a memo written
 * anywhere shows up here.
 */
export function MemosTab({ onShowPost }: AnalysisTabProps) {
  const services = useServices();
  const data = useProjectQuery(services.db, load, []);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<MemoKind | ''>('');
  const [coderId, setCoderId] = useState('');
  const [editing, setEditing] = useState<MemoRow | null>(null);
  const [pseudonymize, setPseudonymize] = useState(true);
  const rows = useMemo(() => (data ? filterMemos(data.rows, { text, kinds: kind === '' ? [] : [kind], coderIds: coderId === '' ? [] : [coderId] }) : []), [data, text, kind, coderId]);
  if (!data) return <p className="empty">Loading memos…</p>;

  const exportCsv = () => exportMemosCsv(services, rows, data.project?.name ?? 'project', { pseudonymize });
  const jump = (row: MemoRow) => {
    if (row.threadId === null) return;
    const postId = row.postId ?? data.rootOf.get(row.threadId);
    if (postId) onShowPost(row.threadId, postId);
  };

  return (
    <div className="memos-tab">
      <div className="memos-controls" role="search" aria-label="Find memos">
        <label htmlFor="memo-search">Search memos</label>
        <input id="memo-search" type="search" value={text} placeholder="Words in a memo, its thread or code" onChange={(e) => setText(e.target.value)} />
        <label htmlFor="memo-kind">Kind</label>
        <select id="memo-kind" value={kind} onChange={(e) => setKind(e.target.value as MemoKind | '')}>
          <option value="">All kinds</option>
          {MEMO_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <label htmlFor="memo-coder">Coder</label>
        <select id="memo-coder" value={coderId} onChange={(e) => setCoderId(e.target.value)}>
          <option value="">All coders</option>
          {data.coders.map((c) => (
            <option key={c.id} value={c.id}>
              <Isolated>{c.name}</Isolated>
            </option>
          ))}
        </select>
        <div className="toolbar">
          {data.project ? <MemoButton target={{ kind: 'project', id: data.project.id }} targetLabel={`the project “${data.project.name}”`} /> : null}
          <button type="button" onClick={() => void exportCsv()} disabled={rows.length === 0}>
            Export CSV
          </button>
          <PseudonymiseOption checked={pseudonymize} onChange={setPseudonymize} />
        </div>
      </div>
      <h2 id="memos-title" aria-live="polite">
        {rows.length === data.rows.length ? `${rows.length} ${rows.length === 1 ? 'memo' : 'memos'}` : `${rows.length} of ${data.rows.length} memos`}
      </h2>
      {data.rows.length === 0 ? <p className="empty">No memos yet. Write one from a thread’s menu, a post’s actions (Memo…), a code’s menu, or on the project above.</p> : null}
      <ul className="memo-list" aria-labelledby="memos-title">
        {rows.slice(0, SHOWN).map((row) => (
          <li key={`${row.kind}:${row.id}`} className="memo-item" data-kind={row.kind}>
            <div className="memo-where">
              <span className="memo-kind">{KIND_LABEL[row.kind]}</span> <span className="memo-target">{row.target}</span>
              {row.threadTitle && row.kind !== 'thread' ? <span className="memo-thread"> · in “{row.threadTitle}”</span> : null}
              {row.code && row.kind === 'coding' ? <span className="memo-code"> · {row.code}</span> : null}
            </div>
            <p className="memo-body">{row.text}</p>
            <div className="memo-meta">
              <span>
                <Isolated>{row.coderName}</Isolated>
                {row.fromLead ? <span className="memo-read-only"> · read-only, from the lead’s project</span> : null} · <time dateTime={row.updatedAt}>{row.updatedAt.slice(0, 16).replace('T', ' ')}</time>
              </span>
              {row.threadId !== null ? (
                <button type="button" onClick={() => jump(row)} aria-label={`Show ${row.kind === 'thread' ? 'the thread' : 'the post'} of the memo on ${row.target}`}>
                  Show {row.kind === 'thread' ? 'thread' : 'post'}
                </button>
              ) : null}
              {row.kind !== 'coding' && !row.fromLead ? (
                <button type="button" onClick={() => setEditing(row)} aria-label={`Edit your memo on ${row.target}`}>
                  Edit
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {rows.length > SHOWN ? <p className="hint">Showing the first {SHOWN} of {rows.length}: search to narrow the list.</p> : null}
      {editing && editing.kind !== 'coding' ? <MemoDialog target={{ kind: editing.kind, id: editing.targetId }} targetLabel={editing.kind === 'project' ? `the project “${editing.target}”` : `${editing.kind} “${editing.target}”`} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

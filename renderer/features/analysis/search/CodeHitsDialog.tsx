import { useEffect, useId, useRef, useState } from 'react';

import type { SearchHit } from '@shared/analysis/search/kwic';
import { notApplicableReason } from '@shared/codebook/code-status';
import type { Code } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { codeHits, previewCodeHits, type CodeHitsPlan, type CodeHitsScope } from '@shared/project/operations/code-hits';

import { useServices } from '../../../app/services';
import { Dialog } from '../../../app/ui/Dialog';
import { currentActor, runInProject, storeOf } from '../../../db/project-store';
import { journalStep } from '../../coding/journal-step';

interface Props {
  /** Every hit of the search (not only those listed). */
  hits: readonly SearchHit[];
  codes: readonly Code[];
  onClose: () => void;
}

const SCOPES: { id: CodeHitsScope; label: string }[] = [
  { id: 'hit', label: 'The hits' },
  { id: 'sentence', label: 'Their sentences' },
  { id: 'post', label: 'The whole posts' },
];

/** Code all hits…: a code, a scope, the count that will be coded, then one undoable operation. */
export function CodeHitsDialog({ hits, codes, onClose }: Props) {
  const services = useServices();
  const { db, clock, ids, history, announce } = services;
  const titleId = useId();
  const codable = codes.filter((c) => notApplicableReason(c) === null);
  const [codeId, setCodeId] = useState(codable[0]?.id ?? '');
  const [scope, setScope] = useState<CodeHitsScope>('hit');
  const [preview, setPreview] = useState<{ plan: CodeHitsPlan } | { problem: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);

  useEffect(() => selectRef.current?.focus(), []);
  useEffect(() => {
    let live = true;
    setPreview(null);
    if (codeId === '') return;
    void (async () => {
      const actor = await currentActor(db);
      if (!actor) return live && setPreview({ problem: 'No coder is chosen: say who is coding first.' });
      const input = { codeId, scope, hits };
      const result = await storeOf(db).read((reader) => previewCodeHits(reader, input, actor));
      if (live) setPreview(result.ok ? { plan: result.value } : { problem: formatProblem(result.error) });
    })();
    return () => {
      live = false;
    };
  }, [db, codeId, scope, hits]);

  const apply = async (): Promise<void> => {
    setBusy(true);
    const result = await runInProject(db, codeHits, { codeId, scope, hits }, { clock, ids });
    setBusy(false);
    if (!result.ok) {
      setPreview({ problem: formatProblem(result.error) });
      return;
    }
    if (result.value.entry) history.push(journalStep(services, result.value.summary, result.value.entry.id));
    announce(result.value.summary);
    onClose();
  };

  const plan = preview && 'plan' in preview ? preview.plan : null;
  const count = plan?.spans.length ?? 0;
  return (
    <Dialog labelledBy={titleId} onCancel={onClose} as="form" onSubmit={(e) => (e.preventDefault(), void apply())}>
      <h2 id={titleId}>Code all hits</h2>
      {codable.length === 0 ? (
        <p>The codebook has no code to apply: add one first.</p>
      ) : (
        <>
          <label>
            Code{' '}
            <select ref={selectRef} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
              {codable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="code-hits-scope">
            <legend>Apply it to</legend>
            {SCOPES.map((s) => (
              <label key={s.id}>
                <input type="radio" name="code-hits-scope" value={s.id} checked={scope === s.id} onChange={() => setScope(s.id)} /> {s.label}
              </label>
            ))}
          </fieldset>
          <p role="status" data-testid="code-hits-preview">
            {preview === null ? 'Counting…' : 'problem' in preview ? preview.problem : describePlan(preview.plan, hits.length)}
          </p>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" disabled={busy || count === 0}>
          Code {count.toLocaleString('en-US')}
        </button>
      </div>
    </Dialog>
  );
}

function describePlan(plan: CodeHitsPlan, hitCount: number): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
  const skipped = [plan.alreadyCoded > 0 ? `${n(plan.alreadyCoded, 'span')} already coded` : '', plan.placeholders > 0 ? `${n(plan.placeholders, 'placeholder')} left out` : ''].filter(Boolean);
  return `${n(plan.spans.length, 'new coding')} from ${n(hitCount, 'hit')}${skipped.length > 0 ? ` (${skipped.join(', ')})` : ''}.`;
}

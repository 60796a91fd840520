import { useMemo, useRef, useState } from 'react';

import { addCoder } from '@shared/project/operations/coders';
import { startRound } from '@shared/project/operations/rounds';
import { codersByName } from '@shared/project/queries/codebook-reads';
import { threadSummaries } from '@shared/project/queries/workspace-reads';
import type { Round } from '@shared/model/records';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { FormDialogActions } from '../../app/ui/NameDialog';
import { coderIdPolicy, runInProject } from '../../db/project-store';
import { useProjectQuery } from '../../db/use-project-query';
import { journalStep } from '../coding/journal-step';
import { eligibleIn, newSeed, nextRoundName, previewDraw, roundCoders, roundInput, samplePool, type SampleForm, type Stratify } from './sample-form';

interface Props {
  onClose: () => void;
  /** After the round is started: e.g. offer its packages. */
  onStarted: (round: Round) => void;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * Starts a round of the team loop: who codes (existing coders, or a new one by name), which posts
 * (threads chosen by hand, or a seeded sample of posts or threads, stratified or not), under the
 * codebook as it is now (pinned as a named version), with the lead's instructions.
 */
export function SampleDialog({ onClose, onStarted }: Props) {
  const services = useServices();
  const { db, clock, ids, tracker, announce, history } = services;
  const coders = roundCoders(useProjectQuery(db, codersByName, []) ?? []);
  const threads = useProjectQuery(db, threadSummaries, []);
  const pool = useProjectQuery(db, samplePool, []);
  const rounds = useProjectQuery(db, (reader) => reader.rounds(), []);

  const [form, setForm] = useState<Omit<SampleForm, 'threadIds'> & { threadIds: ReadonlySet<string> | null }>(() => ({
    name: '',
    coderIds: new Set(),
    mode: 'sample',
    // null until threads are read: then every thread.
    threadIds: null,
    size: '20',
    unit: 'post',
    stratify: 'thread',
    seed: String(newSeed()),
    instructions: '',
  }));
  const [newCoder, setNewCoder] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);

  const threadIds = useMemo(() => form.threadIds ?? new Set((threads ?? []).map((t) => t.id)), [form.threadIds, threads]);
  const full: SampleForm = { ...form, threadIds };
  const set = (patch: Partial<SampleForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblem(null);
  };
  const toggle = (key: 'coderIds' | 'threadIds', id: string, on: boolean) => {
    const next = new Set(key === 'coderIds' ? form.coderIds : threadIds);
    if (on) next.add(id);
    else next.delete(id);
    set({ [key]: next });
  };

  const eligible = pool ? eligibleIn(pool, threadIds) : null;
  const drawn = pool && form.mode === 'sample' ? previewDraw(pool, full) : null;

  const addNamedCoder = async (): Promise<void> => {
    const name = newCoder.trim();
    if (name === '') return;
    const result = await tracker.track('add coder', runInProject(db, addCoder, { name, idPolicy: await coderIdPolicy(db) }, { clock, ids }));
    if (!result.ok) {
      setProblem(`${capitalize(result.error.message)}.`);
      return;
    }
    const coder = result.value.result;
    setNewCoder('');
    set({ coderIds: new Set([...form.coderIds, coder.id]) });
    announce(result.value.entry ? `Added coder ${coder.name}.` : `${coder.name} is already a coder: ticked.`);
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (busy.current) return;
    const input = roundInput(full);
    if (!input.ok) {
      setProblem(input.error);
      return;
    }
    busy.current = true;
    const result = await tracker.track('start round', runInProject(db, startRound, input.value, { clock, ids }));
    busy.current = false;
    if (!result.ok) {
      setProblem(`${capitalize(result.error.message)}.`);
      return;
    }
    const round = result.value.result;
    if (result.value.entry) history.push(journalStep(services, `starting ${round.name}`, result.value.entry.id));
    announce(`${result.value.summary}. Team → Prepare coder packages… writes their files. Ctrl+Z undoes it.`);
    onStarted(round);
  };

  return (
    <Dialog as="form" wide labelledBy="sample-title" describedBy="sample-desc" onCancel={onClose} onSubmit={(e) => void submit(e)}>
      <div className="sample-dialog">
        <h2 id="sample-title">Reliability sample</h2>
        <p id="sample-desc" className="muted">
          Each coder gets the same posts in a package of their own and codes them blind; their returned files are compared post by post. The codebook as it
          is now is pinned for the round.
        </p>
        <div className="sample-columns">
          <div>
            <fieldset>
              <legend>Coders</legend>
              {coders.length === 0 ? <p className="muted">No coders yet: add them by name.</p> : null}
              {coders.map((coder) => (
                <label key={coder.id} className="check">
                  <input type="checkbox" checked={form.coderIds.has(coder.id)} onChange={(e) => toggle('coderIds', coder.id, e.target.checked)} />
                  {coder.name}
                </label>
              ))}
              <label htmlFor="sample-new-coder">Add a coder</label>
              <div className="inline-field">
                <input
                  id="sample-new-coder"
                  // Focus starts inside the dialog, so Escape and the Tab trap work from the first key.
                  autoFocus
                  value={newCoder}
                  maxLength={100}
                  placeholder="Name"
                  onChange={(e) => setNewCoder(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    e.preventDefault();
                    void addNamedCoder();
                  }}
                />
                <button type="button" disabled={newCoder.trim() === ''} onClick={() => void addNamedCoder()}>
                  Add
                </button>
              </div>
            </fieldset>
            <label htmlFor="sample-name">Round name</label>
            <input id="sample-name" value={form.name} maxLength={200} placeholder={rounds ? nextRoundName(rounds) : ''} onChange={(e) => set({ name: e.target.value })} />
            <label htmlFor="sample-instructions">Instructions for the coders</label>
            <textarea
              id="sample-instructions"
              rows={5}
              value={form.instructions}
              placeholder="What to code, what to leave out, by when."
              onChange={(e) => set({ instructions: e.target.value })}
            />
          </div>
          <fieldset>
            <legend>Posts</legend>
            <div className="sample-modes" role="radiogroup" aria-label="How the posts are chosen">
              <label className="check">
                <input type="radio" name="sample-mode" checked={form.mode === 'sample'} onChange={() => set({ mode: 'sample' })} />
                Draw a sample
              </label>
              <label className="check">
                <input type="radio" name="sample-mode" checked={form.mode === 'threads'} onChange={() => set({ mode: 'threads' })} />
                Whole threads
              </label>
            </div>
            {form.mode === 'sample' ? (
              <div className="sample-spec">
                <div>
                  <label htmlFor="sample-size">Sample size</label>
                  <input id="sample-size" inputMode="numeric" value={form.size} onChange={(e) => set({ size: e.target.value })} />
                </div>
                <div>
                  <label htmlFor="sample-unit">Of</label>
                  <select id="sample-unit" value={form.unit} onChange={(e) => set({ unit: e.target.value === 'thread' ? 'thread' : 'post' })}>
                    <option value="post">posts</option>
                    <option value="thread">threads (all their posts)</option>
                  </select>
                </div>
                <div>
                  <label htmlFor="sample-stratify">Stratify by</label>
                  <select id="sample-stratify" value={form.stratify} onChange={(e) => set({ stratify: e.target.value as Stratify })}>
                    <option value="thread">thread</option>
                    <option value="platform">platform</option>
                    <option value="none">none</option>
                  </select>
                </div>
                <div>
                  <label htmlFor="sample-seed">Seed</label>
                  <div className="inline-field">
                    <input id="sample-seed" inputMode="numeric" value={form.seed} onChange={(e) => set({ seed: e.target.value })} />
                    <button type="button" onClick={() => set({ seed: String(newSeed()) })}>
                      New seed
                    </button>
                  </div>
                </div>
              </div>
            ) : null}
            <p className="sample-threads-label">{form.mode === 'sample' ? 'Draw from these threads' : 'Code these threads'}</p>
            <ul className="sample-threads" aria-label={form.mode === 'sample' ? 'Threads to draw from' : 'Threads to code'}>
              {(threads ?? []).map((t) => (
                <li key={t.id}>
                  <label className="check">
                    <input type="checkbox" checked={threadIds.has(t.id)} onChange={(e) => toggle('threadIds', t.id, e.target.checked)} />
                    <span>
                      {t.title} <span className="muted">({plural(t.postCount, 'post')})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <p className="sample-eligible" role="status">
              {eligible === null
                ? 'Counting the posts…'
                : `${plural(eligible.posts, 'eligible post')} in ${plural(eligible.threads, 'thread')}` +
                  (drawn === null ? '.' : `; the sample draws ${plural(drawn.length, 'post')}.`)}
            </p>
          </fieldset>
        </div>
        <FormDialogActions error={problem} confirmLabel="Start round" onCancel={onClose} />
      </div>
    </Dialog>
  );
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

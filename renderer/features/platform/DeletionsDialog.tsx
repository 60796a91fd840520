import { useId, useState } from 'react';

import { parseDeletionList } from '@shared/platform/deletion-list';
import { applyPlatformDeletions, previewPlatformDeletions, type DeletionListKind, type DeletionPreview } from '@shared/project/operations/platform-deletions';

import { useServices } from '../../app/services';
import { Dialog } from '../../app/ui/Dialog';
import { storeOf } from '../../db/project-store';
import { useUndoableOperation } from '../coding/use-undoable-operation';

const LIST_FILTERS = [{ name: 'Id list', extensions: ['txt', 'csv', 'tsv', 'list'] }];

/**
 * File → Apply platform deletions…: a list of deleted post ids or user ids (pasted or read from a
 * file, one per line) is previewed with its counts, then applied as one undoable entry: the posts
 * become tombstones in their place, their codings go, the counts are logged in the project.
 */
export function DeletionsDialog({ onClose }: { onClose: () => void }) {
  const services = useServices();
  const run = useUndoableOperation('deletion list');
  const id = useId();
  const [kind, setKind] = useState<DeletionListKind>('posts');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<DeletionPreview | null>(null);
  const [applied, setApplied] = useState<DeletionPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = parseDeletionList(text);

  const changed = (next: () => void) => {
    next();
    setPreview(null);
    setProblem(null);
  };
  const loadFile = async () => {
    const opened = await services.platform.openTextFile('Deletion list', LIST_FILTERS);
    if (!opened.ok) setProblem(opened.error);
    else if (opened.value) changed(() => setText(opened.value!.content));
  };
  const showPreview = async () => {
    if (list.ids.length === 0) {
      setProblem('The list names no ids: one id per line (lines starting with # are comments).');
      return;
    }
    setPreview(await storeOf(services.db).read((r) => previewPlatformDeletions(r, { kind, ids: list.ids })));
  };
  const apply = async () => {
    const done = await run('apply platform deletions', applyPlatformDeletions, { kind, ids: list.ids }, 'applying platform deletions');
    if (!done.ok) setProblem(done.error.message);
    else setApplied(preview);
  };

  return (
    <Dialog labelledBy={`${id}-title`} describedBy={`${id}-about`} wide onCancel={onClose}>
      <h2 id={`${id}-title`}>Apply platform deletions</h2>
      <p id={`${id}-about`}>
        Platforms such as Reddit and X require removing what was deleted there. Each listed post keeps its place in the reply tree as “[deleted on platform]”; its text, author and every coding on it are removed. Undo puts them back.
      </p>
      {applied ? (
        <>
          <p role="status" className="platform-result">
            Removed {applied.posts} {applied.posts === 1 ? 'post' : 'posts'} and {applied.codings} {applied.codings === 1 ? 'coding' : 'codings'}. The counts are kept in File → Platform terms and expiry….
          </p>
          <div className="dialog-actions">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <>
          <fieldset className="platform-kind">
            <legend>The list names</legend>
            <label>
              <input type="radio" name={`${id}-kind`} autoFocus checked={kind === 'posts'} onChange={() => changed(() => setKind('posts'))} /> deleted post ids
            </label>
            <label>
              <input type="radio" name={`${id}-kind`} checked={kind === 'users'} onChange={() => changed(() => setKind('users'))} /> deleted user ids or author names
            </label>
          </fieldset>
          <label htmlFor={`${id}-list`}>Ids, one per line</label>
          <textarea id={`${id}-list`} rows={6} value={text} spellCheck={false} onChange={(e) => changed(() => setText(e.target.value))} />
          <p className="panel-sub">
            {list.ids.length} {list.ids.length === 1 ? 'id' : 'ids'} listed.{' '}
            <button type="button" className="link-button" onClick={() => void loadFile()}>
              Read the list from a file…
            </button>
          </p>
          {problem ? (
            <p role="alert" className="platform-problem">
              {problem}
            </p>
          ) : null}
          {preview ? <DeletionPreviewTable preview={preview} /> : null}
          <div className="dialog-actions">
            {preview && preview.posts > 0 ? (
              <button type="button" className="danger" onClick={() => void apply()}>
                Remove {preview.posts} {preview.posts === 1 ? 'post' : 'posts'} and {preview.codings} {preview.codings === 1 ? 'coding' : 'codings'}
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void showPreview()} disabled={list.ids.length === 0}>
                Preview
              </button>
            )}
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function DeletionPreviewTable({ preview }: { preview: DeletionPreview }) {
  return (
    <div role="status" className="platform-preview">
      <p>
        {preview.posts} {preview.posts === 1 ? 'post matches' : 'posts match'}, with {preview.codings} {preview.codings === 1 ? 'coding' : 'codings'}
        {preview.relations > 0 ? `, ${preview.relations} relations` : ''}
        {preview.decisions > 0 ? `, ${preview.decisions} adjudication decisions` : ''}. {preview.unmatched.length} of {preview.listed} listed ids match no stored post.
      </p>
      {preview.perThread.length > 0 ? (
        <table className="platform-table">
          <caption className="visually-hidden">What is removed, per thread</caption>
          <thead>
            <tr>
              <th scope="col">Thread</th>
              <th scope="col">Posts</th>
              <th scope="col">Codings</th>
            </tr>
          </thead>
          <tbody>
            {preview.perThread.map((t) => (
              <tr key={t.threadId}>
                <td>{t.title}</td>
                <td>{t.posts}</td>
                <td>{t.codings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

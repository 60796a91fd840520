import { forwardRef, memo, useState } from 'react';

import { codePath } from '@shared/codebook/code-path';
import type { Code, Coder, Coding, Post } from '@shared/model/records';

import type { CodingActions } from './use-coding-actions';
import { Isolated } from '../../app/ui/Isolated';
import { QuotedInPaper } from '../platform/QuotedInPaper';

interface Props {
  post: Post | null;
  codings: readonly Coding[];
  /** The codings under a clicked highlight; null shows all of the post's codings. */
  highlightIds: readonly string[] | null;
  codes: ReadonlyMap<string, Code>;
  coders: ReadonlyMap<string, Coder>;
  actions: CodingActions;
  onShowAll: () => void;
}

/** The codings of the focused post (or of a clicked highlight): code, coder, quote, memo. */
// Memoized: the workspace re-renders with every coding, this column only when its post's codings do.
export const CodingsPanel = memo(forwardRef<HTMLElement, Props>(function CodingsPanel(
  { post, codings, highlightIds, codes, coders, actions, onShowAll },
  ref,
) {
  const shown = highlightIds ? codings.filter((c) => highlightIds.includes(c.id)) : codings;
  return (
    <aside className="codings-panel" aria-labelledby="codings-title" ref={ref} tabIndex={-1}>
      <h2 id="codings-title">{highlightIds ? 'Codings at this highlight' : 'Codings in this post'}</h2>
      {post ? <p className="panel-sub">
          Post by <Isolated>{post.author}</Isolated>
        </p> : <p className="panel-sub">Focus a post to see its codings.</p>}
      {highlightIds ? (
        <button type="button" className="link-button" onClick={onShowAll}>
          Show all codings of this post
        </button>
      ) : null}
      {post && shown.length === 0 ? <p className="empty">No codings yet. Select text, then click a code or press its key.</p> : null}
      <ul className="coding-list">
        {shown.map((coding) => (
          <CodingItem
            key={coding.id}
            coding={coding}
            code={codes.get(coding.codeId)}
            codePathText={codePath(codes, coding.codeId)}
            coderName={coders.get(coding.coderId)?.name ?? 'unknown coder'}
            actions={actions}
          />
        ))}
      </ul>
    </aside>
  );
}));

interface ItemProps {
  coding: Coding;
  code: Code | undefined;
  codePathText: string;
  coderName: string;
  actions: CodingActions;
}

function CodingItem({ coding, code, codePathText, coderName, actions }: ItemProps) {
  const [editing, setEditing] = useState(false);
  const [memo, setMemo] = useState(coding.memo);
  // The memo as the editor opened: a memo changed since (another window) is refused, not overwritten.
  const [base, setBase] = useState(coding.memo);
  const [memoError, setMemoError] = useState<string | null>(null);
  const memoId = `memo-${coding.id}`;
  return (
    <li className="coding-item" data-coding-id={coding.id}>
      <div className="coding-code">
        <span className="swatch" style={{ backgroundColor: code?.color ?? '#999999' }} aria-hidden="true" />
        <Isolated className="coding-code-name">{codePathText || 'deleted code'}</Isolated>
        <span className="coding-coder">
          by <Isolated>{coderName}</Isolated>
        </span>
      </div>
      <blockquote className="coding-quote">{coding.quote}</blockquote>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void actions.editMemo(coding, memo, base).then((refused) => {
              setMemoError(refused);
              if (refused === null) setEditing(false);
            });
          }}
        >
          <label htmlFor={memoId}>Memo</label>
          <textarea id={memoId} value={memo} rows={3} autoFocus onChange={(e) => setMemo(e.target.value)} />
          {memoError ? (
            <p className="field-error" role="alert">
              {memoError}
            </p>
          ) : null}
          <div className="row-actions">
            <button type="submit" className="primary">
              Save memo
            </button>
            <button
              type="button"
              onClick={() => {
                setMemo(coding.memo);
                setMemoError(null);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {coding.memo ? <p className="coding-memo">{coding.memo}</p> : null}
          <div className="row-actions">
            <button
              type="button"
              onClick={() => {
                setMemo(coding.memo);
                setBase(coding.memo);
                setMemoError(null);
                setEditing(true);
              }}
            >
              {coding.memo ? 'Edit memo' : 'Add memo'}
            </button>
            {code ? <ExemplarToggle coding={coding} code={code} actions={actions} /> : null}
            <QuotedInPaper coding={coding} />
            <button type="button" className="danger" onClick={() => void actions.remove(coding, code)}>
              Remove coding
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/** "Mark as exemplar" / "Exemplar ✓": an exemplar is shown with its quote in the code's editor. */
function ExemplarToggle({ coding, code, actions }: { coding: Coding; code: Code; actions: CodingActions }) {
  const on = code.exemplarCodingIds.includes(coding.id);
  return (
    <button
      type="button"
      className={on ? 'exemplar-on' : undefined}
      // The name says what pressing does, and starts with what is shown.
      aria-label={on ? `Exemplar ✓ of ${code.name}: unmark` : `Mark as exemplar of ${code.name}`}
      onClick={() => void actions.setExemplar(coding, code, !on)}
    >
      {on ? 'Exemplar ✓' : 'Mark as exemplar'}
    </button>
  );
}

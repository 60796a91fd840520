import { useState } from 'react';

import type { Code, Coding, Post } from '@shared/model/records';
import { codePointLength } from '@shared/text/offsets';

import { excerpt, formatPostTime } from '../threads/format-time';
import { decisionState, disputedWindow, MAX_CODER_KEYS, outcomeText, STATE_LABEL } from './adjudication-model';
import { AdjudicationText } from './AdjudicationText';
import type { Disagreement } from './core-contract';
import { Isolated, IsolatedList } from '../../app/ui/Isolated';

interface Props {
  d: Disagreement;
  code: Code | undefined;
  codesById: ReadonlyMap<string, Code>;
  post: Post | undefined;
  /** The posts it answers, root first. */
  ancestors: readonly Post[];
  /** The consensus codings the decision made (empty when undecided or "none"). */
  consensus: readonly Coding[];
}

/** Ancestors shown above the post: the nearest few, as the Coding view's context rail does. */
const CONTEXT_SHOWN = 3;

/** The current disagreement: what the post answers, then the post as each coder coded it, side by side. */
export function DisagreementDetail({ d, code, codesById, post, ancestors, consensus }: Props) {
  const color = code?.color ?? '#999999';
  const state = decisionState(d.decision);
  const shown = ancestors.slice(-CONTEXT_SHOWN);
  const hidden = ancestors.length - shown.length;
  // One disagreement is shown at a time: fixed ids (post and code ids may hold any character).
  const headingId = 'adjudication-post-heading';
  // A long post shows the disputed stretch, the same in every column, until asked for whole.
  const [wholeFor, setWholeFor] = useState<string | null>(null);
  const length = post ? codePointLength(post.text) : 0;
  const window = wholeFor === d.id ? undefined : disputedWindow([...d.coders.flatMap((c) => c.codings), ...consensus], length);
  return (
    <>
      <section className="adjudication-context" aria-label="In reply to">
        {shown.length === 0 ? (
          <p className="rail-empty">Not a reply: the post opens its thread.</p>
        ) : (
          <ol>
            {hidden > 0 ? <li className="muted">… {hidden} earlier {hidden === 1 ? 'post' : 'posts'}</li> : null}
            {shown.map((p, i) => (
              <li key={p.id} style={{ paddingInlineStart: `${i * 0.75}rem` }}>
                <Isolated className="rail-author">{p.author}</Isolated>{' '}
                <span className="rail-text">{excerpt(p.text, i === shown.length - 1 ? 220 : 100)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <article className="adjudication-post" aria-labelledby={headingId}>
        <header className="post-header">
          <span id={headingId} className="post-heading">
            <Isolated className="post-author">{post?.author ?? 'Unknown post'}</Isolated>
            <span className="visually-hidden">, </span>
            <time className="post-time" dateTime={post?.createdAt ?? undefined}>
              {formatPostTime(post?.createdAt ?? null)}
            </time>
          </span>
          <span className="adjudication-code">
            <span className="swatch" style={{ background: color }} aria-hidden="true" />
            <Isolated>{code?.name ?? 'deleted code'}</Isolated>
          </span>
          <span className="adjudication-state" data-state={state}>
            {STATE_LABEL[state]}
            {d.decision ? `: ${outcomeText(d.decision, d)}` : ''}
          </span>
        </header>
        {post ? (
          <div className="adjudication-columns" style={{ gridTemplateColumns: `repeat(${d.coders.length + (consensus.length > 0 ? 1 : 0)}, minmax(0, 1fr))` }}>
            {d.coders.map((coder, i) => {
              const others = coder.otherCodeIds.map((id) => codesById.get(id)?.name ?? 'deleted code');
              const applied = coder.codings.length > 0;
              return (
                <section key={coder.coderId} className="adjudication-column" aria-labelledby={`${headingId}-coder-${i}`} data-applied={applied}>
                  <h3 id={`${headingId}-coder-${i}`}>
                    {i < MAX_CODER_KEYS ? <kbd aria-hidden="true">{i + 1}</kbd> : null} <Isolated>{coder.coderName}</Isolated>
                    <span className="muted">
                      {' '}
                      — {applied ? `applied (${coder.codings.length} ${coder.codings.length === 1 ? 'span' : 'spans'})` : 'did not apply'}
                    </span>
                  </h3>
                  <AdjudicationText text={post.text} spans={coder.codings} color={color} window={window} />
                  {others.length > 0 ? <p className="adjudication-instead">
                      used instead: <IsolatedList names={others} empty="" />
                    </p> : null}
                </section>
              );
            })}
            {consensus.length > 0 ? (
              <section className="adjudication-column consensus" aria-labelledby={`${headingId}-consensus`}>
                <h3 id={`${headingId}-consensus`}>Consensus</h3>
                <AdjudicationText text={post.text} spans={consensus} color={color} window={window} />
              </section>
            ) : null}
          </div>
        ) : (
          <p className="empty">Loading the post…</p>
        )}
        {post && (window || wholeFor === d.id) ? (
          <button type="button" className="link-button adjudication-whole" aria-expanded={!window} onClick={() => setWholeFor(window ? d.id : null)}>
            {window ? 'Show the whole post' : 'Show only the disputed passage'}
          </button>
        ) : null}
      </article>
    </>
  );
}

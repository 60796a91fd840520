import { useRef } from 'react';

import type { Code } from '@shared/model/records';

import { problemText } from './problem-text';
import { useCodebookActions } from './use-codebook-actions';
import { useCodingDetails } from './use-coding-details';
import { useServices } from '../../app/services';

/** The codings marked as exemplars of the code, each with its quote; unmarking one is saved (and undoable) at once. */
export function ExemplarsList({ code }: { code: Code }) {
  const { announce } = useServices();
  const actions = useCodebookActions();
  const details = useCodingDetails({ codingIds: code.exemplarCodingIds });
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `exemplars-${code.id}`;
  return (
    <section className="exemplars" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Exemplars
      </h3>
      {details === undefined ? (
        <p className="panel-sub">Loading…</p>
      ) : details.length === 0 ? (
        <p className="panel-sub">None yet. Mark a coding as exemplar in the codings panel to show it here with its quote.</p>
      ) : (
        <ul className="exemplar-list">
          {details.map(({ coding, author, coderName }) => (
            <li key={coding.id} className="exemplar">
              <blockquote className="coding-quote">{coding.quote}</blockquote>
              <p className="exemplar-meta">
                Post by {author}, coded by {coderName}
              </p>
              <button
                type="button"
                onClick={() =>
                  void actions.setExemplar(coding.id, false, code).then((result) => {
                    if (!result.ok) announce(problemText(result.error), 'error');
                    heading.current?.focus();
                  })
                }
              >
                Remove exemplar
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

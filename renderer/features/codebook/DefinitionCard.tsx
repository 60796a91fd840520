import './definition-card.css';

import { memo } from 'react';

import { codePath } from '@shared/codebook/code-path';
import type { Code } from '@shared/model/records';

import { useCodingDetails } from './use-coding-details';
import { Isolated } from '../../app/ui/Isolated';

const NO_IDS: readonly string[] = [];
/** Exemplars shown on the card; the code's editor lists them all. */
const MAX_EXEMPLARS = 3;

interface Props {
  /** The code under the caret or the focused codebook row; null before there is one. */
  code: Code | null;
  codes: ReadonlyMap<string, Code>;
  onHide: () => void;
}

/**
 * The definition at hand while coding: what the code means, when to use it and when not, its
 * examples and exemplars. It sits above the codings, never over the post text, and says each
 * change politely to a screen reader.
 */
export const DefinitionCard = memo(function DefinitionCard({ code, codes, onHide }: Props) {
  const exemplars = useCodingDetails({ codingIds: code?.exemplarCodingIds ?? NO_IDS });
  const empty = code !== null && !code.definition && !code.inclusion && !code.exclusion && code.examples.length === 0 && code.exemplarCodingIds.length === 0;
  return (
    // A scrolling region is a tab stop, so its overflow is reachable from the keyboard.
    // Its name stays "Code card" (not "Definition": the code editor's field has that name); the heading names the code.
    <section className="definition-card" aria-label="Code card" aria-live="polite" tabIndex={0} data-code-id={code?.id}>
      <div className="definition-card-heading">
        <h2 id="definition-card-title">
          {code ? (
            <>
              <span className="swatch" style={{ backgroundColor: code.color }} aria-hidden="true" />
              <Isolated>{codePath(codes, code.id) || code.name}</Isolated>
            </>
          ) : (
            'Code card'
          )}
        </h2>
        <button type="button" className="link-button" onClick={onHide} title="View → Show definition card brings it back">
          Hide
        </button>
      </div>
      {code === null ? <p className="panel-sub">Put the caret in a highlight or focus a code to see its definition.</p> : null}
      {empty ? <p className="panel-sub">No definition yet: Edit… in the code’s actions adds one.</p> : null}
      {code?.definition ? <p className="definition-text">{code.definition}</p> : null}
      {code?.inclusion ? (
        <p>
          <strong>Use when: </strong>
          {code.inclusion}
        </p>
      ) : null}
      {code?.exclusion ? (
        <p>
          <strong>Not when: </strong>
          {code.exclusion}
        </p>
      ) : null}
      {code && code.examples.length > 0 ? (
        <>
          <h3>Examples</h3>
          <ul className="definition-examples">
            {code.examples.map((example, i) => (
              <li key={i}>{example}</li>
            ))}
          </ul>
        </>
      ) : null}
      {code && exemplars && exemplars.length > 0 ? (
        <>
          <h3>Exemplars</h3>
          <ul className="definition-examples">
            {exemplars.slice(0, MAX_EXEMPLARS).map(({ coding, author }) => (
              <li key={coding.id}>
                <q>{coding.quote}</q> <span className="exemplar-meta">
                  (<Isolated>{author}</Isolated>)
                </span>
              </li>
            ))}
          </ul>
          {exemplars.length > MAX_EXEMPLARS ? <p className="panel-sub">And {exemplars.length - MAX_EXEMPLARS} more in the code’s editor.</p> : null}
        </>
      ) : null}
    </section>
  );
});

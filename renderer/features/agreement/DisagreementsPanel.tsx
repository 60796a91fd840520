import { useMemo, useState } from 'react';

import { disagreementsFor } from '@shared/agreement/report/disagreements';
import { type CharAgreement, charComparison } from '@shared/agreement/units/char-unit';
import type { Interval } from '@shared/agreement/units/intervals';
import type { Code, Post } from '@shared/model/records';
import { codePointLength } from '@shared/text/offsets';

import { formatPostTime } from '../threads/format-time';
import { HighlightedText } from './HighlightedText';
import type { AgreementSource } from './load-agreement-input';

interface Props {
  source: AgreementSource;
  code: Code;
  codePathText: string;
  coders: ReadonlyArray<{ id: string; name: string }>;
  onClose: () => void;
}

const SHOWN = 50;

/** Posts where the coders coded one code differently, each shown side by side per coder. */
export function DisagreementsPanel({ source, code, codePathText, coders, onClose }: Props) {
  const found = useMemo(
    () => disagreementsFor(source.input, code.id, coders.map((c) => c.id)),
    [source, code.id, coders],
  );
  const [whole, setWhole] = useState<ReadonlySet<string>>(new Set());
  // Per-post character agreement (NVivo's view) for the first pair of coders.
  const perPost = useMemo(() => {
    const [a, b] = coders;
    if (!a || !b) return new Map<string, CharAgreement>();
    const comparison = charComparison(source.input, code.id, a.id, b.id, { perPost: true });
    return new Map(comparison.posts.map((p) => [p.postId, p.agreement]));
  }, [source, code.id, coders]);
  return (
    <section className="disagreements" aria-labelledby="disagreements-title">
      <div className="panel-heading">
        <h2 id="disagreements-title">
          Disagreements on {codePathText} ({found.length} {found.length === 1 ? 'post' : 'posts'})
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {found.length === 0 ? <p className="empty">The coders coded this code identically on every post they all rated.</p> : null}
      <ol className="disagreement-list">
        {found.slice(0, SHOWN).map((d) => {
          const post = source.postsById.get(d.postId) as Post;
          return (
            <li key={d.postId} className="disagreement">
              <p className="disagreement-head">
                <strong>{post.author}</strong> · {formatPostTime(post.createdAt)} · {d.disputedChars} characters disputed
                {describeChars(perPost.get(d.postId), coders)}
              </p>
              <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${coders.length}, minmax(0, 1fr))` }}>
                {coders.map((coder, i) => (
                  <div key={coder.id} className="compare-column">
                    <h3>{coder.name}</h3>
                    <HighlightedText
                      text={post.text}
                      intervals={d.byCoder[i] ?? []}
                      color={code.color}
                      window={whole.has(d.postId) ? undefined : disputedWindow(d.byCoder, codePointLength(post.text))}
                    />
                  </div>
                ))}
              </div>
              {!whole.has(d.postId) ? (
                <button type="button" className="link-button" onClick={() => setWhole((prev) => new Set(prev).add(d.postId))}>
                  Show the whole post
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {found.length > SHOWN ? <p className="panel-sub">Showing the {SHOWN} most disputed posts of {found.length}.</p> : null}
    </section>
  );
}

function describeChars(agreement: CharAgreement | undefined, coders: ReadonlyArray<{ name: string }>): string {
  if (!agreement || coders.length < 2) return '';
  const kappa = agreement.kappa === null ? 'κ not defined' : `κ ${agreement.kappa.toFixed(3)}`;
  const percent = agreement.percent_agreement === null ? '' : `, ${(agreement.percent_agreement * 100).toFixed(1)}% of characters agree`;
  return ` · ${coders[0]?.name} vs ${coders[1]?.name} on this post: ${kappa}${percent}`;
}

/** Context around what the coders highlighted, so a long post shows the disputed passage first. */
const CONTEXT = 160;
function disputedWindow(byCoder: ReadonlyArray<readonly Interval[]>, length: number): Interval | undefined {
  const all = byCoder.flat();
  if (all.length === 0) return undefined;
  const start = Math.max(0, Math.min(...all.map((i) => i.start)) - CONTEXT);
  const end = Math.min(length, Math.max(...all.map((i) => i.end)) + CONTEXT);
  return start === 0 && end === length ? undefined : { start, end };
}

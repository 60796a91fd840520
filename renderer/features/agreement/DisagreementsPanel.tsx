import { useEffect, useMemo, useRef, useState } from 'react';

import { codebookOrder, codeConfusion, codesAt, postCodeIndex } from '@shared/agreement/report/confusion';
import { disagreementsFor } from '@shared/agreement/report/disagreements';
import { type CharAgreement, charComparison } from '@shared/agreement/units/char-unit';
import { codingLayers } from '@shared/agreement/units/coding-layers';
import type { Interval } from '@shared/agreement/units/intervals';
import { codePath } from '@shared/codebook/code-path';
import type { Code, Post } from '@shared/model/records';
import { codePointLength } from '@shared/text/offsets';

import { formatPostTime } from '../threads/format-time';
import { CodeConfusionTables } from './CodeConfusionTables';
import { HighlightedText } from './HighlightedText';
import type { AgreementSource } from './load-agreement-input';
import { Isolated } from '../../app/ui/Isolated';

interface Props {
  source: AgreementSource;
  code: Code;
  codePathText: string;
  coders: ReadonlyArray<{ id: string; name: string }>;
  onClose: () => void;
  /** Changes each time the panel is opened from the table (also for the code already open). */
  opening?: number;
  /** Opens the post in the Coding view: its thread chosen, the post focused. */
  onShowPost?: (threadId: string, postId: string) => void;
}

const SHOWN = 50;

/**
 * A code's detail: what the other coder applied where one applied the code (a confusion table per
 * pair of coders), then the posts where the coders coded it differently, side by side per coder,
 * each saying what a coder who left the code out applied there instead.
 */
export function DisagreementsPanel({ source, code, codePathText, coders, onClose, opening, onShowPost }: Props) {
  const layers = useMemo(() => codingLayers(source.input), [source]);
  const found = useMemo(
    () => disagreementsFor(source.input, code.id, coders.map((c) => c.id), layers),
    [source, code.id, coders, layers],
  );
  const index = useMemo(() => postCodeIndex(source.input, layers), [source, layers]);
  const order = useMemo(() => codebookOrder(source.input), [source]);
  const codePaths = useMemo(() => {
    const byId = new Map(source.input.codes.map((c) => [c.id, c]));
    return new Map(source.input.codes.map((c) => [c.id, codePath(byId, c.id)]));
  }, [source]);
  const coderNames = useMemo(() => new Map(coders.map((c) => [c.id, c.name])), [coders]);
  const [pair, setPair] = useState<[string, string]>(() => [coders[0]?.id ?? '', coders[1]?.id ?? '']);
  const confusion = useMemo(
    () => (pair[0] && pair[1] && pair[0] !== pair[1] ? codeConfusion(source.input, code.id, pair[0], pair[1], index) : null),
    [source, code.id, pair, index],
  );
  const [whole, setWhole] = useState<ReadonlySet<string>>(new Set());

  // Opened from the table: bring the panel into view and move focus to its heading.
  const sectionRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [code.id, opening]);

  const instead = (coderId: string, postId: string): string => {
    const others = codesAt(index, order, coderId, postId).filter((id) => id !== code.id);
    if (others.length === 0) return 'Applied no code to this post.';
    return `Applied ${others.map((id) => codePaths.get(id) ?? id).join(', ')} here instead.`;
  };
  // Per-post character agreement (NVivo's view) for the first pair of coders.
  const perPost = useMemo(() => {
    const [a, b] = coders;
    if (!a || !b) return new Map<string, CharAgreement>();
    const comparison = charComparison(source.input, code.id, a.id, b.id, { perPost: true, layers });
    return new Map(comparison.posts.map((p) => [p.postId, p.agreement]));
  }, [source, code.id, coders, layers]);
  return (
    <section className="disagreements" id="disagreements" aria-labelledby="disagreements-title" ref={sectionRef}>
      <div className="panel-heading">
        <h2 id="disagreements-title" tabIndex={-1} ref={headingRef}>
          Disagreements on {codePathText} ({found.length} {found.length === 1 ? 'post' : 'posts'})
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <section className="code-confusion" aria-labelledby="code-confusion-title">
        <h3 id="code-confusion-title">What the other coder applied instead</h3>
        {coders.length > 2 ? (
          <div className="pair-pickers">
            {(['First coder', 'Compared with'] as const).map((label, side) => (
              <label key={label}>
                {label}
                <select
                  value={pair[side]}
                  onChange={(e) => {
                    const next: [string, string] = [...pair];
                    next[side] = e.target.value;
                    setPair(next);
                  }}
                >
                  {coders.map((c) => (
                    <option key={c.id} value={c.id}>
                      <Isolated>{c.name}</Isolated>
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        ) : null}
        {confusion ? (
          <CodeConfusionTables confusion={confusion} codePathText={codePathText} codePaths={codePaths} coderNames={coderNames} />
        ) : (
          <p className="panel-sub">Choose two different coders.</p>
        )}
      </section>
      <h3 className="disagreement-list-title">Posts where the coders differ</h3>
      {found.length === 0 ? <p className="empty">The coders coded this code identically on every post they all rated.</p> : null}
      <ol className="disagreement-list">
        {found.slice(0, SHOWN).map((d) => {
          const post = source.postsById.get(d.postId) as Post;
          const headId = `disagreement-${d.postId}-head`;
          return (
            <li key={d.postId} className="disagreement" data-post-id={d.postId}>
              <p className="disagreement-head" id={headId}>
                <Isolated className="post-author">{post.author}</Isolated> · {formatPostTime(post.createdAt)} · {d.disputedChars} characters disputed
                {describeChars(perPost.get(d.postId), coders)}
              </p>
              <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${coders.length}, minmax(0, 1fr))` }}>
                {coders.map((coder, i) => (
                  <div key={coder.id} className="compare-column" data-coder={coder.name}>
                    <h4>
                      <Isolated>{coder.name}</Isolated>
                    </h4>
                    {(d.byCoder[i] ?? []).length === 0 ? <p className="instead">{instead(coder.id, d.postId)}</p> : null}
                    <HighlightedText
                      text={post.text}
                      intervals={d.byCoder[i] ?? []}
                      color={code.color}
                      window={whole.has(d.postId) ? undefined : disputedWindow(d.byCoder, codePointLength(post.text))}
                    />
                  </div>
                ))}
              </div>
              <div className="disagreement-actions">
                {onShowPost ? (
                  <button type="button" aria-describedby={headId} onClick={() => onShowPost(post.threadId, post.id)}>
                    Show in thread
                  </button>
                ) : null}
                {!whole.has(d.postId) ? (
                  <button type="button" className="link-button" onClick={() => setWhole((prev) => new Set(prev).add(d.postId))}>
                    Show the whole post
                  </button>
                ) : null}
              </div>
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

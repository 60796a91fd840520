/**
 * The baseline: the same disagreement rows as the Adjudication view's list (the same text and
 * classes, so the same fonts and styles; the same @tanstack/react-virtual settings: fixed 66 px
 * rows, overscan 6, keyed by id) as plain React divs: no listbox semantics, no memoized rows, and
 * none of the view's filters, progress, current disagreement, decision bar or keys.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef } from 'react';

import type { Code, Post } from '@shared/model/records';
import type { Disagreement } from '@shared/project/queries/disagreements';

import { excerpt } from '../../renderer/features/threads/format-time';

interface Props {
  rows: readonly Disagreement[];
  codesById: ReadonlyMap<string, Code>;
  postsById: ReadonlyMap<string, Post>;
}

export function PlainDisagreementList({ rows, codesById, postsById }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 66, overscan: 6, getItemKey });
  return (
    <div ref={scrollRef} className="adjudication-list" data-testid="adjudication-list">
      <div className="adjudication-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const d = rows[item.index];
          if (!d) return null;
          const code = codesById.get(d.codeId);
          const post = postsById.get(d.postId);
          return (
            <div key={item.key} className="adjudication-row" style={{ transform: `translateY(${item.start}px)` }}>
              <span className="adjudication-row-head">
                <span className="swatch" style={{ background: code?.color }} />
                <span className="adjudication-row-code">{code?.name}</span>
                <span className="adjudication-state">{d.decision ? (d.decision.proposed ? 'proposed — review' : '✓ decided') : 'undecided'}</span>
              </span>
              <span className="adjudication-row-text">
                <span className="adjudication-row-author">{post?.author}</span> {post ? excerpt(post.text, 120) : ''}
              </span>
              <span className="adjudication-row-coders">
                applied: {d.coders.filter((c) => c.codings.length > 0).map((c) => c.coderName).join(', ')} · not:{' '}
                {d.coders.filter((c) => c.codings.length === 0).map((c) => c.coderName).join(', ')}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

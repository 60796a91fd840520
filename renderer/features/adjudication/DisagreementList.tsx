import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useRef } from 'react';

import type { Code, Post } from '@shared/model/records';

import { excerpt } from '../threads/format-time';
import { appliedSplit, decisionState, STATE_LABEL, VIEW_KEYSHORTCUTS } from './adjudication-model';
import type { Disagreement } from './core-contract';
import { Isolated, IsolatedList } from '../../app/ui/Isolated';

interface Props {
  rows: readonly Disagreement[];
  currentIndex: number;
  codesById: ReadonlyMap<string, Code>;
  postsById: ReadonlyMap<string, Post>;
  onSelect: (index: number) => void;
}

/** Rows have one fixed height: the virtualizer never measures, so 10,000 rows cost what the visible ones do. */
export const ROW_HEIGHT = 66;
const estimateSize = () => ROW_HEIGHT;

export const optionId = (index: number): string => `adjudication-row-${index}`;

/**
 * The disagreements as a virtualized listbox: one tab stop, the current row is the active
 * descendant (the view's keys move it), a click chooses a row.
 */
export const DisagreementList = forwardRef<HTMLDivElement, Props>(function DisagreementList(
  { rows, currentIndex, codesById, postsById, onSelect },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(ref, () => scrollRef.current as HTMLDivElement);
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  // The current row stays mounted when the list is scrolled away from it: it is the listbox's
  // active descendant, which must exist for a screen reader.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return currentIndex < 0 || currentIndex >= range.count || indexes.includes(currentIndex) ? indexes : [...indexes, currentIndex].sort((a, b) => a - b);
    },
    [currentIndex],
  );
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, overscan: 6, getItemKey, rangeExtractor });

  // The current row is kept in view when it moves (not on mounting, where it is the first row or
  // the list's own scroll position shows it).
  const shownIndex = useRef(currentIndex);
  useEffect(() => {
    if (currentIndex === shownIndex.current) return;
    shownIndex.current = currentIndex;
    if (currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [currentIndex, virtualizer]);

  const active = currentIndex >= 0 && currentIndex < rows.length ? optionId(currentIndex) : undefined;
  return (
    <div
      ref={scrollRef}
      className="adjudication-list"
      role="listbox"
      aria-label="Disagreements"
      aria-activedescendant={active}
      aria-keyshortcuts={VIEW_KEYSHORTCUTS}
      tabIndex={0}
      data-testid="adjudication-list"
    >
      <div className="adjudication-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const d = rows[item.index];
          if (!d) return null;
          return (
            <DisagreementRow
              key={item.key}
              d={d}
              index={item.index}
              setSize={rows.length}
              top={item.start}
              selected={item.index === currentIndex}
              code={codesById.get(d.codeId)}
              post={postsById.get(d.postId)}
              onSelect={onSelect}
            />
          );
        })}
      </div>
    </div>
  );
});

interface RowProps {
  d: Disagreement;
  index: number;
  setSize: number;
  top: number;
  selected: boolean;
  code: Code | undefined;
  post: Post | undefined;
  onSelect: (index: number) => void;
}

const DisagreementRow = memo(function DisagreementRow({ d, index, setSize, top, selected, code, post, onSelect }: RowProps) {
  const state = decisionState(d.decision);
  const { applied, notApplied } = appliedSplit(d);
  return (
    <div
      id={optionId(index)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className="adjudication-row"
      data-state={state}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index)}
    >
      <span className="adjudication-row-head">
        <span className="swatch" style={{ background: code?.color ?? '#999999' }} aria-hidden="true" />
        <Isolated className="adjudication-row-code">{code?.name ?? 'deleted code'}</Isolated>
        <span className="adjudication-state" data-state={state}>
          {state === 'decided' ? '✓ ' : ''}
          {STATE_LABEL[state]}
        </span>
      </span>
      <span className="adjudication-row-text">
        <Isolated className="adjudication-row-author">{post?.author ?? ''}</Isolated> {post ? excerpt(post.text, 120) : '…'}
      </span>
      <span className="adjudication-row-coders">
        applied: <IsolatedList names={applied} empty="nobody" /> · not: <IsolatedList names={notApplied} empty="nobody" />
      </span>
    </div>
  );
});

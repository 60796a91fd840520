import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';

import { segmentRow, type SegmentSelection } from '@shared/analysis/segments/retrieve-segments';
import type { SegmentRow } from '@shared/analysis/segments/segment-row';
import { Isolated, IsolatedList } from '../../../app/ui/Isolated';

interface Props {
  selection: SegmentSelection;
  colorOf: (codeId: string) => string;
  onShowPost: (threadId: string, postId: string) => void;
}

/** One fixed height: the virtualizer never measures, so 50,000 segments cost what the visible ones do. */
export const SEGMENT_ROW_HEIGHT = 128;
const estimateSize = () => SEGMENT_ROW_HEIGHT;

/**
 * The retrieved segments as a virtualized list: only the rows on screen are mapped from the
 * selection (segmentRow) and rendered. The list scrolls with the keyboard once focused; each row's
 * "Show in thread" is a button in the tab order.
 */
export function SegmentList({ selection, colorOf, onShowPost }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = selection.total;
  const getItemKey = useCallback((index: number) => index < selection.total ? selection.codingAt(index).id : index, [selection]);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize, overscan: 4, getItemKey });
  return (
    <div ref={scrollRef} className="segment-list" role="list" aria-label="Segments" tabIndex={0} data-testid="segment-list">
      <div className="segment-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <SegmentItem key={item.key} row={segmentRow(selection, item.index)} index={item.index} setSize={count} top={item.start} color={colorOf(selection.codingAt(item.index).codeId)} onShowPost={onShowPost} />
        ))}
      </div>
    </div>
  );
}

interface ItemProps {
  row: SegmentRow;
  index: number;
  setSize: number;
  top: number;
  color: string;
  onShowPost: (threadId: string, postId: string) => void;
}

const SegmentItem = memo(function SegmentItem({ row, index, setSize, top, color, onShowPost }: ItemProps) {
  const when = row.postCreatedAt ? row.postCreatedAt.slice(0, 10) : 'no date';
  return (
    <div role="listitem" aria-posinset={index + 1} aria-setsize={setSize} className="segment-row" style={{ transform: `translateY(${top}px)` }} data-coding-id={row.codingId}>
      <div className="segment-row-head">
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        <Isolated className="segment-code">{row.codePath}</Isolated>
        {row.matchedCodePaths.length > 0 ? (
          <span className="muted">
            {' '}
            with <IsolatedList names={row.matchedCodePaths} empty="" />
          </span>
        ) : null}
        <span className="segment-coder">
          coded by <Isolated>{row.coderName}</Isolated>
        </span>
        <span className="muted segment-where">
          <Isolated>{row.threadTitle || row.threadId}</Isolated> · <Isolated>{row.author || 'unknown author'}</Isolated> · {when}
        </span>
      </div>
      <p className="segment-context">
        {row.clippedBefore ? '…' : ''}
        {row.before}
        <mark>{row.quote}</mark>
        {row.after}
        {row.clippedAfter ? '…' : ''}
      </p>
      <div className="segment-row-foot">
        {row.memo.trim() !== '' ? (
          <p className="segment-memo">
            <span className="segment-memo-label">Memo:</span> {row.memo}
          </p>
        ) : (
          <span />
        )}
        <button type="button" className="link-button" onClick={() => onShowPost(row.threadId, row.postId)}>
          Show in thread
        </button>
      </div>
    </div>
  );
});

import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';

import type { SearchHit } from '@shared/analysis/search/kwic';
import { Isolated } from '../../../app/ui/Isolated';

interface Props {
  hits: readonly SearchHit[];
  threadTitle: (threadId: string) => string;
  onShowPost: (threadId: string, postId: string) => void;
}

/** One fixed height: the virtualizer never measures, so 100,000 hits cost what the visible ones do. */
const ROW_HEIGHT = 34;
const estimateSize = () => ROW_HEIGHT;

/** Keyword-in-context lines, virtualized; each line is a button that opens the post. */
export function HitList({ hits, threadTitle, onShowPost }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((i: number) => `${hits[i]?.postId}:${hits[i]?.start}:${hits[i]?.end}`, [hits]);
  const virtualizer = useVirtualizer({ count: hits.length, getScrollElement: () => scrollRef.current, estimateSize, overscan: 8, getItemKey });
  return (
    <div ref={scrollRef} className="search-hits" role="list" aria-label="Search hits" data-testid="search-hits">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <HitRow key={item.key} hit={hits[item.index]!} index={item.index} setSize={hits.length} top={item.start} thread={threadTitle(hits[item.index]!.threadId)} onShowPost={onShowPost} />
        ))}
      </div>
    </div>
  );
}

interface RowProps {
  hit: SearchHit;
  index: number;
  setSize: number;
  top: number;
  thread: string;
  onShowPost: (threadId: string, postId: string) => void;
}

const HitRow = memo(function HitRow({ hit, index, setSize, top, thread, onShowPost }: RowProps) {
  return (
    <div role="listitem" aria-posinset={index + 1} aria-setsize={setSize} className="search-hit" style={{ transform: `translateY(${top}px)` }}>
      <button type="button" className="search-hit-button" onClick={() => onShowPost(hit.threadId, hit.postId)} title={`Show in “${thread}”`} data-post-id={hit.postId}>
        <span className="search-left">
          <span>{hit.left}</span>
        </span>
        <mark className="search-match">{hit.match}</mark>
        <span className="search-right">{hit.right}</span>
        <Isolated className="search-where muted">{thread}</Isolated>
      </button>
    </div>
  );
});

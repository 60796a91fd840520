import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { Post } from '@shared/model/records';
import { ancestorsOf, buildReplyTree, visibleRows } from '@shared/thread/reply-tree';

import type { MarkSpan } from '../../editor/post-content';
import { ContextRail } from './ContextRail';
import type { MarginEntry } from './margin/margin-entries';
import type { RelationLink } from '../relations/relation-links';
import { PostRow } from './PostRow';
import { moveCaret, selectWholePost, startCaret } from './text-caret';
import { useThreadRelationsView } from '../relations/use-thread-relations-view';
import { RelationArcs } from '../relations/RelationArcs';
import { RelationLayer } from '../relations/RelationLayer';

interface ThreadViewProps {
  title: string;
  posts: readonly Post[];
  spansByPost: ReadonlyMap<string, readonly MarkSpan[]>;
  /** The code margin's entries per post; null hides the margin. */
  marginByPost?: ReadonlyMap<string, readonly MarginEntry[]> | null;
  focusedPostId: string | null;
  onFocusPost: (postId: string) => void;
  onMarkClick: (postId: string, codingIds: string[]) => void;
  onOpenCodings: () => void;
  /** Posts shown as context only, not to be coded (a blind package's posts the coder was not assigned). */
  contextPostIds?: ReadonlySet<string>;
  /** A request to bring a post into view and focus it; a new `seq` asks again. */
  reveal?: { postId: string; seq: number } | null;
  /** True while `posts` are the thread's first screen and the rest is still being read (the feed's aria-busy). */
  busy?: boolean;
}

const NO_SPANS: readonly MarkSpan[] = [];
const NO_ENTRIES: readonly MarginEntry[] = [];
const NO_LINKS: readonly RelationLink[] = [];
const estimateRowSize = () => 140;

/**
 * The thread as a virtualized reply tree. One tab stop: arrow keys move between posts, so a
 * 10,000-post thread is as quick to walk by keyboard as by mouse. Memoized: the workspace re-renders
 * with every coding; the thread only when its props change.
 */
export const ThreadView = memo(function ThreadView({
  title,
  posts,
  spansByPost,
  marginByPost = null,
  focusedPostId,
  onFocusPost,
  onMarkClick,
  onOpenCodings,
  contextPostIds,
  reveal,
  busy = false,
}: ThreadViewProps) {
  const tree = useMemo(() => buildReplyTree(posts), [posts]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => visibleRows(tree, collapsed), [tree, collapsed]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [textMode, setTextMode] = useState(false);

  // Stable callbacks: a new getItemKey makes the virtualizer recompute every row's position.
  const getItemKey = useCallback((index: number) => rows[index]?.post.id ?? index, [rows]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize: estimateRowSize,
    overscan: 4,
    getItemKey,
  });

  const indexOfPost = useMemo(() => new Map(rows.map((r, i) => [r.post.id, i])), [rows]);
  const focusedIndex = (focusedPostId !== null ? indexOfPost.get(focusedPostId) : undefined) ?? 0;
  const pendingFocus = useRef<number | null>(null);

  const focusRow = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      pendingFocus.current = index;
      setTextMode(false);
      onFocusPost(row.post.id);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [rows, onFocusPost, virtualizer],
  );

  // A post chosen elsewhere (Agreement → Show in thread, Next post to code): brought into view and
  // given focus once per request, as soon as its row exists.
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    if (!reveal || revealed.current === reveal.seq) return;
    const index = indexOfPost.get(reveal.postId);
    if (index === undefined) return;
    revealed.current = reveal.seq;
    pendingFocus.current = index;
    setTextMode(false);
    virtualizer.scrollToIndex(index, { align: 'start' });
  }, [reveal, indexOfPost, virtualizer]);

  // Move DOM focus once the row is mounted (it may have just scrolled into view).
  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`article[data-row-index="${index}"]`);
    if (element) {
      pendingFocus.current = null;
      element.focus({ preventScroll: true });
    }
  });

  const toggleCollapse = useCallback((postId: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(postId)) next.delete(postId);
      else next.add(postId);
      return next;
    });
  }, []);

  // Kept stable across focus moves so that moving focus re-renders two rows, not every mounted one.
  const latestFocus = useRef({ rows, focusedPostId, onFocusPost });
  latestFocus.current = { rows, focusedPostId, onFocusPost };
  const onFocusIndex = useCallback((index: number) => {
    const { rows: current, focusedPostId: focused, onFocusPost: focus } = latestFocus.current;
    const row = current[index];
    if (row && row.post.id !== focused) focus(row.post.id);
  }, []);

  const relationsView = useThreadRelationsView(posts, rows[focusedIndex]?.post ?? null);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const row = rows[focusedIndex];
    if (!row || !(event.target instanceof HTMLElement) || !event.target.matches('article.post')) return;
    if (textMode && handleCaretKey(event)) return;
    // While a relation waits for its target, Enter picks the focused post and Esc gives up.
    if (relationsView.draft && (event.key === 'Enter' || event.key === 'Escape')) {
      if (event.key === 'Enter') relationsView.relateTo(row.post.id);
      else relationsView.cancel();
      event.preventDefault();
      return;
    }
    const key = event.key;
    if (key === 'ArrowDown' || key === 'j') focusRow(Math.min(rows.length - 1, focusedIndex + 1));
    else if (key === 'ArrowUp' || key === 'k') focusRow(Math.max(0, focusedIndex - 1));
    else if (key === 'Home') focusRow(0);
    else if (key === 'End') focusRow(rows.length - 1);
    else if (key === 'PageDown') focusRow(Math.min(rows.length - 1, focusedIndex + 5));
    else if (key === 'PageUp') focusRow(Math.max(0, focusedIndex - 5));
    else if (key === 'ArrowLeft' && row.replyCount > 0 && !row.collapsed) toggleCollapse(row.post.id);
    else if (key === 'ArrowRight' && row.collapsed) toggleCollapse(row.post.id);
    else if (key === 'ArrowLeft' && row.post.parentId) {
      const parentIndex = indexOfPost.get(row.post.parentId);
      if (parentIndex !== undefined) focusRow(parentIndex);
      else return;
    } else if (key === 'Enter') {
      setTextMode(startCaret(row.post.id));
    } else if (key === 'w' || key === 'W') {
      selectWholePost(row.post.id);
    } else if (key === 'c') {
      onOpenCodings();
    } else return;
    event.preventDefault();
  };

  const handleCaretKey = (event: React.KeyboardEvent): boolean => {
    if (event.key === 'Escape') {
      setTextMode(false);
      event.preventDefault();
      return true;
    }
    if (moveCaret(event)) {
      event.preventDefault();
      return true;
    }
    return false;
  };

  const focusedPost = rows[focusedIndex]?.post;
  // The rail grows and shrinks with the chain: the feed scrolls by as much, so nothing moves under the pointer.
  const keepFeedInPlace = useCallback((delta: number) => {
    if (scrollRef.current) scrollRef.current.scrollTop += delta;
  }, []);
  const ancestors = useMemo(() => (focusedPost ? ancestorsOf(tree, focusedPost.id) : []), [tree, focusedPost]);
  const jumpTo = useCallback(
    (postId: string) => {
      const index = indexOfPost.get(postId);
      if (index !== undefined) focusRow(index);
    },
    [indexOfPost, focusRow],
  );
  const hasRelations = relationsView.relations.length > 0;
  const topOf = useCallback(
    (postId: string) => {
      const index = indexOfPost.get(postId);
      return index === undefined ? undefined : virtualizer.measurementsCache[index]?.start;
    },
    [indexOfPost, virtualizer.measurementsCache],
  );

  return (
    <section className="thread-view" aria-label={`Thread: ${title}`}>
      <ContextRail
        ancestors={ancestors}
        onResize={keepFeedInPlace}
        onJump={jumpTo}
        relations={focusedPost ? (relationsView.linksByPost.get(focusedPost.id) ?? NO_LINKS) : NO_LINKS}
        onOpenRelation={relationsView.open}
      />
      <div className="thread-scroll" ref={scrollRef} onKeyDown={onKeyDown} data-testid="thread-scroll">
        <div className={hasRelations ? 'thread-rows has-relations' : 'thread-rows'} style={{ height: virtualizer.getTotalSize() }} role="feed" aria-busy={busy} aria-label="Posts">
          {hasRelations ? <RelationArcs relations={relationsView.relations} codes={relationsView.codesById} topOf={topOf} height={virtualizer.getTotalSize()} /> : null}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const spans = spansByPost.get(row.post.id) ?? NO_SPANS;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="thread-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <PostRow
                  row={row}
                  index={item.index}
                  setSize={rows.length}
                  spans={spans}
                  focused={item.index === focusedIndex}
                  codingCount={spans.length}
                  margin={marginByPost ? (marginByPost.get(row.post.id) ?? NO_ENTRIES) : null}
                  context={contextPostIds?.has(row.post.id) ?? false}
                  onFocusPost={onFocusIndex}
                  onToggleCollapse={toggleCollapse}
                  onMarkClick={onMarkClick}
                  onSelectWholePost={selectWholePost}
                  relationLinks={relationsView.linksByPost.get(row.post.id) ?? NO_LINKS}
                  relating={relationsView.draft !== null}
                  onRelate={relationsView.relateFromPointer}
                  onOpenRelation={relationsView.open}
                />
              </div>
            );
          })}
        </div>
      </div>
      <RelationLayer view={relationsView} onJump={jumpTo} />
      {textMode ? (
        <p className="caret-hint" role="note">
          Text mode: Shift+arrows select (Ctrl for whole words), 1–9 code the selection, Esc returns to post navigation.
        </p>
      ) : null}
    </section>
  );
});

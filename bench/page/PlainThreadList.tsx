/**
 * The baseline: the same thread as ThreadView (same reply tree, same row markup and classes, same
 * @tanstack/react-virtual settings: estimateSize 140, overscan 4, measureElement, keyed by post id)
 * but each post's text is plain React — the same segmentize() cut, each covered segment one flat
 * <mark> listing its coding ids and painted like CodingMarkNode. No Lexical anywhere.
 *
 * PlainPostRow mirrors renderer/features/threads/PostRow.tsx minus PostText. Keep it in step when
 * PostRow's chrome changes: bench/run.mjs compares the two rows' markup outside the text, and the
 * height of the scrolling list, and warns when they differ.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, type CSSProperties } from 'react';

import type { Post } from '@shared/model/records';
import { segmentize } from '@shared/text/segments';
import { buildReplyTree, visibleRows, type TreeRow } from '@shared/thread/reply-tree';

import type { MarkSpan } from '../../renderer/editor/post-content';
import { WholePostMenu } from '../../renderer/features/coding/WholePostMenu';
import { ContextRail } from '../../renderer/features/threads/ContextRail';
import { formatPostTime } from '../../renderer/features/threads/format-time';

interface PlainThreadListProps {
  title: string;
  posts: readonly Post[];
  spansByPost: ReadonlyMap<string, readonly MarkSpan[]>;
}

const NO_SPANS: readonly MarkSpan[] = [];
const NO_ANCESTORS: readonly Post[] = [];
const noop = () => {};

export function PlainThreadList({ title, posts, spansByPost }: PlainThreadListProps) {
  const tree = useMemo(() => buildReplyTree(posts), [posts]);
  const rows = useMemo(() => visibleRows(tree, new Set()), [tree]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => rows[index]?.post.id ?? index, [rows]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 140,
    overscan: 4,
    getItemKey,
  });

  return (
    <section className="thread-view" aria-label={`Thread: ${title}`}>
      {/* The real (Lexical-free) rail, empty as in ThreadView with no reply focused: same list height. */}
      <ContextRail ancestors={NO_ANCESTORS} onJump={noop} />
      <div className="thread-scroll" ref={scrollRef} data-testid="thread-scroll">
        <div className="thread-rows" style={{ height: virtualizer.getTotalSize() }} role="feed" aria-busy="false" aria-label="Posts">
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
                <PlainPostRow row={row} index={item.index} setSize={rows.length} spans={spans} focused={item.index === 0} />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

interface PlainPostRowProps {
  row: TreeRow;
  index: number;
  setSize: number;
  spans: readonly MarkSpan[];
  /** As in ThreadView with no post focused: row 0 carries the focus styling and the tab stop. */
  focused: boolean;
}

/** PostRow's markup (article, indent lines, header, actions) with PlainPostText in place of PostText. */
const PlainPostRow = memo(function PlainPostRow({ row, index, setSize, spans, focused }: PlainPostRowProps) {
  const { post, depth, replyCount, collapsed } = row;
  const headingId = `post-${post.id}-heading`;
  const deleted = post.meta.deleted === true;
  const codingCount = spans.length;
  return (
    <article
      className="post"
      data-post-id={post.id}
      data-row-index={index}
      data-depth={depth}
      data-focused={focused}
      aria-labelledby={headingId}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      tabIndex={focused ? 0 : -1}
    >
      <div className="post-indent" aria-hidden="true">
        {Array.from({ length: depth }, (_, i) => (
          <span key={i} className="thread-line" />
        ))}
      </div>
      <div className="post-body">
        <header className="post-header">
          <span id={headingId} className="post-heading">
            <span className="post-author">{post.author}</span>
            <span className="visually-hidden">, </span>
            <time className="post-time" dateTime={post.createdAt ?? undefined} title={post.createdAt ?? undefined}>
              {formatPostTime(post.createdAt)}
            </time>
            {depth > 0 ? <span className="visually-hidden">, reply level {depth}</span> : null}
          </span>
          {deleted ? <span className="post-badge">deleted</span> : null}
          {codingCount > 0 ? (
            <span className="post-badge" title="Codings in this post">
              {codingCount} {codingCount === 1 ? 'coding' : 'codings'}
            </span>
          ) : null}
          <span className="post-actions">
            <button type="button" tabIndex={-1}>
              Select whole post
            </button>
            <WholePostMenu postId={post.id} />
            <button type="button" tabIndex={-1} aria-label={`Memo on ${post.author}’s post`} aria-haspopup="dialog">
              Memo…
            </button>
            {replyCount > 0 ? (
              <button type="button" tabIndex={-1} aria-expanded={!collapsed}>
                {collapsed ? `Show ${replyCount} ${replyCount === 1 ? 'reply' : 'replies'}` : `Hide ${replyCount} ${replyCount === 1 ? 'reply' : 'replies'}`}
              </button>
            ) : null}
          </span>
        </header>
        <PlainPostText postId={post.id} text={post.text} spans={spans} />
      </div>
    </article>
  );
});

/** The post text cut at every coding boundary; covered segments become one flat <mark> each. */
function PlainPostText({ postId, text, spans }: { postId: string; text: string; spans: readonly MarkSpan[] }) {
  const colorOf = new Map(spans.map((s) => [s.id, s.color]));
  return (
    <div className="post-text" data-post-text={postId}>
      <p className="post-paragraph">
        {segmentize(text.length, spans).map((segment) => {
          const piece = text.slice(segment.start, segment.end);
          if (segment.ids.length === 0) return piece;
          const colors = segment.ids.map((id) => colorOf.get(id) ?? '#999999');
          return (
            <mark
              key={segment.start}
              className={segment.ids.length > 1 ? 'coding-mark coding-mark-overlap' : 'coding-mark'}
              data-coding-ids={segment.ids.join(' ')}
              data-overlap={segment.ids.length > 1 ? 'true' : 'false'}
              style={markStyle(colors)}
            >
              {piece}
            </mark>
          );
        })}
      </p>
    </div>
  );
}

/** CodingMarkNode's paintMark as a style object: one colour, or one stripe per distinct colour. */
function markStyle(colors: readonly string[]): CSSProperties {
  const distinct = [...new Set(colors)];
  const first = distinct[0] ?? '#999999';
  if (distinct.length <= 1) return { '--mark-color': first } as CSSProperties;
  const band = 100 / distinct.length;
  const stops = distinct.map((c, i) => `${c}66 ${i * band}%, ${c}66 ${(i + 1) * band}%`).join(', ');
  return { '--mark-color': first, backgroundImage: `linear-gradient(180deg, ${stops})` } as CSSProperties;
}

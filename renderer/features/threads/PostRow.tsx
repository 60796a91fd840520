import { memo } from 'react';

import type { TreeRow } from '@shared/thread/reply-tree';

import type { MarkSpan } from '../../editor/post-content';
import { PostText } from '../../editor/PostText';
import { isPlaceholderPost } from '../coding/coding-refusal';
import { MemoButton } from '../analysis/memos/MemoButton';
import { WholePostMenu } from '../coding/WholePostMenu';
import { formatPostTime } from './format-time';
import { CodeMargin } from './margin/CodeMargin';
import type { MarginEntry } from './margin/margin-entries';

/** Deeper replies stop indenting (a 200-deep chain would squeeze the text to nothing) and say their level. */
const MAX_INDENT = 8;

interface PostRowProps {
  row: TreeRow;
  index: number;
  /** Rows in the feed: only some are mounted, so position and size are given explicitly. */
  setSize: number;
  spans: readonly MarkSpan[];
  focused: boolean;
  codingCount: number;
  /** The code margin's entries; null when the margin is hidden. */
  margin?: readonly MarginEntry[] | null;
  /** Shown for context only: a blind package's post the coder was not assigned. */
  context?: boolean;
  onFocusPost: (index: number) => void;
  onToggleCollapse: (postId: string) => void;
  onMarkClick: (postId: string, codingIds: string[]) => void;
  onSelectWholePost: (postId: string) => void;
}

/**
 * A post as an `article` named by its author. Only the post's own text is inside the text area;
 * author, time and controls sit in the header, outside it, so selections map to text offsets.
 */
export const PostRow = memo(function PostRow({
  row,
  index,
  setSize,
  spans,
  focused,
  codingCount,
  margin = null,
  context = false,
  onFocusPost,
  onToggleCollapse,
  onMarkClick,
  onSelectWholePost,
}: PostRowProps) {
  const { post, depth, replyCount, collapsed } = row;
  const headingId = `post-${post.id}-heading`;
  const deleted = post.meta.deleted === true;
  // A placeholder stands for posts the source left out: nothing in it is codable.
  const placeholder = isPlaceholderPost(post);
  return (
    <article
      className="post"
      data-post-id={post.id}
      data-row-index={index}
      data-depth={depth}
      data-focused={focused}
      data-context={context || undefined}
      data-placeholder={placeholder || undefined}
      aria-labelledby={headingId}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      tabIndex={focused ? 0 : -1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusPost(index);
      }}
      onMouseDown={() => onFocusPost(index)}
    >
      <div className="post-indent" aria-hidden="true">
        {Array.from({ length: Math.min(depth, MAX_INDENT) }, (_, i) => (
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
          {depth > MAX_INDENT ? (
            <span className="post-badge" aria-hidden="true" title="Reply level">
              level {depth}
            </span>
          ) : null}
          {deleted ? <span className="post-badge">deleted</span> : null}
          {context ? (
            <span className="post-badge" title="Shown so you can read what the assigned posts answer; it is not yours to code">
              context
            </span>
          ) : null}
          {codingCount > 0 ? (
            <span className="post-badge" title="Codings in this post">
              {codingCount} {codingCount === 1 ? 'coding' : 'codings'}
            </span>
          ) : null}
          <span className="post-actions">
            <button type="button" tabIndex={-1} onMouseDown={(e) => e.preventDefault()} onClick={() => onSelectWholePost(post.id)}>
              Select whole post
            </button>
            {placeholder ? null : <WholePostMenu postId={post.id} />}
            {placeholder ? null : <MemoButton target={{ kind: 'post', id: post.id }} targetLabel={`${post.author || 'an anonymous'}’s post`} tabIndex={-1} />}
            {replyCount > 0 ? (
              <button
                type="button"
                tabIndex={-1}
                aria-expanded={!collapsed}
                onClick={() => onToggleCollapse(post.id)}
              >
                {collapsed ? `Show ${replyCount} ${replyCount === 1 ? 'reply' : 'replies'}` : `Hide ${replyCount} ${replyCount === 1 ? 'reply' : 'replies'}`}
              </button>
            ) : null}
          </span>
        </header>
        {margin ? (
          <div className="post-content">
            <PostText postId={post.id} text={post.text} spans={spans} onMarkClick={onMarkClick} />
            <CodeMargin postId={post.id} entries={margin} focusable={focused} onSelect={onMarkClick} />
          </div>
        ) : (
          <PostText postId={post.id} text={post.text} spans={spans} onMarkClick={onMarkClick} />
        )}
      </div>
    </article>
  );
});

import { memo } from 'react';

import { DELETED_ON_PLATFORM_LABEL } from '@shared/platform/tombstone';
import type { TreeRow } from '@shared/thread/reply-tree';

import type { MarkSpan } from '../../editor/post-content';
import { PostText } from '../../editor/PostText';
import { isPlaceholderPost } from '../coding/coding-refusal';
import { MemoButton } from '../analysis/memos/MemoButton';
import { WholePostMenu } from '../coding/WholePostMenu';
import { formatPostTime } from './format-time';
import { CodeMargin } from './margin/CodeMargin';
import type { MarginEntry } from './margin/margin-entries';
import { Isolated } from '../../app/ui/Isolated';
import type { RelationLink } from '../relations/relation-links';
import { RelationLinks } from '../relations/RelationLinks';
import { useAuthorName } from './author-names';

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
  /** The post's relations as labelled links. */
  relationLinks?: readonly RelationLink[];
  /** A relation waits for its target: the Relate button picks this post. */
  relating?: boolean;
  onRelate?: (postId: string) => void;
  onOpenRelation?: (relationId: string) => void;
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
  relationLinks,
  relating = false,
  onRelate,
  onOpenRelation,
}: PostRowProps) {
  const { post, depth, replyCount, collapsed } = row;
  const authorName = useAuthorName();
  const headingId = `post-${post.id}-heading`;
  const deleted = post.meta.deleted === true;
  // A placeholder stands for posts the source left out: nothing in it is codable.
  // Deleted on its platform (platform deletions): only its place in the tree is kept.
  const tombstone = post.deletedOnPlatform !== undefined;
  const placeholder = isPlaceholderPost(post) || tombstone;
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
            <Isolated className="post-author">{authorName(post)}</Isolated>
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
          {tombstone ? <span className="post-badge" title={`Removed here on ${post.deletedOnPlatform?.slice(0, 10) ?? ''} after a platform deletion list`}>deleted on platform</span> : null}
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
            {tombstone ? null : (
              <button type="button" tabIndex={-1} onMouseDown={(e) => e.preventDefault()} onClick={() => onSelectWholePost(post.id)}>
                Select whole post
              </button>
            )}
            {placeholder || !onRelate ? null : (
              <button
                type="button"
                tabIndex={-1}
                // On press, before the post takes focus: focusing resizes the context rail and moves this button under the pointer.
                onMouseDown={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  if (e.button === 0) onRelate(post.id);
                }}
                // A click without a press (assistive technology) still relates.
                onClick={(e) => {
                  if (e.detail === 0) onRelate(post.id);
                }}
                title="Relate this post, or the text selected in it, to another post of the thread"
              >
                {relating ? 'Relate here' : 'Relate…'}
              </button>
            )}
            {placeholder ? null : <WholePostMenu postId={post.id} />}
            {placeholder ? null : <MemoButton target={{ kind: 'post', id: post.id }} targetLabel={`${authorName(post) || 'an anonymous'}’s post`} tabIndex={-1} />}
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
        {relationLinks && onOpenRelation ? <RelationLinks links={relationLinks} onOpen={onOpenRelation} /> : null}
        {tombstone ? (
          <p className="post-tombstone">{DELETED_ON_PLATFORM_LABEL}</p>
        ) : margin ? (
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

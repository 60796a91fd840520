import { useLayoutEffect, useRef } from 'react';

import type { Post } from '@shared/model/records';

import { excerpt } from './format-time';

interface Props {
  ancestors: readonly Post[];
  onJump: (postId: string) => void;
}

/**
 * The chain a focused reply answers, kept in view so every reply is read against its context.
 * The rail has a fixed height whether or not a reply is focused, so focusing a post never moves
 * the post under the pointer; a long chain scrolls inside it, showing the nearest parent.
 */
export function ContextRail({ ancestors, onJump }: Props) {
  const list = useRef<HTMLOListElement>(null);
  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [ancestors]);
  return (
    <nav className="context-rail" aria-label="In reply to">
      {ancestors.length === 0 ? (
        <p className="rail-empty">Focus a reply to keep the posts it answers in view here.</p>
      ) : (
        <ol ref={list}>
          {ancestors.map((post, i) => (
            <li key={post.id} style={{ paddingInlineStart: `${i * 0.75}rem` }}>
              <button type="button" className="rail-link" onClick={() => onJump(post.id)}>
                <span className="rail-author">{post.author}</span>
                <span className="rail-text">{excerpt(post.text, i === ancestors.length - 1 ? 260 : 110)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}

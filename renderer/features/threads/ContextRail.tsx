import type { Post } from '@shared/model/records';

import { excerpt } from './format-time';

interface Props {
  ancestors: readonly Post[];
  onJump: (postId: string) => void;
}

/** The chain a focused reply answers, kept in view so every reply is read against its context. */
export function ContextRail({ ancestors, onJump }: Props) {
  if (ancestors.length === 0) return null;
  return (
    <nav className="context-rail" aria-label="In reply to">
      <ol>
        {ancestors.map((post, i) => (
          <li key={post.id} style={{ paddingInlineStart: `${i * 0.75}rem` }}>
            <button type="button" className="rail-link" onClick={() => onJump(post.id)}>
              <span className="rail-author">{post.author}</span>
              <span className="rail-text">{excerpt(post.text, i === ancestors.length - 1 ? 260 : 110)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

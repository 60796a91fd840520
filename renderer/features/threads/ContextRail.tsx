import { useLayoutEffect, useRef, useState } from 'react';

import type { Post } from '@shared/model/records';

import { excerpt } from './format-time';
import { railItems } from './rail-items';
import './thread-chrome.css';
import { Isolated } from '../../app/ui/Isolated';
import type { RelationLink } from '../relations/relation-links';
import { RailRelations } from '../relations/RailRelations';
import { useAuthorName } from './author-names';

/** Nearest parents shown below the opening post before the chain is cut ("… N more"). */
const NEAR_PARENTS = 3;
/** Indentation stops growing here, as in the feed. */
const MAX_INDENT = 6;

interface Props {
  ancestors: readonly Post[];
  onJump: (postId: string) => void;
  /**
   * Told how much taller (negative: shorter) the rail became, before the browser paints: the feed
   * below scrolls by as much, so a post under the pointer stays where it was (a click that focuses
   * it still lands on what was pressed).
   */
  onResize?: (delta: number) => void;
  /** The focused post's relations, listed under the chain. */
  relations?: readonly RelationLink[];
  onOpenRelation?: (relationId: string) => void;
}

/**
 * The chain a focused reply answers, kept in view so every reply is read against its context.
 * It grows with the chain up to a limit (CSS: 40% of the pane): the thread's opening post always
 * first (on one line), "… N more" where a deep chain is cut, then the nearest parents. Asking for
 * the rest shows the whole chain, scrolling inside the rail with the opening post pinned on top.
 */
export function ContextRail({ ancestors, onJump, onResize, relations = [], onOpenRelation }: Props) {
  const authorName = useAuthorName();
  const list = useRef<HTMLOListElement>(null);
  const nav = useRef<HTMLElement>(null);
  const height = useRef<number | null>(null);
  const [whole, setWhole] = useState<readonly Post[] | null>(null);
  // "Show all" holds for the chain it was asked for; focusing another reply cuts again.
  const expanded = whole === ancestors;
  const { opening, hidden, near } = railItems(ancestors, expanded ? ancestors.length : NEAR_PARENTS);
  useLayoutEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
    const now = nav.current?.getBoundingClientRect().height ?? 0;
    if (height.current !== null && now !== height.current) onResize?.(now - height.current);
    height.current = now;
  }, [ancestors, expanded, onResize, relations]);

  const item = (post: Post, level: number, kind: 'opening' | 'parent' | 'nearest') => (
    <li key={post.id} className="rail-item" data-kind={kind} style={{ paddingInlineStart: `${Math.min(level, MAX_INDENT) * 0.75}rem` }}>
      <button type="button" className="rail-link" onClick={() => onJump(post.id)} title={kind === 'opening' ? excerpt(post.text, 600) : undefined}>
        <Isolated className="rail-author">{authorName(post)}</Isolated>
        {kind === 'opening' ? <span className="visually-hidden">, opening post</span> : null}
        <span className="rail-text">{excerpt(post.text, kind === 'nearest' ? 260 : kind === 'opening' ? 200 : 110)}</span>
      </button>
    </li>
  );

  return (
    <nav ref={nav} className="context-rail" aria-label="In reply to" data-empty={ancestors.length === 0 || undefined}>
      {opening === null ? (
        <p className="rail-empty">Focus a reply to keep the posts it answers in view here.</p>
      ) : (
        <ol ref={list}>
          {item(opening, 0, near.length === 0 ? 'nearest' : 'opening')}
          {hidden > 0 ? (
            <li className="rail-item rail-more" style={{ paddingInlineStart: '0.75rem' }}>
              <button type="button" className="rail-link" onClick={() => setWhole(ancestors)} aria-label={`Show ${hidden} more ${hidden === 1 ? 'post' : 'posts'} of the chain`}>
                … {hidden} more
              </button>
            </li>
          ) : null}
          {near.map((post, i) => item(post, ancestors.length - near.length + i, i === near.length - 1 ? 'nearest' : 'parent'))}
        </ol>
      )}
      {relations.length > 0 && onOpenRelation ? <RailRelations links={relations} onJump={onJump} onOpen={onOpenRelation} /> : null}
    </nav>
  );
}

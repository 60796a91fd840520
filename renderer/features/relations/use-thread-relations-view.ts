import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { Post, Relation, RelationCode } from '@shared/model/records';
import { describeEnd, type RelationEndInput } from '@shared/project/operations/relations';
import { sliceCodePoints } from '@shared/text/offsets';

import { useServices } from '../../app/services';
import { readDomSelection } from '../../editor/read-dom-selection';
import { relationDraft, useRelationDraft, useRelationPair, type RelationDraft, type RelationPair } from './relation-draft';
import { relationLinks, type RelationLink } from './relation-links';
import { useThreadRelations } from './use-thread-relations';

export interface ThreadRelationsView {
  relations: readonly Relation[];
  codesById: ReadonlyMap<string, RelationCode>;
  postsById: ReadonlyMap<string, Post>;
  linksByPost: ReadonlyMap<string, readonly RelationLink[]>;
  draft: RelationDraft | null;
  pair: RelationPair | null;
  /** The relation whose details are open, if any. */
  opened: Relation | null;
  open: (relationId: string) => void;
  close: () => void;
  /** Chooses the target of the waiting relation (the selection in it, else the whole post). */
  relateTo: (postId: string) => void;
  /** A post's Relate button: the target while a relation waits, else the start of one. */
  relateFromPointer: (postId: string) => void;
  cancel: () => void;
}

/**
 * The thread view's side of relations: the thread's relations as links per post, the waiting
 * relation, and how one is started (from the selection inside a post, else from the whole post)
 * and finished. The mounted view registers itself as what "Start relation from here" starts from.
 */
export function useThreadRelationsView(posts: readonly Post[], focusedPost: Post | null): ThreadRelationsView {
  const { announce } = useServices();
  const threadId = posts[0]?.threadId;
  const { codesById, all } = useThreadRelations(threadId);
  const postsById = useMemo(() => new Map(posts.map((p) => [p.id, p])), [posts]);
  const linksByPost = useMemo(() => relationLinks(all, codesById, postsById), [all, codesById, postsById]);
  const draft = useRelationDraft();
  const pair = useRelationPair();
  const [openedId, setOpenedId] = useState<string | null>(null);

  /** The end at `postId`: the text selected inside it, or the whole post. */
  const endAt = useCallback(
    (postId: string): { end: RelationEndInput; label: string } | null => {
      const post = postsById.get(postId);
      if (!post) return null;
      const selected = readDomSelection(window.getSelection(), (id) => postsById.get(id)?.text);
      if (selected.kind === 'range' && selected.postId === postId) {
        const quote = sliceCodePoints(post.text, selected.start, selected.end);
        return { end: { postId, start: selected.start, end: selected.end }, label: describeEnd({ postId, start: selected.start, end: selected.end, quote }, post) };
      }
      return { end: { postId }, label: describeEnd({ postId }, post) };
    },
    [postsById],
  );

  const startFrom = useCallback(
    (postId: string): boolean => {
      const at = endAt(postId);
      if (!at) return false;
      relationDraft.start({ from: at.end, fromLabel: at.label });
      window.getSelection()?.removeAllRanges();
      announce(`Relating from ${at.label}: move to the target post (select text in it for a span) and press Enter, or click its Relate here button. Escape cancels.`);
      return true;
    },
    [endAt, announce],
  );

  const relateTo = useCallback(
    (postId: string) => {
      const waiting = relationDraft.get();
      if (!waiting) return;
      if (postId === waiting.from.postId) {
        announce('A relation links two different posts: move to another post of the thread.', 'error');
        return;
      }
      const at = endAt(postId);
      if (at) relationDraft.choose(at.end, at.label);
    },
    [endAt, announce],
  );

  const focused = useRef(focusedPost);
  focused.current = focusedPost;
  useEffect(() => {
    relationDraft.setStarter(() => {
      const selected = readDomSelection(window.getSelection(), (id) => postsById.get(id)?.text);
      const postId = selected.kind === 'range' ? selected.postId : focused.current?.id;
      return postId === undefined ? false : startFrom(postId);
    });
    return () => relationDraft.setStarter(null);
  }, [postsById, startFrom]);
  // Leaving the thread drops a relation that was waiting for a target in it.
  useEffect(() => () => relationDraft.cancel(), [threadId]);

  const opened = openedId === null ? null : (all.find((r) => r.id === openedId) ?? null);
  return {
    relations: all,
    codesById,
    postsById,
    linksByPost,
    draft,
    pair,
    opened,
    open: setOpenedId,
    close: useCallback(() => setOpenedId(null), []),
    relateTo,
    relateFromPointer: useCallback((postId: string) => (relationDraft.get() ? relateTo(postId) : void startFrom(postId)), [relateTo, startFrom]),
    cancel: useCallback(() => {
      relationDraft.cancel();
      announce('Relation cancelled.');
    }, [announce]),
  };
}

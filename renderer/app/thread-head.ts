/**
 * A thread's first screen before its whole read. The Coding view needs every post of the open
 * thread (the reply tree, keyboard walks, reveal), but reading 100,000 posts takes IndexedDB and the
 * window seconds: its first posts and their codings are read on their own, first, and shown
 * until the whole thread is in (issue 15: the largest thread's first frame).
 */
import { useEffect, useState } from 'react';

import type { Coding, Post } from '@shared/model/records';
import { byPostThenPosition } from '@shared/project/queries/workspace-reads';

import type { ThreadmarkDB } from '../db/database';
import { firstPostsOfThread, postTables } from '../db/post-store';

export interface ThreadHead {
  threadId: string;
  /** The thread's first posts, in reading order. */
  posts: Post[];
  /** Their codings, in codingsOfThreadInOrder's order. */
  codings: Coding[];
}

/** Posts in a head: a screen and more (the feed mounts about ten rows at a time). */
export const HEAD_POSTS = 50;

export async function readThreadHead(db: ThreadmarkDB, threadId: string): Promise<ThreadHead> {
  return db.transaction('r', [...postTables(db), db.codings], async () => {
    const posts = (await firstPostsOfThread(db, threadId)).slice(0, HEAD_POSTS);
    // One request per post, all sent at once: anyOf() would step a cursor, a round trip per post.
    const codings = (await Promise.all(posts.map((p) => db.codings.where('postId').equals(p.id).toArray()))).flat();
    codings.sort(byPostThenPosition);
    return { threadId, posts, codings };
  });
}

const NO_THREAD: ThreadHead = { threadId: '', posts: [], codings: [] };

/**
 * `value` once a frame has been painted with it, `undefined` until then: the whole thread is asked
 * for after its head is on screen, so its requests and their answers never hold back that frame.
 */
export function useAfterFirstFrame<T>(value: T | undefined): T | undefined {
  const [painted, setPainted] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (value === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return value !== undefined && painted === value ? value : undefined;
}

/**
 * The head of `threadId` (an empty one for no thread), null until read; read once each time the
 * thread changes, not kept live: it stands in only for the moments before the whole-thread reads
 * answer, which are asked for once it is in.
 */
export function useThreadHead(db: ThreadmarkDB, threadId: string | null): ThreadHead | null {
  const [head, setHead] = useState<ThreadHead | null>(null);
  useEffect(() => {
    if (threadId === null) return;
    let live = true;
    readThreadHead(db, threadId).then(
      (read) => {
        if (live) setHead(read);
      },
      () => undefined, // the whole read says what went wrong
    );
    return () => {
      live = false;
    };
  }, [db, threadId]);
  if (threadId === null) return NO_THREAD;
  return head?.threadId === threadId ? head : null;
}

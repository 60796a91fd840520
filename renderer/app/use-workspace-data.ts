import { useMemo, useRef } from 'react';

import type { Code, Coder, Coding, Post } from '@shared/model/records';
import { codebookInTreeOrder, codersByName } from '@shared/project/queries/codebook-reads';
import { threadEntries, type ThreadEntry } from '@shared/project/queries/workspace-reads';
import { codePointToUtf16 } from '@shared/text/offsets';

import type { ThreadmarkDB } from '../db/project-store';
import { useProjectQuery } from '../db/use-project-query';
import type { MarkSpan } from '../editor/post-content';
import { useAfterFirstFrame, useThreadHead } from './thread-head';
import { changesOf, groupByPost, regroupPosts, sameRecords, withPosts, type CodingsByPost } from './codings-by-post';
import { sameOr, type FirstScreen } from './first-screen';
import { useThreadCodings, type ThreadCodings } from './use-thread-codings';

const EMPTY: never[] = [];

export interface WorkspaceData {
  /** Without coded-post counts: the thread list reads them only when it sorts by them. */
  threads: ThreadEntry[];
  /** The chosen thread, else the first one. */
  threadId: string | null;
  posts: Post[] | undefined;
  /** False while `posts` (and `codings`) are only the thread's first screen, the whole read still on its way. */
  complete: boolean;
  postsById: ReadonlyMap<string, Post>;
  codes: Code[];
  codesById: ReadonlyMap<string, Code>;
  coders: ReadonlyMap<string, Coder>;
  codings: Coding[];
  codingsByPost: ReadonlyMap<string, Coding[]>;
  spansByPost: ReadonlyMap<string, readonly MarkSpan[]>;
}

/** Live views of the project through the core's queries: every write anywhere shows up here. */
/**
 * `onlyCoderId` hides other coders' codings (coding independently before comparing); null shows all.
 */
export function useWorkspaceData(db: ThreadmarkDB, chosenThreadId: string | null, onlyCoderId: string | null = null, first?: FirstScreen): WorkspaceData {
  // The first screen's answers (read as the project opened) until the live queries answer.
  const threads = useSame(useProjectQuery(db, threadEntries, [], first?.threads) ?? EMPTY);
  // The chosen thread while it exists (a deleted one gives way to the first).
  const threadId = (chosenThreadId !== null && threads.some((t) => t.id === chosenThreadId) ? chosenThreadId : null) ?? threads[0]?.id ?? null;
  // The first screen first; the whole thread is asked for once it is in, so IndexedDB answers the
  // head's requests before the long read (it answers requests in the order they arrive).
  const head = useThreadHead(db, threadId);
  const wholeId = useAfterFirstFrame(head ? (threadId ?? undefined) : undefined);
  const wholePosts = useProjectQuery(db, async (reader) => ({ threadId: wholeId, posts: wholeId ? await reader.postsOfThread(wholeId) : [] }), [wholeId]);
  const codes = useSame(useProjectQuery(db, codebookInTreeOrder, [], first?.codes) ?? EMPTY);
  const coderList = useSame(useProjectQuery(db, codersByName, [], first?.coders) ?? EMPTY);
  // Read once per thread, then patched from the journal: a coding never re-reads the thread's codings.
  const wholeCodings = useThreadCodings(db, wholeId ?? null);
  // A query's answer for the thread shown before this one (or before the head) is no answer.
  const complete = wholeId !== undefined && wholePosts?.threadId === threadId && wholeCodings?.threadId === threadId;
  const posts = complete ? wholePosts.posts : head?.posts;
  const allCodings = (complete ? wholeCodings.codings : head?.codings) ?? EMPTY;
  const codings = useMemo(
    () => (onlyCoderId === null ? allCodings : allCodings.filter((c) => c.coderId === onlyCoderId)),
    [allCodings, onlyCoderId],
  );
  // The codebook's tallies are its own query (LiveCodebookPanel): a coding changes them, and
  // the workspace need not re-render for that.

  const postsById = useMemo(() => new Map((posts ?? []).map((p) => [p.id, p])), [posts]);
  const codesById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const coders = useMemo(() => new Map(coderList.map((c) => [c.id, c])), [coderList]);
  const codingsByPost = useCodingsByPost(codings, complete ? wholeCodings : undefined, allCodings, onlyCoderId);
  const spansByPost = useStableSpans(codingsByPost, postsById, codesById);

  return { threads, threadId, posts, complete, postsById, codes, codesById, coders, codings, codingsByPost, spansByPost };
}

/** The array shown before while `next` holds the same records: the live answer repeating the first screen's re-renders nothing. */
function useSame<A extends readonly object[]>(next: A): A {
  const shown = useRef<A | undefined>(undefined);
  return useMemo(() => {
    const kept = sameOr(shown.current, next);
    shown.current = kept;
    return kept;
  }, [next]);
}

/**
 * Codings by post. After a coding only the coded post is regrouped (the rest of the map is the
 * previous one's arrays); a post whose codings are the same records keeps the same array, so what
 * is derived per post (highlights, margin) is derived again for the coded post only.
 */
function useCodingsByPost(codings: readonly Coding[], patched: ThreadCodings | undefined, allCodings: readonly Coding[], onlyCoderId: string | null): CodingsByPost {
  const previous = useRef<{ all: readonly Coding[]; onlyCoderId: string | null; map: CodingsByPost }>({ all: EMPTY, onlyCoderId, map: new Map() });
  return useMemo(() => {
    const kept = previous.current;
    const since = patched?.codings === allCodings ? patched.since : undefined;
    let next: CodingsByPost;
    if (since && since.codings === kept.all && kept.onlyCoderId === onlyCoderId) next = regroupPosts(kept.map, codings, since.posts);
    else {
      const grouped = groupByPost(codings);
      for (const [postId, list] of grouped) {
        const old = kept.map.get(postId);
        if (old && sameRecords(old, list)) grouped.set(postId, old);
      }
      next = grouped;
    }
    previous.current = { all: allCodings, onlyCoderId, map: next };
    return next;
  }, [codings, patched, allCodings, onlyCoderId]);
}

/**
 * Highlights per post in the editor's UTF-16 offsets. A post whose highlights did not change keeps
 * the same array, so only the coded post's editor re-renders after a coding.
 */
function useStableSpans(
  codingsByPost: ReadonlyMap<string, Coding[]>,
  postsById: ReadonlyMap<string, Post>,
  codesById: ReadonlyMap<string, Code>,
): ReadonlyMap<string, readonly MarkSpan[]> {
  const previous = useRef<{ spans: ReadonlyMap<string, readonly MarkSpan[]>; lists: ReadonlyMap<string, Coding[]>; postsById: unknown; codesById: unknown }>({ spans: new Map(), lists: new Map(), postsById: null, codesById: null });
  return useMemo(() => {
    const kept = previous.current;
    // The same texts and colours: a post with the same codings array keeps its spans uncomputed.
    const inputsKept = kept.postsById === postsById && kept.codesById === codesById;
    const spansOf = (postId: string, list: readonly Coding[]): readonly MarkSpan[] | undefined => {
      const text = postsById.get(postId)?.text;
      if (text === undefined) return undefined;
      const spans = list.map((c) => ({
        id: c.id,
        start: codePointToUtf16(text, c.start),
        end: codePointToUtf16(text, c.end),
        color: codesById.get(c.codeId)?.color ?? '#999999',
      }));
      const old = kept.spans.get(postId);
      return old && sameSpans(old, spans) ? old : spans;
    };
    const changed = changesOf(codingsByPost);
    let next: Map<string, readonly MarkSpan[]>;
    // After a coding: the coded post's spans alone.
    if (inputsKept && changed?.from === kept.lists) {
      next = withPosts(kept.spans, changed.posts, (postId) => {
        const list = codingsByPost.get(postId);
        return list && spansOf(postId, list);
      });
    } else {
      next = new Map();
      for (const [postId, list] of codingsByPost) {
        const spans = (inputsKept && kept.lists.get(postId) === list ? kept.spans.get(postId) : undefined) ?? spansOf(postId, list);
        if (spans) next.set(postId, spans);
      }
    }
    previous.current = { spans: next, lists: codingsByPost, postsById, codesById };
    return next;
  }, [codingsByPost, postsById, codesById]);
}

function sameSpans(a: readonly MarkSpan[], b: readonly MarkSpan[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i] as MarkSpan;
      return s.id === t.id && s.start === t.start && s.end === t.end && s.color === t.color;
    })
  );
}

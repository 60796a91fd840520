import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';

import type { Code, Coder, Coding, Post } from '@shared/model/records';
import { codePointToUtf16 } from '@shared/text/offsets';

import { listCoders } from '../db/repositories/coders-repository';
import { listCodes } from '../db/repositories/codes-repository';
import { codingsForThread } from '../db/repositories/codings-repository';
import { listThreads, postsOfThread, type ThreadSummary } from '../db/repositories/threads-repository';
import type { MarkSpan } from '../editor/post-content';
import type { ThreadmarkDB } from '../db/database';

const EMPTY: never[] = [];

export interface WorkspaceData {
  threads: ThreadSummary[];
  /** The chosen thread, else the first one. */
  threadId: string | null;
  posts: Post[] | undefined;
  postsById: ReadonlyMap<string, Post>;
  codes: Code[];
  codesById: ReadonlyMap<string, Code>;
  coders: ReadonlyMap<string, Coder>;
  codings: Coding[];
  codingsByPost: ReadonlyMap<string, Coding[]>;
  spansByPost: ReadonlyMap<string, readonly MarkSpan[]>;
  counts: ReadonlyMap<string, number>;
}

/** Live views of Dexie: every write anywhere shows up here without manual refreshes. */
/**
 * `onlyCoderId` hides other coders' codings (coding independently before comparing); null shows all.
 */
export function useWorkspaceData(db: ThreadmarkDB, chosenThreadId: string | null, onlyCoderId: string | null = null): WorkspaceData {
  const threads = useLiveQuery(() => listThreads(db), [db]) ?? EMPTY;
  const threadId = chosenThreadId ?? threads[0]?.id ?? null;
  const posts = useLiveQuery(() => (threadId ? postsOfThread(db, threadId) : Promise.resolve([])), [db, threadId]);
  const codes = useLiveQuery(() => listCodes(db), [db]) ?? EMPTY;
  const coderList = useLiveQuery(() => listCoders(db), [db]) ?? EMPTY;
  const allCodings = useLiveQuery(() => (threadId ? codingsForThread(db, threadId) : Promise.resolve([])), [db, threadId]) ?? EMPTY;
  const codings = useMemo(
    () => (onlyCoderId === null ? allCodings : allCodings.filter((c) => c.coderId === onlyCoderId)),
    [allCodings, onlyCoderId],
  );
  // One indexed count per code: cheap for a codebook, and never loads the codings themselves.
  const countList = useLiveQuery(() => Promise.all(codes.map((c) => db.codings.where('codeId').equals(c.id).count())), [db, codes]);

  const postsById = useMemo(() => new Map((posts ?? []).map((p) => [p.id, p])), [posts]);
  const codesById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const coders = useMemo(() => new Map(coderList.map((c) => [c.id, c])), [coderList]);
  const codingsByPost = useMemo(() => groupByPost(codings), [codings]);
  const counts = useMemo(() => new Map(codes.map((c, i) => [c.id, countList?.[i] ?? 0])), [codes, countList]);
  const spansByPost = useStableSpans(codingsByPost, postsById, codesById);

  return { threads, threadId, posts, postsById, codes, codesById, coders, codings, codingsByPost, spansByPost, counts };
}

function groupByPost(codings: readonly Coding[]): Map<string, Coding[]> {
  const map = new Map<string, Coding[]>();
  for (const coding of codings) {
    const list = map.get(coding.postId);
    if (list) list.push(coding);
    else map.set(coding.postId, [coding]);
  }
  return map;
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
  const previous = useRef(new Map<string, readonly MarkSpan[]>());
  return useMemo(() => {
    const next = new Map<string, readonly MarkSpan[]>();
    for (const [postId, list] of codingsByPost) {
      const text = postsById.get(postId)?.text;
      if (text === undefined) continue;
      const spans = list.map((c) => ({
        id: c.id,
        start: codePointToUtf16(text, c.start),
        end: codePointToUtf16(text, c.end),
        color: codesById.get(c.codeId)?.color ?? '#999999',
      }));
      const old = previous.current.get(postId);
      next.set(postId, old && sameSpans(old, spans) ? old : spans);
    }
    previous.current = next;
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

/**
 * Every memo of the project in one list: project, thread, post and code memos and the memos on
 * codings, each with where it is (thread, post) and what it is about, for the Memos tab, the memos
 * CSV and the CLI. Order: project, then threads in import order with their posts' and codings'
 * memos in reading order, then codes in tree order; a coder's memos by coder name.
 */
import { codePath } from '../../codebook/code-path';
import { codesInTreeOrder } from '../../codebook/code-tree';
import type { Code, Coder, Coding, Memo, Post, Project, Thread } from '../../model/records';
import type { ProjectReader } from '../../project/project-store';
import { byImportThenId, compareStrings } from '../../project/record-order';
import { sliceCodePoints } from '../../text/offsets';

export type MemoKind = Memo['target']['kind'] | 'coding';
export const MEMO_KINDS: readonly MemoKind[] = ['project', 'thread', 'post', 'code', 'coding'];

export interface MemoRow {
  /** The memo's id, or the coding's for a coding memo. */
  id: string;
  kind: MemoKind;
  /** The id of what it is on (project, thread, post, code or coding). */
  targetId: string;
  /** What it is on, readable: the project's name, a thread's title, a post's opening, a code's path, a coding's quote. */
  target: string;
  threadId: string | null;
  threadTitle: string | null;
  postId: string | null;
  /** A code memo's or a coding's code path. */
  code: string | null;
  coderId: string;
  coderName: string;
  text: string;
  updatedAt: string;
  /** A lead's memo a coder package carries (CoderPackageRef.leadMemos): shown, never edited. */
  fromLead?: true;
}

export interface MemoRecords {
  project: Project | undefined;
  threads: readonly Thread[];
  /** The posts memos or memoed codings are on (others may be left out). */
  posts: ReadonlyMap<string, Post>;
  codes: readonly Code[];
  coders: readonly Coder[];
  /** Codings with a memo (others are ignored). */
  codings: readonly Coding[];
  memos: readonly Memo[];
}

const OPENING = 80;
const opening = (text: string): string => {
  const head = sliceCodePoints(text, 0, OPENING);
  return head.length < text.length ? `${head}…` : head;
};

export async function memoList(reader: ProjectReader): Promise<MemoRow[]> {
  const [project, threads, codes, coders, codings, memos] = await Promise.all([reader.project(), reader.threads(), reader.codes(), reader.coders(), reader.allCodings(), reader.memos()]);
  const memoed = codings.filter((c) => c.memo.trim() !== '');
  const postIds = [...new Set([...memoed.map((c) => c.postId), ...memos.filter((m) => m.target.kind === 'post').map((m) => m.target.id)])];
  return memoRows({ project, threads, posts: await reader.posts(postIds), codes, coders, codings: memoed, memos });
}

export function memoRows(r: MemoRecords): MemoRow[] {
  const threads = new Map(r.threads.map((t) => [t.id, t]));
  const codeById = new Map(r.codes.map((c) => [c.id, c]));
  const coderName = new Map(r.coders.map((c) => [c.id, c.name]));
  const rows: Array<MemoRow & { rank: number[] }> = [];
  const threadRank = new Map([...r.threads].sort(byImportThenId).map((t, i) => [t.id, i]));
  const codeRank = new Map(codesInTreeOrder([...r.codes]).map((c, i) => [c.id, i]));
  const where = (threadId: string | null, postId: string | null) => {
    const thread = threadId === null ? undefined : threads.get(threadId);
    return { threadId, threadTitle: thread?.title ?? null, postId };
  };
  const base = (coderId: string) => ({ coderId, coderName: coderName.get(coderId) ?? coderId });

  for (const m of r.memos) {
    const common = { id: m.id, kind: m.target.kind, targetId: m.target.id, text: m.text, updatedAt: m.updatedAt, ...base(m.coderId) };
    switch (m.target.kind) {
      case 'project':
        rows.push({ ...common, target: r.project?.name ?? 'the project', ...where(null, null), code: null, rank: [0] });
        break;
      case 'thread': {
        rows.push({ ...common, target: threads.get(m.target.id)?.title ?? m.target.id, ...where(m.target.id, null), code: null, rank: [1, threadRank.get(m.target.id) ?? Infinity, 0] });
        break;
      }
      case 'post': {
        const post = r.posts.get(m.target.id);
        rows.push({ ...common, target: post ? `${post.author}: ${opening(post.text)}` : m.target.id, ...where(post?.threadId ?? null, m.target.id), code: null, rank: [1, threadRank.get(post?.threadId ?? '') ?? Infinity, 1] });
        break;
      }
      case 'code':
        rows.push({ ...common, target: codeById.has(m.target.id) ? codePath(codeById, m.target.id) : m.target.id, ...where(null, null), code: codeById.has(m.target.id) ? codePath(codeById, m.target.id) : null, rank: [2, codeRank.get(m.target.id) ?? Infinity] });
        break;
    }
  }
  // In a coder package, the lead's project and code memos, read-only, after the coder's own on the same target.
  (r.project?.package?.leadMemos ?? []).forEach((m, i) => {
    const common = { id: `lead-memo-${i}`, kind: m.target.kind, text: m.text, updatedAt: m.updatedAt, coderId: '', coderName: `${m.by} (lead)`, fromLead: true as const, ...where(null, null) };
    if (m.target.kind === 'project') rows.push({ ...common, targetId: r.project!.id, target: r.project!.name, code: null, rank: [0, 1] });
    else {
      const path = codeById.has(m.target.id) ? codePath(codeById, m.target.id) : m.target.id;
      rows.push({ ...common, targetId: m.target.id, target: path, code: path, rank: [2, codeRank.get(m.target.id) ?? Infinity, 1] });
    }
  });
  for (const c of r.codings) {
    if (c.memo.trim() === '') continue;
    const post = r.posts.get(c.postId);
    rows.push({
      id: c.id,
      kind: 'coding',
      targetId: c.id,
      target: `“${opening(c.quote)}”`,
      ...where(post?.threadId ?? c.threadId, c.postId),
      code: codeById.has(c.codeId) ? codePath(codeById, c.codeId) : c.codeId,
      ...base(c.coderId),
      text: c.memo,
      updatedAt: c.updatedAt,
      rank: [1, threadRank.get(post?.threadId ?? c.threadId) ?? Infinity, 1],
    });
  }
  const postTime = (row: MemoRow): string => (row.postId === null ? '' : (r.posts.get(row.postId)?.createdAt ?? ''));
  rows.sort((a, b) => compareRanks(a.rank, b.rank) || compareStrings(postTime(a), postTime(b)) || compareStrings(a.postId ?? '', b.postId ?? '') || MEMO_KINDS.indexOf(a.kind) - MEMO_KINDS.indexOf(b.kind) || compareStrings(a.coderName, b.coderName) || compareStrings(a.id, b.id));
  return rows.map(({ rank: _rank, ...row }) => row);
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d < 0 ? -1 : 1;
  }
  return 0;
}

export interface MemoFilter {
  /** Words that must all appear (case- and accent-insensitive) in the memo, its target, thread or code. */
  text?: string;
  kinds?: readonly MemoKind[];
  coderIds?: readonly string[];
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function filterMemos(rows: readonly MemoRow[], filter: MemoFilter): MemoRow[] {
  const words = fold(filter.text ?? '').split(/\s+/).filter(Boolean);
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const coders = filter.coderIds && filter.coderIds.length > 0 ? new Set(filter.coderIds) : null;
  return rows.filter((row) => {
    if (kinds && !kinds.has(row.kind)) return false;
    if (coders && !coders.has(row.coderId)) return false;
    if (words.length === 0) return true;
    const hay = fold([row.text, row.target, row.threadTitle ?? '', row.code ?? ''].join('\n'));
    return words.every((w) => hay.includes(w));
  });
}

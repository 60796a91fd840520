/**
 * What the thread list shows: the threads matching the search and platform, in the chosen order,
 * optionally grouped by platform. Pure, so the list and its tests share it.
 */
import type { ThreadSummary } from '@shared/project/queries/workspace-reads';

export type ThreadSort = 'imported' | 'newest' | 'oldest' | 'size' | 'coded';

export const THREAD_SORTS: ReadonlyArray<{ value: ThreadSort; label: string }> = [
  { value: 'imported', label: 'Import order' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'size', label: 'Most posts' },
  { value: 'coded', label: 'Most coded (share of posts)' },
];

export interface ThreadListOptions {
  query: string;
  sort: ThreadSort;
  /** Only this platform's threads; null for all. */
  platform: string | null;
  groupByPlatform: boolean;
}

export const DEFAULT_THREAD_LIST_OPTIONS: ThreadListOptions = { query: '', sort: 'imported', platform: null, groupByPlatform: false };

type ListThread = Pick<ThreadSummary, 'id' | 'title' | 'platform' | 'postCount' | 'codedPostCount' | 'startedAt' | 'importedAt'>;

/** Lower case without accents or surrounding space: "Café" and "cafe" match. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim();
}

/** The share of a thread's posts with at least one coding, 0 for a thread without posts. */
export function codedShare(thread: Pick<ThreadSummary, 'postCount' | 'codedPostCount'>): number {
  return thread.postCount === 0 ? 0 : thread.codedPostCount / thread.postCount;
}

/** The platforms the threads come from, each once, alphabetically. */
export function platformsOf(threads: readonly Pick<ThreadSummary, 'platform'>[]): string[] {
  return [...new Set(threads.map((t) => t.platform))].sort();
}

/** Threads whose title holds the query (case and accents aside) and, if one is chosen, of the platform. */
export function filterThreads<T extends ListThread>(threads: readonly T[], query: string, platform: string | null): T[] {
  const key = searchKey(query);
  return threads.filter((t) => (platform === null || t.platform === platform) && (key === '' || searchKey(t.title).includes(key)));
}

const startOf = (t: ListThread): string => t.startedAt ?? t.importedAt;

/** A stable sort: ties keep the given order (import order). Newest/oldest by when the thread started. */
export function sortThreads<T extends ListThread>(threads: readonly T[], sort: ThreadSort): T[] {
  if (sort === 'imported') return [...threads];
  const compare: (a: T, b: T) => number =
    sort === 'newest'
      ? (a, b) => compareIso(startOf(b), startOf(a))
      : sort === 'oldest'
        ? (a, b) => compareIso(startOf(a), startOf(b))
        : sort === 'size'
          ? (a, b) => b.postCount - a.postCount
          : (a, b) => codedShare(b) - codedShare(a) || b.codedPostCount - a.codedPostCount;
  return [...threads].sort(compare);
}

function compareIso(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return a < b ? -1 : a > b ? 1 : 0;
  return x - y;
}

export interface ThreadGroup<T> {
  /** null when the list is not grouped. */
  platform: string | null;
  threads: T[];
}

/** One group per platform (alphabetically), each keeping the threads' order; one unnamed group when not grouped. */
export function groupThreads<T extends ListThread>(threads: readonly T[], byPlatform: boolean): ThreadGroup<T>[] {
  if (!byPlatform) return [{ platform: null, threads: [...threads] }];
  const groups = new Map<string, T[]>();
  for (const t of threads) {
    const list = groups.get(t.platform);
    if (list) list.push(t);
    else groups.set(t.platform, [t]);
  }
  return [...groups.keys()].sort().map((platform) => ({ platform, threads: groups.get(platform)! }));
}

/** The list as shown: filtered, sorted, grouped. */
export function arrangeThreads<T extends ListThread>(threads: readonly T[], options: ThreadListOptions): ThreadGroup<T>[] {
  return groupThreads(sortThreads(filterThreads(threads, options.query, options.platform), options.sort), options.groupByPlatform);
}

/** Remembered options from storage; anything unreadable falls back to the defaults. */
export function readThreadListOptions(stored: string | null): ThreadListOptions {
  if (stored === null) return DEFAULT_THREAD_LIST_OPTIONS;
  try {
    const value = JSON.parse(stored) as Partial<Record<keyof ThreadListOptions, unknown>>;
    return {
      query: typeof value.query === 'string' ? value.query : '',
      sort: THREAD_SORTS.some((s) => s.value === value.sort) ? (value.sort as ThreadSort) : 'imported',
      platform: typeof value.platform === 'string' ? value.platform : null,
      groupByPlatform: value.groupByPlatform === true,
    };
  } catch {
    return DEFAULT_THREAD_LIST_OPTIONS;
  }
}

/** The storage key of a project's thread list options. */
export const threadListStorageKey = (project: string): string => `threadmark-thread-list:${project}`;

/**
 * Rows in the list's first frame: a screen and more. A thousand rows took most of a project's
 * first frame (issue 15), so the rest are rendered after that frame, NEXT_THREADS_PER_FRAME a
 * frame, in transitions that yield to input; every row is in the list a moment later.
 */
export const FIRST_SCREEN_THREADS = 60;
export const NEXT_THREADS_PER_FRAME = 200;

/** The groups cut to their first `limit` threads in all (groups left empty are dropped). */
export function firstRows<G extends { threads: readonly unknown[] }>(groups: readonly G[], limit: number): G[] {
  const cut: G[] = [];
  let left = limit;
  for (const group of groups) {
    if (left <= 0) break;
    cut.push(group.threads.length <= left ? group : { ...group, threads: group.threads.slice(0, left) });
    left -= group.threads.length;
  }
  return cut;
}

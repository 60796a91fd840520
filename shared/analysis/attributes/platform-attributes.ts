/**
 * Attributes derived from what the import kept (posts, their platform metadata, threads): never
 * stored, computed again on every read, so they always match the corpus. A column appears only when
 * some case has a value for it (no "followers" column in a corpus whose exports carry none).
 * Placeholder posts (`meta.placeholder`) and posts without an author name describe no author.
 * Read from each post's facts (shared/project/post-facts.ts), never from the posts themselves.
 */
import type { AttributeType, Thread } from '../../model/records';
import { describesAnAuthor, type PostFacts } from '../../project/post-facts';

export interface DerivedColumn {
  name: string;
  type: AttributeType;
}

export type CaseValues = Map<string, string | number>;

export const AUTHOR_PLATFORM_COLUMNS: readonly DerivedColumn[] = [
  { name: 'platform', type: 'text' },
  { name: 'posts', type: 'number' },
  { name: 'threads', type: 'number' },
  { name: 'first post', type: 'date' },
  { name: 'instance', type: 'text' },
  { name: 'subreddit', type: 'text' },
  { name: 'language', type: 'text' },
  { name: 'followers', type: 'number' },
];

export const THREAD_PLATFORM_COLUMNS: readonly DerivedColumn[] = [
  { name: 'title', type: 'text' },
  { name: 'platform', type: 'text' },
  { name: 'source', type: 'text' },
  { name: 'posts', type: 'number' },
  { name: 'authors', type: 'number' },
  { name: 'started', type: 'date' },
  { name: 'instance', type: 'text' },
  { name: 'subreddit', type: 'text' },
  { name: 'language', type: 'text' },
];

/** Every derived name of a scope, lower-cased: a user attribute may not take one. */
export const RESERVED_NAMES = {
  author: new Set(['author', ...AUTHOR_PLATFORM_COLUMNS.map((c) => c.name)]),
  thread: new Set(['thread', ...THREAD_PLATFORM_COLUMNS.map((c) => c.name)]),
} as const;

/** The most frequent value, ties to the alphabetically first; null when there is none. */
function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, n] of counts) if (n > bestCount || (n === bestCount && best !== null && value < best)) [best, bestCount] = [value, n];
  return best;
}

const tally = (counts: Map<string, number>, value: string | undefined): void => {
  if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
};

const joined = (values: Set<string>): string | null => (values.size === 0 ? null : [...values].sort().join(', '));

interface AuthorTally {
  platforms: Set<string>;
  posts: number;
  threads: Set<string>;
  lastThread: string;
  first: string | null;
  acctHosts: Map<string, number>;
  instances: Map<string, number>;
  subreddits: Set<string>;
  languages: Map<string, number>;
  followers: number | null;
}


/** A post's instance: its author's acct host, else the instance its export names. */
const instanceOf = (p: PostFacts): string | undefined => p.acctHost ?? p.instance;

/** Each author's derived values, by author name. */
export function authorPlatformValues(posts: Iterable<PostFacts>): Map<string, CaseValues> {
  const tallies = new Map<string, AuthorTally>();
  for (const post of posts) {
    if (!describesAnAuthor(post)) continue;
    let t = tallies.get(post.author);
    if (!t) tallies.set(post.author, (t = { platforms: new Set(), posts: 0, threads: new Set(), lastThread: '', first: null, acctHosts: new Map(), instances: new Map(), subreddits: new Set(), languages: new Map(), followers: null }));
    t.platforms.add(post.platform);
    t.posts++;
    if (t.lastThread !== post.threadId) {
      t.threads.add(post.threadId);
      t.lastThread = post.threadId;
    }
    if (post.createdAt !== null && (t.first === null || post.createdAt < t.first)) t.first = post.createdAt;
    tally(t.acctHosts, post.acctHost);
    tally(t.instances, post.instance);
    if (post.subreddit !== undefined) t.subreddits.add(post.subreddit);
    tally(t.languages, post.language);
    if (post.followers !== undefined) t.followers = Math.max(t.followers ?? 0, post.followers);
  }
  const out = new Map<string, CaseValues>();
  for (const [author, t] of tallies) {
    const values: CaseValues = new Map();
    values.set('platform', joined(t.platforms)!);
    values.set('posts', t.posts);
    values.set('threads', t.threads.size);
    if (t.first) values.set('first post', t.first.slice(0, 10));
    // An acct naming its host wins over the status's host (a boost's host is not the author's).
    const inst = mostCommon(t.acctHosts.size > 0 ? t.acctHosts : t.instances);
    if (inst) values.set('instance', inst);
    const subs = joined(t.subreddits);
    if (subs) values.set('subreddit', subs);
    const lang = mostCommon(t.languages);
    if (lang) values.set('language', lang);
    if (t.followers !== null) values.set('followers', t.followers);
    out.set(author, values);
  }
  return out;
}

/** Each thread's derived values, by thread id; `postsOf` gives a thread's posts' facts in reading order. */
export function threadPlatformValues(threads: readonly Thread[], postsOf: (threadId: string) => readonly PostFacts[]): Map<string, CaseValues> {
  const out = new Map<string, CaseValues>();
  for (const thread of threads) {
    const posts = postsOf(thread.id);
    const values: CaseValues = new Map();
    values.set('title', thread.title);
    values.set('platform', thread.platform);
    if (thread.source !== '') values.set('source', thread.source);
    values.set('posts', posts.length);
    const authors = new Set<string>();
    for (const p of posts) if (describesAnAuthor(p)) authors.add(p.author);
    values.set('authors', authors.size);
    const started = posts.reduce<string | null>((min, p) => (p.createdAt !== null && (min === null || p.createdAt < min) ? p.createdAt : min), null);
    if (started) values.set('started', started.slice(0, 10));
    const root = posts.find((p) => p.id === thread.rootPostId) ?? posts[0];
    const languages = new Map<string, number>();
    for (const p of posts) tally(languages, p.language);
    // The opening post's value, else the first post in reading order that has one.
    const fromRoot = (get: (p: PostFacts) => string | undefined): string | undefined => (root ? get(root) : undefined) ?? posts.map(get).find((v) => v !== undefined);
    const inst = fromRoot(instanceOf);
    if (inst) values.set('instance', inst);
    const sub = fromRoot((p) => p.subreddit);
    if (sub) values.set('subreddit', sub);
    const lang = root?.language ?? mostCommon(languages);
    if (lang) values.set('language', lang);
    out.set(thread.id, values);
  }
  return out;
}

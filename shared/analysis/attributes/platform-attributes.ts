/**
 * Attributes derived from what the import kept (posts, their platform metadata, threads): never
 * stored, computed again on every read, so they always match the corpus. A column appears only when
 * some case has a value for it (no "followers" column in a corpus whose exports carry none).
 * Placeholder posts (`meta.placeholder`) and posts without an author name describe no author.
 */
import type { AttributeType, Post, PostMeta, Thread } from '../../model/records';

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

const FOLLOWER_KEYS = ['followers', 'followers_count', 'followersCount', 'author_followers', 'user_followers_count'];
const LANGUAGE_KEYS = ['language', 'lang', 'langs'];

const text = (meta: PostMeta, key: string): string | null => {
  const v = meta[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

function language(meta: PostMeta): string | null {
  for (const key of LANGUAGE_KEYS) {
    const v = text(meta, key);
    // Bluesky lists several ("en,de"): the first is the post's main language.
    if (v) return v.split(',')[0]!.trim();
  }
  return null;
}

function followers(meta: PostMeta): number | null {
  for (const key of FOLLOWER_KEYS) {
    const v = meta[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\d+$/.test(v.trim())) return Number(v.trim());
  }
  return null;
}

function instance(post: Post): string | null {
  const acct = text(post.meta, 'acct');
  if (acct?.includes('@')) return acct.slice(acct.lastIndexOf('@') + 1);
  return text(post.meta, 'instance');
}

/** The most frequent value, ties to the alphabetically first; null when there is none. */
function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [value, n] of counts) if (n > bestCount || (n === bestCount && best !== null && value < best)) [best, bestCount] = [value, n];
  return best;
}

const tally = (counts: Map<string, number>, value: string | null): void => {
  if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
};

const joined = (values: Set<string>): string | null => (values.size === 0 ? null : [...values].sort().join(', '));

interface AuthorTally {
  platforms: Set<string>;
  posts: number;
  threads: Set<string>;
  lastThread: string;
  first: string | null;
  /** Raw `acct` / `instance` / `subreddit` / language values, counted: cleaned once per author, not per post. */
  accts: Map<string, number>;
  instances: Map<string, number>;
  subreddits: Set<string>;
  languages: Map<string, number>;
  followers: number | null;
}

export const describesAnAuthor = (p: Post): boolean => p.author.trim() !== '' && p.meta.placeholder === undefined;

const raw = (meta: PostMeta, key: string): string | null => {
  const v = meta[key];
  return typeof v === 'string' && v !== '' ? v : null;
};

function rawLanguage(meta: PostMeta): string | null {
  for (const key of LANGUAGE_KEYS) {
    const v = raw(meta, key);
    if (v !== null) return v;
  }
  return null;
}

/** Raw tallies → cleaned ones (trimmed, an acct's host, a language list's first): a few per author. */
function cleaned(counts: ReadonlyMap<string, number>, clean: (value: string) => string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const [value, n] of counts) {
    const c = clean(value);
    if (c !== null && c !== '') out.set(c, (out.get(c) ?? 0) + n);
  }
  return out;
}

const hostOfAcct = (acct: string): string | null => (acct.includes('@') ? acct.slice(acct.lastIndexOf('@') + 1).trim() : null);

/** Each author's derived values, by author name. */
export function authorPlatformValues(posts: Iterable<Post>): Map<string, CaseValues> {
  const tallies = new Map<string, AuthorTally>();
  // One pass, no string made per post: values are counted raw and cleaned per author at the end.
  for (const post of posts) {
    if (!describesAnAuthor(post)) continue;
    let t = tallies.get(post.author);
    if (!t) tallies.set(post.author, (t = { platforms: new Set(), posts: 0, threads: new Set(), lastThread: '', first: null, accts: new Map(), instances: new Map(), subreddits: new Set(), languages: new Map(), followers: null }));
    t.platforms.add(post.platform);
    t.posts++;
    if (t.lastThread !== post.threadId) {
      t.threads.add(post.threadId);
      t.lastThread = post.threadId;
    }
    if (post.createdAt !== null && (t.first === null || post.createdAt < t.first)) t.first = post.createdAt;
    const meta = post.meta;
    tally(t.accts, raw(meta, 'acct'));
    tally(t.instances, raw(meta, 'instance'));
    const sub = raw(meta, 'subreddit');
    if (sub !== null) t.subreddits.add(sub);
    tally(t.languages, rawLanguage(meta));
    const f = followers(meta);
    if (f !== null) t.followers = Math.max(t.followers ?? 0, f);
  }
  const out = new Map<string, CaseValues>();
  for (const [author, t] of tallies) {
    const values: CaseValues = new Map();
    values.set('platform', joined(t.platforms)!);
    values.set('posts', t.posts);
    values.set('threads', t.threads.size);
    if (t.first) values.set('first post', t.first.slice(0, 10));
    // An acct naming its host wins over the status's host (a boost's host is not the author's).
    const fromAcct = cleaned(t.accts, hostOfAcct);
    const inst = mostCommon(fromAcct.size > 0 ? fromAcct : cleaned(t.instances, (v) => v.trim()));
    if (inst) values.set('instance', inst);
    const subs = joined(new Set([...t.subreddits].map((v) => v.trim()).filter((v) => v !== '')));
    if (subs) values.set('subreddit', subs);
    const lang = mostCommon(cleaned(t.languages, (v) => v.split(',')[0]!.trim()));
    if (lang) values.set('language', lang);
    if (t.followers !== null) values.set('followers', t.followers);
    out.set(author, values);
  }
  return out;
}

/** Each thread's derived values, by thread id; `postsOf` gives a thread's posts in reading order. */
export function threadPlatformValues(threads: readonly Thread[], postsOf: (threadId: string) => readonly Post[]): Map<string, CaseValues> {
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
    const rawLanguages = new Map<string, number>();
    for (const p of posts) tally(rawLanguages, rawLanguage(p.meta));
    const fromRoot = (get: (p: Post) => string | null): string | null => (root ? get(root) : null) ?? posts.map(get).find((v) => v !== null) ?? null;
    const inst = fromRoot(instance);
    if (inst) values.set('instance', inst);
    const sub = fromRoot((p) => text(p.meta, 'subreddit'));
    if (sub) values.set('subreddit', sub);
    const lang = (root ? language(root.meta) : null) ?? mostCommon(cleaned(rawLanguages, (v) => v.split(',')[0]!.trim()));
    if (lang) values.set('language', lang);
    out.set(thread.id, values);
  }
  return out;
}

/**
 * What the tables, the attribute columns and the attribute pickers read of a post: who wrote it,
 * where, when, and the few platform values attributes derive from; never its text or its meta bag.
 * The app keeps them in a table of their own (migration 0010), beside the post pages, so reading
 * them for a million posts does not read a million posts; the memory store computes them from its
 * posts. Both go through `postFactsOf`, so the CLI and the app derive the same values.
 */
import type { Platform, Post, PostMeta } from '../model/records';

export interface PostFacts {
  id: string;
  threadId: string;
  /** As stored ('' for a tombstone or a post without a name). */
  author: string;
  platform: Platform;
  createdAt: string | null;
  /** "YYYY-MM" (UTC) of `createdAt`; null when it has none. */
  month: string | null;
  /** A stand-in for a post the source left out (`meta.placeholder`): it describes no author. */
  placeholder?: true;
  /** Deleted on its platform: a tombstone (author, text and meta gone). */
  deleted?: true;
  /** The host of the author's `acct` (`name@host`), trimmed. */
  acctHost?: string;
  /** `meta.instance`, trimmed. */
  instance?: string;
  /** `meta.subreddit`, trimmed. */
  subreddit?: string;
  /** The post's main language: the first of `language`/`lang`/`langs` with a value, its first entry ("en,de" → "en"). */
  language?: string;
  /** The author's follower count, when the platform export carries one. */
  followers?: number;
}

// A stored time is UTC ISO 8601 ("2025-03-08T09:12:00.000Z"): its month is its first 7 characters.
const isUtcIso = (t: string): boolean => t.length >= 20 && t.charCodeAt(t.length - 1) === 90 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45 && t.charCodeAt(10) === 84;

/** "YYYY-MM" (UTC) of a post's time, as the Segments filter buckets months; null when it has none. */
export function monthOf(createdAt: string | null): string | null {
  if (createdAt === null) return null;
  if (isUtcIso(createdAt)) return createdAt.slice(0, 7);
  const at = Date.parse(createdAt);
  return Number.isNaN(at) ? null : new Date(at).toISOString().slice(0, 7);
}

const FOLLOWER_KEYS = ['followers', 'followers_count', 'followersCount', 'author_followers', 'user_followers_count'];
const LANGUAGE_KEYS = ['language', 'lang', 'langs'];

const trimmed = (meta: PostMeta, key: string): string | null => {
  const v = meta[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};

function language(meta: PostMeta): string | null {
  for (const key of LANGUAGE_KEYS) {
    const v = trimmed(meta, key);
    if (v !== null) return v.split(',')[0]!.trim() || null;
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

function acctHost(meta: PostMeta): string | null {
  const acct = trimmed(meta, 'acct');
  if (acct === null || !acct.includes('@')) return null;
  return acct.slice(acct.lastIndexOf('@') + 1).trim() || null;
}

/** A post's facts: only the optional fields it has a value for are present. */
export function postFactsOf(post: Post): PostFacts {
  const facts: PostFacts = { id: post.id, threadId: post.threadId, author: post.author, platform: post.platform, createdAt: post.createdAt, month: monthOf(post.createdAt) };
  const meta = post.meta;
  if (meta.placeholder !== undefined) facts.placeholder = true;
  if (post.deletedOnPlatform !== undefined) facts.deleted = true;
  const host = acctHost(meta);
  if (host !== null) facts.acctHost = host;
  const instance = trimmed(meta, 'instance');
  if (instance !== null) facts.instance = instance;
  const subreddit = trimmed(meta, 'subreddit');
  if (subreddit !== null) facts.subreddit = subreddit;
  const lang = language(meta);
  if (lang !== null) facts.language = lang;
  const count = followers(meta);
  if (count !== null) facts.followers = count;
  return facts;
}

/** A post that names an author: not a placeholder, not a tombstone, a name that is not blank. */
export const describesAnAuthor = (p: Pick<PostFacts, 'author' | 'placeholder'>): boolean => p.author.trim() !== '' && p.placeholder === undefined;

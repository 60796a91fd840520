/**
 * Who a post's author is and which people a text names, by each platform's conventions: Reddit
 * `u/name` and `/u/name`, X `@handle`, Mastodon `@user@instance`, Bluesky `@handle.bsky.social`,
 * YouTube `@handle`, and profile or post URLs that carry a handle. An identity is one key per
 * person and platform family (`x:jack`), so the author `jack` and the mention `@Jack` in an X
 * thread are one person, and a `jack` on Reddit is another.
 */
import type { Platform } from '../model/records';

export type PlatformFamily = 'reddit' | 'x' | 'mastodon' | 'bluesky' | 'youtube' | 'other';

export function familyOf(platform: Platform): PlatformFamily {
  switch (platform) {
    case 'reddit':
    case 'mastodon':
    case 'bluesky':
    case 'youtube':
      return platform;
    case 'twitter':
      return 'x';
    default:
      return 'other';
  }
}

/** Authors that are no person: placeholders and platform markers are kept as they are. */
const NOT_A_PERSON = new Set(['', '[deleted]', '[removed]', '[missing]', '[more]', '[unknown]', 'deleted', '[account deleted]']);

/** The identity key of an author as stored, or null for a placeholder that names no one. */
export function authorKey(platform: Platform, author: string): string | null {
  const name = author.trim();
  if (NOT_A_PERSON.has(name.toLowerCase())) return null;
  return identityKey(familyOf(platform), name);
}

/** One spelling of a handle → its key: prefixes dropped, case folded (handles are case-insensitive). */
export function identityKey(family: PlatformFamily, handle: string): string {
  const bare = handle.trim().replace(/^\/?u\//i, '').replace(/^@/, '');
  return `${family}:${bare.toLowerCase()}`;
}

export type FoundKind = 'mention' | 'url';

/** A person named in a text, by UTF-16 index (end exclusive), with what stands before the alias. */
export interface Found {
  start: number;
  end: number;
  kind: FoundKind;
  key: string;
  /** mention: "@" or "u/" kept before the alias; url: whether the link is a profile or a post. */
  prefix: string;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'\u00a0]+|\bat:\/\/did:[a-z0-9]+:[A-Za-z0-9._:%-]+[^\s<>"']*/gi;
// Reddit's u/ and /u/ (not inside a path or word); a handle after @ (not inside an e-mail address or word).
const MENTION_PATTERN = /(?<![\p{L}\p{N}_/.@-])(\/?u\/)([A-Za-z0-9_-]{3,20})|(?<![\p{L}\p{N}_@.])@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]*[\p{L}\p{N}_])?)(?:@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))?/gu;

/** The handle an @-mention names, cut to the platform's handle characters. */
function mentionHandle(family: PlatformFamily, handle: string): string {
  if (family === 'x' || family === 'reddit') return /^[A-Za-z0-9_]+/.exec(handle)?.[0] ?? '';
  if (family === 'mastodon') return /^[\p{L}\p{N}_]+/u.exec(handle)?.[0] ?? '';
  return handle;
}

/** Every mention and handle-carrying URL of `text`, in order, none overlapping. */
export function findPeople(text: string, family: PlatformFamily): Found[] {
  const found: Found[] = [];
  const taken: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const raw = m[0].replace(/[.,;:!?)\]}'"…]+$/u, '');
    const person = urlPerson(raw, family);
    const start = m.index;
    taken.push([start, start + m[0].length]);
    if (person) found.push({ start, end: start + raw.length, kind: 'url', key: person.key, prefix: person.profile ? 'profile' : 'post' });
  }
  const inUrl = (i: number) => taken.some(([s, e]) => i >= s && i < e);
  for (const m of text.matchAll(MENTION_PATTERN)) {
    if (inUrl(m.index)) continue;
    if (m[2] !== undefined) {
      found.push({ start: m.index, end: m.index + m[0].length, kind: 'mention', key: identityKey(family === 'other' ? 'other' : family, m[2]), prefix: m[1]! });
      continue;
    }
    const handle = mentionHandle(family, m[3]!);
    if (handle === '') continue;
    const instance = family === 'mastodon' && handle === m[3] ? m[4] : undefined;
    const length = 1 + handle.length + (instance === undefined ? 0 : 1 + instance.length);
    found.push({ start: m.index, end: m.index + length, kind: 'mention', key: identityKey(family, instance === undefined ? handle : `${handle}@${instance}`), prefix: '@' });
  }
  return found.sort((a, b) => a.start - b.start);
}

const X_HOSTS = new Set(['twitter.com', 'x.com', 'mobile.twitter.com', 'mobile.x.com']);
const X_RESERVED = new Set(['i', 'home', 'search', 'hashtag', 'intent', 'share', 'explore', 'settings', 'messages', 'notifications', 'compose', 'tos', 'privacy']);

/**
 * The person a URL carries, if any: a profile (`reddit.com/u/x`, `x.com/jack`, `bsky.app/profile/h`,
 * `youtube.com/@h`, `instance/@user`) or a post whose address names its author (`x.com/jack/status/1`,
 * `instance/@user/1`, `bsky.app/profile/h/post/r`, an `at://did:…` URI).
 */
export function urlPerson(url: string, family: PlatformFamily): { key: string; profile: boolean } | null {
  const at = /^at:\/\/(did:[a-z0-9]+:[A-Za-z0-9._:%-]+)(\/.*)?$/i.exec(url);
  if (at) return { key: identityKey('bluesky', at[1]!), profile: at[2] === undefined };
  const parts = /^https?:\/\/([^/?#]+)([^?#]*)/i.exec(url);
  if (!parts) return null;
  const host = parts[1]!.toLowerCase().replace(/^www\.|^old\.|^new\.|^m\./, '');
  const segments = parts[2]!.split('/').filter((s) => s !== '').map((s) => safeDecode(s));
  const [first, second, third] = segments;
  if (first === undefined) return null;
  if (host === 'reddit.com' && (first === 'u' || first === 'user') && second) return { key: identityKey('reddit', second), profile: segments.length <= 2 };
  if (X_HOSTS.has(host) && !X_RESERVED.has(first.toLowerCase()) && /^[A-Za-z0-9_]{1,15}$/.test(first)) return { key: identityKey('x', first), profile: second !== 'status' };
  if (host === 'bsky.app' && first === 'profile' && second) return { key: identityKey('bluesky', second), profile: third !== 'post' };
  if (host === 'youtube.com' || host === 'youtu.be') {
    if (first.startsWith('@')) return { key: identityKey('youtube', first), profile: true };
    if ((first === 'channel' || first === 'c' || first === 'user') && second) return { key: identityKey('youtube', second), profile: true };
    return null;
  }
  // Mastodon and other fediverse servers: /@user[@domain][/id] and the ActivityPub /users/name.
  if (first.startsWith('@') && first.length > 1) {
    const handle = first.slice(1);
    return { key: identityKey(family === 'other' ? 'other' : 'mastodon', handle.includes('@') ? handle : `${handle}@${host}`), profile: second === undefined };
  }
  if (first === 'users' && second) return { key: identityKey('mastodon', `${second}@${host}`), profile: third === undefined };
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

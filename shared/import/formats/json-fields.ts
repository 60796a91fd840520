/**
 * Reading platform JSON fields defensively: every value comes from a file the user picked, so
 * nothing is trusted to have the documented type. Ids stay strings (docs/thread-formats.md, "Rules
 * for every format"). The generic readers here (isObject, readTime, compactMeta, the record paths)
 * serve the Mastodon, Bluesky and YouTube parsers too; the file carries Twitter's name only because
 * this session may write no other. readId, hashtagList and tweetUrl are X/Twitter's own.
 */
import type { PostMeta } from '../../model/records';
import { normalizeTime } from '../normalize-time';
import type { RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';

export type JsonObject = Record<string, unknown>;

/** Where a record sits in its file; problems about it name this place. */
/** Where a record is: always in a file. */
export type RecordWhere = Pick<Problem, 'line' | 'record'> & { file: string };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The place of a record inside another: `[2]` + `data[0]` → `[2].data[0]`. */
export const inside = (where: RecordWhere, path: string): RecordWhere => ({
  ...where,
  record: where.record === undefined ? path : `${where.record}.${path}`,
});

/** A post's place in its file for assembly warnings, without keys the record does not have. */
export const locationOf = (where: RecordWhere): NonNullable<RawPost['location']> => ({
  ...(where.line === undefined ? {} : { line: where.line }),
  ...(where.record === undefined ? {} : { record: where.record }),
});

export const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const problemAt = (where: RecordWhere, field: string, message: string): Problem => ({
  ...where,
  field,
  message,
});

const DIGITS = /^\d+$/;

/**
 * An id from `strKey` (v1.1 `id_str`, v2's string ids) or, failing that, from `numKey`. A number
 * is only accepted while it is exact: above 2^53 JSON.parse has already rounded it (the official
 * example has `…6356600` against `id_str` `…6356610`), so the record is refused rather than linked
 * to the wrong tweet. The archive writes every number as a digit string, which is exact.
 * Returns null when neither key is present.
 */
export function readId(obj: JsonObject, strKey: string, numKey: string, where: RecordWhere): string | null | Problem {
  const str = obj[strKey];
  if (typeof str === 'string' && DIGITS.test(str)) return str;
  const raw = obj[numKey];
  if (raw === undefined || raw === null) {
    if (str === undefined || str === null) return null;
    return problemAt(where, strKey, `expected a tweet id made of digits, found ${JSON.stringify(str)}`);
  }
  if (typeof raw === 'string' && DIGITS.test(raw)) return raw;
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) {
    if (Number.isSafeInteger(raw)) return String(raw);
    const advice =
      strKey === numKey
        ? 'the API writes ids as strings; export the data again without converting them'
        : `export the data with "${strKey}" (twarc, tweepy and the API all write it)`;
    return problemAt(where, numKey, `the id ${raw} is a number above 2^53, so its last digits were lost when the JSON was read; ${advice}`);
  }
  return problemAt(where, numKey, `expected a tweet id, found ${JSON.stringify(raw)}`);
}

/** A count as a number: the API writes numbers, the archive writes digit strings. */
export function readCount(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DIGITS.test(value)) return Number(value);
  return null;
}

/** The archive writes booleans as booleans but some exports stringify them. */
export function readBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return null;
}

/** `created_at` → ISO UTC; a missing time is null, an unreadable one is a problem. */
export function readTime(obj: JsonObject, key: string, where: RecordWhere): string | null | Problem {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  const time = normalizeTime(value);
  return time.ok ? time.value : problemAt(where, key, time.error);
}

/** Hashtags as one comma-separated post variable, in text order, without `#`. */
export function hashtagList(entities: unknown, tagKey: 'tag' | 'text'): string | null {
  if (!isObject(entities) || !Array.isArray(entities.hashtags)) return null;
  const tags = entities.hashtags.flatMap((h: unknown) => (isObject(h) && typeof h[tagKey] === 'string' ? [h[tagKey]] : []));
  return tags.length > 0 ? tags.join(',') : null;
}

/** The tweet's web address; without the author's handle, X's `i/web` form still resolves. */
export const tweetUrl = (id: string, username: string | null): string =>
  `https://x.com/${username ?? 'i/web'}/status/${id}`;

/** Drops absent variables so every post shows only what its source had. */
export function compactMeta(entries: Record<string, string | number | boolean | null | undefined>): PostMeta {
  const meta: PostMeta = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined && value !== null) meta[key] = value;
  return meta;
}

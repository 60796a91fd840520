/**
 * Zeeschuimer NDJSON and 4CAT NDJSON downloads (docs/thread-formats.md, "Zeeschuimer and 4CAT
 * NDJSON"): one item per line.
 * - Zeeschuimer writes an envelope `{id, item_id, timestamp_collected, source_platform,
 *   source_url, …, data: {payload}}`;
 * - 4CAT keeps the payload at top level with the envelope (without `data`) under `__import_meta`.
 * Both are accepted. Payloads are read per platform:
 * - X web GraphQL tweets (`rest_id`, `legacy.*`, `core.user_results`) → platform 'twitter', via
 *   the v1.1 reader (`legacy` is a v1.1 tweet without its user), so ids, entities and retweets are
 *   handled exactly like the API imports and re-imports of the same tweets are recognized;
 * - Reddit comments and submissions → the Pushshift record reader;
 * - 4CAT's own mapped items (`id`, `body`, and `thread_id` / `author` / `timestamp`) → '4cat';
 * - anything else is refused naming its `source_platform`.
 * Envelope provenance is kept as variables: `collected_at` (ISO), `collected_from` (source URL).
 *
 * `zeeschuimerRecord` handles one parsed line, so the Worker can stream a file through it;
 * `parseZeeschuimer` is the whole-text path.
 */
import { err, ok, type Result } from '../../util/result';
import type { FormatParser } from '../detect-format';
import { ProblemList, isImportProblem } from '../import-problem';
import { parseJsonText } from '../json-problem';
import { normalizeTime } from '../normalize-time';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { isObject, stringOrNull, type JsonObject, type RecordWhere } from './json-fields';
import { redditDumpRecord } from './reddit-pushshift';
import { twitterV1Tweet } from './twitter-v1';

export const ZEESCHUIMER_FORMAT = 'zeeschuimer-ndjson';

/** Envelope or 4CAT marker on the first line. */
export function detectZeeschuimer(head: string): boolean {
  const start = head.replace(/^\uFEFF?\s*/, '');
  if (!start.startsWith('{')) return false;
  const newline = start.indexOf('\n');
  const first = newline === -1 ? start : start.slice(0, newline);
  if (/"__import_meta"\s*:\s*\{/.test(first)) return true;
  return /"source_platform"\s*:/.test(first) && /"data"\s*:\s*\{/.test(first) && /"(?:item_id|timestamp_collected)"\s*:/.test(first);
}

/** The payload and its envelope, for either layout; null when the line is neither. */
function unwrap(obj: JsonObject): { payload: JsonObject; envelope: JsonObject } | null {
  if (isObject(obj.__import_meta)) {
    const { __import_meta: envelope, ...payload } = obj;
    return { payload, envelope: envelope as JsonObject };
  }
  if (isObject(obj.data) && ('source_platform' in obj || 'item_id' in obj || 'timestamp_collected' in obj)) {
    const { data, ...envelope } = obj;
    return { payload: data as JsonObject, envelope };
  }
  return null;
}

const child = (obj: unknown, ...keys: string[]): unknown => {
  let at = obj;
  for (const key of keys) at = isObject(at) ? at[key] : undefined;
  return at;
};

/** GraphQL wraps some tweets (`TweetWithVisibilityResults`) one level deeper. */
function tweetResult(value: unknown): JsonObject | null {
  if (!isObject(value)) return null;
  if (isObject(value.tweet) && !isObject(value.legacy)) return value.tweet;
  return isObject(value.legacy) ? value : null;
}

const isGraphqlTweet = (payload: JsonObject): boolean => typeof payload.rest_id === 'string' && tweetResult(payload) !== null;

/** A GraphQL tweet as the v1.1 tweet object it wraps: `legacy` plus id, user and long text. */
function graphqlToV1(value: unknown, depth = 0): JsonObject | null {
  const tweet = tweetResult(value);
  if (tweet === null) return null;
  const legacy = tweet.legacy as JsonObject;
  const user = child(tweet, 'core', 'user_results', 'result');
  const userCore = child(user, 'core');
  const userLegacy = child(user, 'legacy');
  const pick = (key: string): string | null => stringOrNull(child(userCore, key)) ?? stringOrNull(child(userLegacy, key));
  const note = stringOrNull(child(tweet, 'note_tweet', 'note_tweet_results', 'result', 'text'));
  const retweeted = depth === 0 ? graphqlToV1(child(legacy, 'retweeted_status_result', 'result'), 1) : null;
  const v1: JsonObject = {
    ...legacy,
    id_str: stringOrNull(tweet.rest_id) ?? legacy.id_str,
    user: { screen_name: pick('screen_name'), name: pick('name'), id_str: stringOrNull(legacy.user_id_str) ?? stringOrNull(child(user, 'rest_id')) },
  };
  // A note tweet's full text replaces the cut `full_text` (not seen in a sample yet: docs/thread-formats.md,
  // "Open questions").
  if (note !== null) v1.full_text = note;
  delete v1.retweeted_status_result;
  delete v1.quoted_status_result;
  if (retweeted !== null) v1.retweeted_status = retweeted;
  return v1;
}

/** 4CAT's mapped items: the CSV's columns as JSON. */
function fourcatItem(payload: JsonObject, where: RecordWhere): RawPost | Problem {
  const at = { ...where };
  const id = idString(payload.id);
  if (id === null) return { ...at, field: 'id', message: 'an item without an id' };
  const thread = idString(payload.thread_id);
  const parent = idString(payload.reply_to) ?? idString(payload.parent) ?? idString(payload.parent_id);
  const timeValue = payload.timestamp ?? payload.unix_timestamp;
  let createdAt: string | null = null;
  if (timeValue !== undefined && timeValue !== null && timeValue !== '') {
    const time = normalizeTime(timeValue);
    if (!time.ok) return { ...at, field: payload.timestamp !== undefined ? 'timestamp' : 'unix_timestamp', message: time.error };
    createdAt = time.value;
  }
  const meta: RawPost['meta'] = {};
  for (const [key, value] of Object.entries(payload)) {
    if (['id', 'thread_id', 'body', 'author', 'timestamp', 'unix_timestamp', 'reply_to', 'parent', 'parent_id', 'subject', 'link', 'url'].includes(key)) continue;
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) meta[key] = value;
  }
  const parentId = parent !== null && parent !== id ? parent : null;
  const subject = stringOrNull(payload.subject);
  return {
    platform: '4cat',
    platformId: id,
    parentPlatformId: parentId,
    threadKey: thread ?? parentId ?? id,
    ...(parentId === null && subject ? { threadTitle: subject } : {}),
    author: stringOrNull(payload.author) ?? '',
    createdAt,
    text: stringOrNull(payload.body) ?? '',
    url: stringOrNull(payload.link) ?? stringOrNull(payload.url),
    meta,
    location: { ...(where.line === undefined ? {} : { line: where.line }) },
  };
}

/** Ids as strings; a number is only taken while exact. */
function idString(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/** Envelope fields worth keeping: when and where the item was collected. */
function provenance(envelope: JsonObject): RawPost['meta'] {
  const meta: RawPost['meta'] = {};
  const collected = envelope.timestamp_collected;
  if (collected !== undefined && collected !== null) {
    const time = normalizeTime(collected);
    if (time.ok) meta.collected_at = time.value;
  }
  const from = stringOrNull(envelope.source_url);
  if (from !== null) meta.collected_from = from;
  return meta;
}

/** One parsed NDJSON line → a post, or a problem naming the file and line. */
export function zeeschuimerRecord(obj: unknown, where: { file: string; line?: number }): RawPost | Problem {
  const at: RecordWhere = { file: where.file, ...(where.line === undefined ? {} : { line: where.line }) };
  if (!isObject(obj)) return { ...at, message: `expected a JSON object, found ${Array.isArray(obj) ? 'an array' : typeof obj}` };
  const unwrapped = unwrap(obj);
  const payload = unwrapped?.payload ?? obj;
  const envelope = unwrapped?.envelope ?? {};
  const platform = stringOrNull(envelope.source_platform) ?? 'unknown';

  let post: RawPost | Problem;
  if (isGraphqlTweet(payload)) {
    const v1 = graphqlToV1(payload);
    post = v1 === null ? { ...at, field: 'legacy', message: 'a tweet without its legacy fields' } : twitterV1Tweet(v1, at);
    if (!isImportProblem(post)) {
      const views = child(payload, 'views', 'count') ?? child(tweetResult(payload), 'views', 'count');
      if (typeof views === 'string' && /^\d+$/.test(views)) post.meta.views = Number(views);
    }
  } else if (typeof payload.subreddit === 'string' && ('body' in payload || 'selftext' in payload || 'title' in payload)) {
    post = redditDumpRecord(payload, at);
  } else if ('id' in payload && 'body' in payload && ('thread_id' in payload || 'author' in payload || 'timestamp' in payload)) {
    post = fourcatItem(payload, at);
  } else if (unwrapped === null) {
    return { ...at, message: 'not a Zeeschuimer or 4CAT item (no "data" envelope or "__import_meta")' };
  } else {
    return { ...at, field: 'source_platform', message: `items from ${JSON.stringify(platform)} are not supported yet; X/Twitter, Reddit and 4CAT's own items are` };
  }
  if (isImportProblem(post)) return post;
  Object.assign(post.meta, provenance(envelope));
  return post;
}

export function parseZeeschuimer(text: string, fileName: string): Result<ParsedFile, Problem[]> {
  const problems = new ProblemList(fileName);
  const posts: RawPost[] = [];
  let line = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let records = 0;
  while (start <= text.length && !problems.full) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    line++;
    const content = text.slice(start, end);
    start = end + 1;
    if (content.trim() === '') continue;
    records++;
    const parsed = parseJsonText(content, fileName, line);
    if (!parsed.ok) {
      problems.add(parsed.error);
      continue;
    }
    const post = zeeschuimerRecord(parsed.value, { file: fileName, line });
    if (isImportProblem(post)) problems.add(post);
    else posts.push(post);
  }
  if (records === 0) return err([{ file: fileName, message: 'the file is empty' }]);
  if (problems.count > 0) return err(problems.list());
  return ok({ format: ZEESCHUIMER_FORMAT, posts, warnings: [] });
}

export const zeeschuimerParser: FormatParser = {
  id: ZEESCHUIMER_FORMAT,
  label: 'Zeeschuimer or 4CAT NDJSON',
  detect: detectZeeschuimer,
  parse: parseZeeschuimer,
};

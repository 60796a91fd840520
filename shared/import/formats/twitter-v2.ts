/**
 * X/Twitter API v2 (docs/thread-formats.md, "X/Twitter API v2"): a response page `{data, includes,
 * errors}` (twarc2 writes one per line) or a single tweet object (`twarc2 flatten`, one tweet per
 * line with the author inlined as `author`). Users and referenced tweets are not inline: they are
 * joined from `includes` on `author_id` and `referenced_tweets[].id`.
 */
import { decodeAmpLtGt } from '../html-entities';
import { isImportProblem } from '../import-problem';
import type { RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import {
  compactMeta,
  hashtagList,
  inside,
  isObject,
  locationOf,
  problemAt,
  readBoolean,
  readCount,
  readId,
  readTime,
  stringOrNull,
  tweetUrl,
  type JsonObject,
  type RecordWhere,
} from './json-fields';

type Users = ReadonlyMap<string, JsonObject>;

/** One API v2 page → its tweets, plus the reply parents twarc put in `includes.tweets`. */
export function twitterV2Page(page: JsonObject, where: RecordWhere): RawPost[] | Problem {
  const users = indexById(page.includes, 'users');
  const data = Array.isArray(page.data) ? page.data : isObject(page.data) ? [page.data] : [];
  const posts: RawPost[] = [];

  for (const [i, tweet] of data.entries()) {
    const at = inside(where, Array.isArray(page.data) ? `data[${i}]` : 'data');
    if (!isObject(tweet)) return { ...at, message: 'expected a tweet object' };
    const post = twitterV2Tweet(tweet, at, users);
    if (isImportProblem(post)) return post;
    posts.push(post);
  }

  // Only the parents a reply points to join the file: quoted and retweeted originals belong to
  // other conversations and would otherwise turn up as unrelated threads.
  const parentIds = new Set(posts.flatMap((p) => (p.parentPlatformId === null ? [] : [p.parentPlatformId])));
  const includedTweets = isObject(page.includes) && Array.isArray(page.includes.tweets) ? page.includes.tweets : [];
  for (const [i, tweet] of includedTweets.entries()) {
    if (!isObject(tweet) || typeof tweet.id !== 'string' || !parentIds.has(tweet.id)) continue;
    const post = twitterV2Tweet(tweet, inside(where, `includes.tweets[${i}]`), users);
    if (isImportProblem(post)) return post;
    posts.push(post);
  }

  const conversationIds = new Set(
    [...data, ...includedTweets].flatMap((t) => (isObject(t) && typeof t.conversation_id === 'string' ? [t.conversation_id] : [])),
  );
  posts.push(...unavailableRoots(page.errors, conversationIds, posts, where));
  return posts;
}

/**
 * A flattened tweet (`twarc2 flatten`): the tweet plus the parent it answers, which flatten
 * inlines as a whole tweet inside `referenced_tweets`.
 */
export function twitterV2FlatTweet(tweet: JsonObject, where: RecordWhere): RawPost[] | Problem {
  const post = twitterV2Tweet(tweet, where);
  if (isImportProblem(post)) return post;
  const posts = [post];
  const refs = Array.isArray(tweet.referenced_tweets) ? tweet.referenced_tweets : [];
  for (const [i, ref] of refs.entries()) {
    if (!isObject(ref) || ref.type !== 'replied_to' || typeof ref.text !== 'string') continue;
    const parent = twitterV2Tweet(ref, inside(where, `referenced_tweets[${i}]`));
    if (isImportProblem(parent)) return parent;
    posts.push(parent);
  }
  return posts;
}

/** One v2 tweet object → a post. `users` resolves `author_id`; a flattened tweet carries `author`. */
export function twitterV2Tweet(tweet: JsonObject, where: RecordWhere, users: Users = new Map()): RawPost | Problem {
  const id = readId(tweet, 'id', 'id', where);
  if (typeof id !== 'string') return id ?? problemAt(where, 'id', 'a tweet without an id');

  // Posts over 280 characters are cut in `text`; the whole post is in `note_tweet`.
  const note = isObject(tweet.note_tweet) && typeof tweet.note_tweet.text === 'string' ? tweet.note_tweet : null;
  const rawText = note ? note.text : tweet.text;
  if (typeof rawText !== 'string') return problemAt(where, 'text', 'a tweet without text');

  const refs = Array.isArray(tweet.referenced_tweets) ? tweet.referenced_tweets.filter(isObject) : [];
  const refId = (type: string): string | null => {
    const ref = refs.find((r) => r.type === type);
    return ref !== undefined && typeof ref.id === 'string' ? ref.id : null;
  };
  const parentId = refId('replied_to');
  const conversationId = stringOrNull(tweet.conversation_id);

  const createdAt = readTime(tweet, 'created_at', where);
  if (createdAt !== null && typeof createdAt !== 'string') return createdAt;

  const authorId = stringOrNull(tweet.author_id);
  const author = (authorId === null ? undefined : users.get(authorId)) ?? inlineAuthor(tweet);
  const username = stringOrNull(author?.username);
  const metrics = isObject(tweet.public_metrics) ? tweet.public_metrics : {};

  return {
    platform: 'twitter',
    platformId: id,
    parentPlatformId: parentId,
    threadKey: conversationId ?? parentId ?? id,
    author: username ?? authorId ?? '',
    createdAt,
    // v2 `text` is HTML-escaped (`&amp;`, `&lt;`, `&gt;`) and nothing else: decode those, once.
    text: decodeAmpLtGt(rawText),
    url: tweetUrl(id, username),
    meta: compactMeta({
      likes: readCount(metrics.like_count),
      retweets: readCount(metrics.retweet_count),
      replies: readCount(metrics.reply_count),
      quotes: readCount(metrics.quote_count),
      lang: stringOrNull(tweet.lang),
      hashtags: hashtagList(note?.entities ?? tweet.entities, 'tag'),
      possibly_sensitive: readBoolean(tweet.possibly_sensitive),
      authorId,
      authorName: stringOrNull(author?.name),
      source: stringOrNull(tweet.source),
      quotedId: refId('quoted'),
      retweetOf: refId('retweeted'),
    }),
    location: locationOf(where),
  };
}

/** `twarc2 flatten` inlines the user as `author`; 4CAT's v2 collector as `author_user`. */
function inlineAuthor(tweet: JsonObject): JsonObject | undefined {
  if (isObject(tweet.author)) return tweet.author;
  return isObject(tweet.author_user) ? tweet.author_user : undefined;
}

function indexById(includes: unknown, key: 'users'): Map<string, JsonObject> {
  const index = new Map<string, JsonObject>();
  const list = isObject(includes) ? includes[key] : undefined;
  if (!Array.isArray(list)) return index;
  for (const item of list) if (isObject(item) && typeof item.id === 'string') index.set(item.id, item);
  return index;
}

/**
 * The API lists tweets it could not return in `errors` (deleted, protected, suspended author).
 * Such a tweet becomes a tombstone only when it is a conversation's root (some tweet's
 * `conversation_id`), the one place its position is certain (parent null). An unavailable tweet
 * inside a conversation is left to the "missing post" placeholder: a tombstone would need a
 * parent the file does not give.
 */
function unavailableRoots(errors: unknown, conversations: ReadonlySet<string>, posts: readonly RawPost[], where: RecordWhere): RawPost[] {
  if (!Array.isArray(errors)) return [];
  const present = new Set(posts.map((p) => p.platformId));
  const tombstones: RawPost[] = [];
  for (const [i, error] of errors.entries()) {
    if (!isObject(error) || error.resource_type !== 'tweet' || typeof error.resource_id !== 'string') continue;
    const id = error.resource_id;
    if (!conversations.has(id) || present.has(id)) continue;
    present.add(id);
    tombstones.push({
      platform: 'twitter',
      platformId: id,
      parentPlatformId: null,
      threadKey: id,
      author: '',
      createdAt: null,
      text: '',
      url: tweetUrl(id, null),
      meta: compactMeta({ unavailable: stringOrNull(error.title) ?? stringOrNull(error.detail) ?? 'unavailable' }),
      deleted: true,
      location: locationOf(inside(where, `errors[${i}]`)),
    });
  }
  return tombstones;
}

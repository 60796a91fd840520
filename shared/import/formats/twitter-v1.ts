/**
 * X/Twitter v1.1 tweet objects (twarc1, tweepy, GNIP, search and stream output) and the account
 * archive's entries, which are the same objects with every number written as a string
 * (docs/thread-formats.md, "X/Twitter v1.1" and "X/Twitter account archive"). Ids come from the
 * `_str` fields, never the rounded numbers.
 */
import { decodeAmpLtGt } from '../html-entities';
import { htmlToText } from '../html-to-text';
import type { RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import {
  compactMeta,
  hashtagList,
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

export function twitterV1Tweet(tweet: JsonObject, where: RecordWhere): RawPost | Problem {
  const id = readId(tweet, 'id_str', 'id', where);
  if (typeof id !== 'string') return id ?? problemAt(where, 'id_str', 'a tweet without an id');
  const parentId = readId(tweet, 'in_reply_to_status_id_str', 'in_reply_to_status_id', where);
  if (parentId !== null && typeof parentId !== 'string') return parentId;

  const text = fullText(tweet);
  if (text === null) return problemAt(where, 'full_text', 'a tweet without text');
  const createdAt = readTime(tweet, 'created_at', where);
  if (createdAt !== null && typeof createdAt !== 'string') return createdAt;
  const deletedAt = readTime(tweet, 'deleted_at', where);
  if (deletedAt !== null && typeof deletedAt !== 'string') return deletedAt;

  const user = isObject(tweet.user) ? tweet.user : {};
  const username = stringOrNull(user.screen_name);
  const extended = isObject(tweet.extended_tweet) ? tweet.extended_tweet : null;
  const retweeted = isObject(tweet.retweeted_status) ? tweet.retweeted_status : null;
  const retweetedUser = retweeted && isObject(retweeted.user) ? stringOrNull(retweeted.user.screen_name) : null;
  // A retweet's own text is cut with "…"; the original's full text, after the same "RT @user: "
  // prefix X shows, is what was actually posted. The archive has no original to use.
  const shown = retweeted && retweetedUser !== null ? `RT @${retweetedUser}: ${fullText(retweeted) ?? ''}` : text;
  const source = stringOrNull(tweet.source);

  return {
    platform: 'twitter',
    platformId: id,
    parentPlatformId: parentId,
    // Some v1.1-shaped exports carry a conversation id; otherwise the key is provisional and
    // inheritRootThreadKeys finds the conversation root within the file.
    threadKey: stringOrNull(tweet.conversation_id_str) ?? parentId ?? id,
    author: username ?? '',
    createdAt,
    text: decodeAmpLtGt(shown),
    url: tweetUrl(id, username),
    meta: compactMeta({
      likes: readCount(tweet.favorite_count),
      retweets: readCount(tweet.retweet_count),
      replies: readCount(tweet.reply_count),
      quotes: readCount(tweet.quote_count),
      lang: stringOrNull(tweet.lang),
      hashtags: hashtagList(extended?.entities ?? tweet.entities, 'text'),
      possibly_sensitive: readBoolean(tweet.possibly_sensitive),
      authorId: stringOrNull(user.id_str),
      authorName: stringOrNull(user.name),
      // v1.1 `source` is a link (`<a href=…>Twitter Web App</a>`): its text is the client's name.
      source: source === null ? null : htmlToText(source),
      replyToUser: stringOrNull(tweet.in_reply_to_screen_name),
      quotedId: stringOrNull(tweet.quoted_status_id_str),
      retweetOf: retweeted ? stringOrNull(retweeted.id_str) : null,
      // Cut at 140 characters with no `extended_tweet` to recover the rest: say so.
      truncated: readBoolean(tweet.truncated) === true && extended === null && retweeted === null ? true : null,
      deletedAt,
    }),
    ...(deletedAt === null ? {} : { deleted: true }),
    location: locationOf(where),
  };
}

/** The untruncated text: `extended_tweet.full_text` (compat mode), `full_text` (extended mode), `text`. */
function fullText(tweet: JsonObject): string | null {
  const extended = isObject(tweet.extended_tweet) ? stringOrNull(tweet.extended_tweet.full_text) : null;
  return extended ?? stringOrNull(tweet.full_text) ?? stringOrNull(tweet.text);
}

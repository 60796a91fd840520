/**
 * One X/Twitter record, whatever its generation: the unit a streaming importer feeds line by line
 * (a twarc2 page, a flattened v2 tweet, a v1.1 tweet, an archive entry). Thread keys of v1.1 and
 * archive tweets are provisional until inheritRootThreadKeys runs over the collected posts, and
 * one tweet may come in several records (a parent in `includes` on many pages):
 * parseTwitterRecords is the whole sequence a streaming caller repeats.
 */
import { isImportProblem } from '../import-problem';
import type { RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { inside, isObject, type RecordWhere } from './json-fields';
import { twitterV1Tweet } from './twitter-v1';
import { twitterV2FlatTweet, twitterV2Page } from './twitter-v2';

export type { RecordWhere } from './json-fields';

/**
 * v1.1 stream notices that are not tweets (a deletion notice carries no text and no position in
 * any thread); they are skipped, as every collection tool does.
 */
const STREAM_NOTICES = ['delete', 'limit', 'scrub_geo', 'status_withheld', 'user_withheld', 'disconnect', 'warning'];

export function twitterRecord(obj: unknown, where: RecordWhere): RawPost[] | Problem {
  if (!isObject(obj)) return { ...where, message: 'expected a JSON object (an X/Twitter API page or tweet)' };

  // Archive entry: {"tweet": {…v1.1 fields…}}.
  if (isObject(obj.tweet) && Object.keys(obj).length === 1) return one(twitterV1Tweet(obj.tweet, where));

  // v2 response page. A page holding only `errors` (every requested tweet gone) is still a page.
  if ('data' in obj || 'includes' in obj || (Array.isArray(obj.errors) && !('id' in obj))) return twitterV2Page(obj, where);

  // v1.1 search response.
  if (Array.isArray(obj.statuses)) {
    const posts: RawPost[] = [];
    for (const [i, status] of obj.statuses.entries()) {
      const at = inside(where, `statuses[${i}]`);
      if (!isObject(status)) return { ...at, message: 'expected a tweet object' };
      const post = twitterV1Tweet(status, at);
      if (isImportProblem(post)) return post;
      posts.push(post);
    }
    return posts;
  }

  // v2 ids are always strings; a numeric `id` is v1.1 (readId refuses it above 2^53).
  if ('id_str' in obj || isObject(obj.user) || typeof obj.id === 'number') return one(twitterV1Tweet(obj, where));
  if (typeof obj.id === 'string' && typeof obj.text === 'string') return twitterV2FlatTweet(obj, where);
  if (STREAM_NOTICES.some((key) => key in obj) && Object.keys(obj).length <= 2) return [];
  return {
    ...where,
    message: 'not an X/Twitter record: expected an API v2 page ("data"), a v1.1 tweet ("id_str"), or an archive entry ("tweet")',
  };
}

const one = (post: RawPost | Problem): RawPost[] | Problem => (isImportProblem(post) ? post : [post]);

/**
 * Bluesky (AT Protocol) API JSON (docs/thread-formats.md, "Bluesky"): a `getPostThread` response
 * (`{thread}`), a feed (`{feed}`: getAuthorFeed, getTimeline, getFeed), `{posts}` (searchPosts,
 * getPosts), or an array of such responses (saved pages). 4CAT's Bluesky export is snake_case
 * (`py_type`) and is read by the 4CAT importer, not here.
 */
import { err, ok, type Result } from '../../util/result';
import type { FormatParser } from '../detect-format';
import { ProblemList } from '../import-problem';
import { parseJsonText } from '../json-problem';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { readFeed, readPosts } from './bluesky-feed';
import type { BlueskyOut } from './bluesky-nodes';
import { readPostThread } from './bluesky-thread';
import { inside, isObject, type RecordWhere } from './json-fields';

export const BLUESKY_FORMAT = 'bluesky';

const AT_URI = /"at:\/\/did:/;
const RESPONSE_KEY = /"(?:thread|feed|posts)"\s*:/;
const LEXICON_TYPE = /"\$type"\s*:\s*"app\.bsky\./;
const OTHER_EXPORT = /"(?:py_type|source_platform)"\s*:/;

export const blueskyParser: FormatParser = {
  id: BLUESKY_FORMAT,
  label: 'Bluesky API (getPostThread, feeds)',
  detect: (head) =>
    /^\uFEFF?\s*[[{]/.test(head) && AT_URI.test(head) && (RESPONSE_KEY.test(head) || LEXICON_TYPE.test(head)) && !OTHER_EXPORT.test(head),
  parse: parseBluesky,
};

export function parseBluesky(text: string, fileName: string): Result<ParsedFile, Problem[]> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return err([{ file: fileName, message: 'the file is empty' }]);
  const json = parseJsonText(body, fileName);
  if (!json.ok) return err([json.error]);

  const out: BlueskyOut = { posts: [], warnings: [], problems: new ProblemList(fileName) };
  const top = json.value;
  if (Array.isArray(top)) for (const [i, page] of top.entries()) readResponse(page, { file: fileName, record: `[${i}]` }, out);
  else readResponse(top, { file: fileName }, out);
  if (out.problems.count > 0) return err(out.problems.list());
  return ok({ format: BLUESKY_FORMAT, posts: firstOfEach(out.posts), warnings: out.warnings });
}

function readResponse(response: unknown, where: RecordWhere, out: BlueskyOut): void {
  if (!isObject(response)) out.problems.add({ ...where, message: 'expected a Bluesky API response object' });
  else if (Array.isArray(response.thread)) {
    // app.bsky.unspecced.getPostThreadV2 returns a flat list: an unstable API with another shape.
    out.problems.add({ ...where, field: 'thread', message: 'a flat thread list (getPostThreadV2) is not read; save the thread with app.bsky.feed.getPostThread' });
  } else if ('thread' in response) readPostThread(response.thread, inside(where, 'thread'), out);
  else if (Array.isArray(response.feed)) readFeed(response.feed, where, out);
  else if (Array.isArray(response.posts)) readPosts(response.posts, where, out);
  else out.problems.add({ ...where, message: 'not a Bluesky response: expected "thread" (getPostThread), "feed" or "posts"' });
}

/**
 * The same post often comes several times (a feed's hydrated root for each reply): the first copy
 * is kept, except that a real post replaces a tombstone for it.
 */
function firstOfEach(posts: readonly RawPost[]): RawPost[] {
  const byUri = new Map<string, RawPost>();
  for (const post of posts) {
    const seen = byUri.get(post.platformId);
    if (seen === undefined || (seen.deleted === true && post.deleted !== true)) byUri.set(post.platformId, post);
  }
  return [...byUri.values()];
}

/**
 * YouTube Data API v3 comments (docs/thread-formats.md, "YouTube"): a `commentThreads.list`
 * response, an array of such pages, a `comments.list` response (the replies of one thread, fetched
 * with `parentId`), or single commentThread / comment resources.
 *
 * Each video is one thread, opened by a post standing for the video (youtubeVideoRoot explains
 * why); a top-level comment answers the video and a reply answers its top-level comment, the only
 * parent YouTube records (threads are two levels; a reply to a reply survives only as a leading
 * `@handle` in its text). Comments with no video (channel discussions) open their own threads.
 * What the file leaves out is said, not hidden: `replies` is a subset, so a thread whose
 * `totalReplyCount` exceeds the replies present gets "N more replies not in this file", and a
 * last page with a `nextPageToken` marks the video as having more comments than the file holds.
 * A thread is titled by its video's title when the file carries one (a `youtube#video` resource,
 * as `videos.list` returns it, or a page's `title` field as exporters add it), else "YouTube video <id>".
 */
import { err, ok, type Result } from '../../util/result';
import type { FormatParser } from '../detect-format';
import { ProblemList, isImportProblem } from '../import-problem';
import { parseJsonText } from '../json-problem';
import type { ImportWarning, ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { inside, isObject, readCount, stringOrNull, type JsonObject, type RecordWhere } from './json-fields';
import { youtubeComment, youtubeVideoRoot } from './youtube-comment';

export const YOUTUBE_FORMAT = 'youtube';

const YOUTUBE_KIND = /"kind"\s*:\s*"youtube#comment(?:Thread)?(?:ListResponse)?"/;
const TOP_LEVEL_COMMENT = /"topLevelComment"\s*:/;

export const youtubeParser: FormatParser = {
  id: YOUTUBE_FORMAT,
  label: 'YouTube Data API comments (commentThreads, comments)',
  detect: (head) => /^\uFEFF?\s*[[{]/.test(head) && (YOUTUBE_KIND.test(head) || TOP_LEVEL_COMMENT.test(head)),
  parse: parseYoutube,
};

/** A comment as found, before thread keys are known (a reply may come before its video is). */
interface Entry {
  comment: JsonObject;
  where: RecordWhere;
  /** null for a top-level comment. */
  parentId: string | null;
  videoId: string | null;
  channelId: string | null;
  totalReplyCount: number | null;
  /** Whether it came from the file's last page (for the nextPageToken note). */
  lastPage: boolean;
}

export function parseYoutube(text: string, fileName: string): Result<ParsedFile, Problem[]> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return err([{ file: fileName, message: 'the file is empty' }]);
  const json = parseJsonText(body, fileName);
  if (!json.ok) return err([json.error]);

  const problems = new ProblemList(fileName);
  const entries: Entry[] = [];
  const titles = new Map<string, string>();
  const pages = Array.isArray(json.value)
    ? json.value.map((page, i) => ({ page, where: { file: fileName, record: `[${i}]` } }))
    : [{ page: json.value, where: { file: fileName } }];
  for (const [p, { page, where }] of pages.entries()) {
    const lastPage = p === pages.length - 1;
    const first = entries.length;
    if (isObject(page) && Array.isArray(page.items)) {
      for (const [i, item] of page.items.entries()) readItem(item, inside(where, `items[${i}]`), lastPage, entries, titles, problems);
    } else readItem(page, where, lastPage, entries, titles, problems);
    // An exporter's `title` beside the page's items: the title of the page's videos.
    const pageTitle = isObject(page) ? nonBlank(page.title) : null;
    if (pageTitle !== null) {
      for (const e of entries.slice(first)) if (e.videoId !== null && !titles.has(e.videoId)) titles.set(e.videoId, pageTitle);
    }
    if (problems.full) break;
  }
  if (problems.count > 0) return err(problems.list());

  const posts = toPosts(entries, titles, problems);
  if (problems.count > 0) return err(problems.list());
  const last = pages[pages.length - 1]?.page;
  if (!isObject(last) || typeof last.nextPageToken !== 'string' || last.nextPageToken === '') {
    return ok({ format: YOUTUBE_FORMAT, posts, warnings: [] });
  }
  return ok({ format: YOUTUBE_FORMAT, posts: markMorePages(posts, entries), warnings: [morePagesWarning(fileName, pages.length)] });
}

const nonBlank = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function readItem(item: unknown, where: RecordWhere, lastPage: boolean, entries: Entry[], titles: Map<string, string>, problems: ProblemList): void {
  const snippet = isObject(item) && isObject(item.snippet) ? item.snippet : null;
  if (!isObject(item) || snippet === null) {
    problems.add({ ...where, message: 'not a YouTube commentThread or comment: expected an object with "snippet"' });
    return;
  }
  if (item.kind === 'youtube#video') {
    // The video itself (videos.list): only its title is used, to name the video's thread.
    const videoId = stringOrNull(item.id) ?? (isObject(item.id) ? stringOrNull(item.id.videoId) : null);
    const title = nonBlank(snippet.title);
    if (videoId !== null && title !== null) titles.set(videoId, title);
    return;
  }
  const channelId = stringOrNull(snippet.channelId);
  if (isObject(snippet.topLevelComment)) {
    const top = snippet.topLevelComment;
    const topSnippet = isObject(top.snippet) ? top.snippet : {};
    const videoId = stringOrNull(snippet.videoId) ?? stringOrNull(topSnippet.videoId);
    const totalReplyCount = readCount(snippet.totalReplyCount);
    entries.push({ comment: top, where: inside(where, 'snippet.topLevelComment'), parentId: null, videoId, channelId, totalReplyCount, lastPage });
    const replies = isObject(item.replies) && Array.isArray(item.replies.comments) ? item.replies.comments : [];
    for (const [j, reply] of replies.entries()) {
      const at = inside(where, `replies.comments[${j}]`);
      if (!isObject(reply)) {
        problems.add({ ...at, message: 'expected a comment object' });
        continue;
      }
      const replySnippet = isObject(reply.snippet) ? reply.snippet : {};
      // parentId is always the top-level comment; the thread's own id stands in if it is absent.
      const parentId = stringOrNull(replySnippet.parentId) ?? stringOrNull(top.id) ?? stringOrNull(item.id);
      entries.push({ comment: reply, where: at, parentId, videoId: stringOrNull(replySnippet.videoId) ?? videoId, channelId, totalReplyCount: null, lastPage });
    }
    return;
  }
  if ('textDisplay' in snippet || 'textOriginal' in snippet) {
    entries.push({
      comment: item,
      where,
      parentId: stringOrNull(snippet.parentId),
      videoId: stringOrNull(snippet.videoId),
      channelId,
      totalReplyCount: null,
      lastPage,
    });
    return;
  }
  problems.add({ ...where, field: 'snippet', message: 'not a YouTube commentThread or comment: no "topLevelComment" or "textDisplay"' });
}

function toPosts(entries: readonly Entry[], titles: ReadonlyMap<string, string>, problems: ProblemList): RawPost[] {
  // A reply fetched with comments.list may lack videoId: it takes its top-level comment's.
  const videoOfTop = new Map<string, string | null>();
  for (const e of entries) if (e.parentId === null && typeof e.comment.id === 'string') videoOfTop.set(e.comment.id, e.videoId);
  const repliesPresent = new Map<string, number>();
  for (const e of entries) if (e.parentId !== null) repliesPresent.set(e.parentId, (repliesPresent.get(e.parentId) ?? 0) + 1);

  const posts: RawPost[] = [];
  const videos = new Set<string>();
  const comments = new Set<string>();
  for (const e of entries) {
    const videoId = e.videoId ?? (e.parentId === null ? null : (videoOfTop.get(e.parentId) ?? null));
    const ownId = stringOrNull(e.comment.id) ?? '';
    const threadKey = videoId ?? e.parentId ?? ownId;
    if (videoId !== null && !videos.has(videoId)) {
      videos.add(videoId);
      posts.push(youtubeVideoRoot(videoId, e.channelId, e.where, titles.get(videoId) ?? null));
    }
    const parentPlatformId = e.parentId ?? videoId;
    const post = youtubeComment(e.comment, { parentPlatformId, threadKey, videoId }, e.where);
    if (isImportProblem(post)) {
      problems.add(post);
      if (problems.full) break;
      continue;
    }
    // Overlapping pages repeat a thread: the first copy is kept.
    if (comments.has(post.platformId)) continue;
    comments.add(post.platformId);
    const missing = (e.totalReplyCount ?? 0) - (repliesPresent.get(post.platformId) ?? 0);
    posts.push(missing > 0 ? { ...post, moreReplies: missing } : post);
  }
  return posts;
}

/** The last page says more comment threads follow: each of its videos gets "more not in this file". */
function markMorePages(posts: readonly RawPost[], entries: readonly Entry[]): RawPost[] {
  const videos = new Set(entries.flatMap((e) => (e.lastPage && e.videoId !== null ? [e.videoId] : [])));
  return posts.map((p) => (p.parentPlatformId === null && videos.has(p.platformId) ? { ...p, moreRepliesUncounted: true } : p));
}

function morePagesWarning(file: string, pages: number): ImportWarning {
  return {
    file,
    field: 'nextPageToken',
    message: `the ${pages === 1 ? 'response' : 'last page'} has a nextPageToken: the video has more comments than this file holds`,
  };
}

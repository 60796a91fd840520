/**
 * One YouTube Data API v3 `comment` resource → a post (docs/thread-formats.md, "YouTube"), and the
 * post that stands for the video the comments are about.
 *
 * Text: `textOriginal` when present (the author's own text, "as initially posted or last
 * updated"), else `textDisplay` through htmlToText. textOriginal needs no conversion, so nothing is
 * lost to it; textDisplay is an HTML rendering (`<br />`, timestamp links, `&#39;`) and is the
 * only text in older data and in responses fetched by anyone but the comment's author. Data from
 * 2015–2016 ends every comment with U+FEFF, which is stripped at both ends.
 */
import { htmlToText } from '../html-to-text';
import type { RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { compactMeta, isObject, locationOf, problemAt, readCount, readTime, stringOrNull, type JsonObject, type RecordWhere } from './json-fields';

export interface CommentPlace {
  /** The post this one answers: the video for a top-level comment, the top-level comment for a reply. */
  parentPlatformId: string | null;
  threadKey: string;
  videoId: string | null;
}

const EDGE_BOMS = /^\uFEFF+|\uFEFF+$/g;

export function youtubeComment(comment: JsonObject, place: CommentPlace, where: RecordWhere): RawPost | Problem {
  const id = stringOrNull(comment.id);
  if (id === null || id === '') return problemAt(where, 'id', 'a comment without an id');
  const snippet = comment.snippet;
  if (!isObject(snippet)) return problemAt(where, 'snippet', 'a comment without its snippet');
  const original = stringOrNull(snippet.textOriginal);
  const display = stringOrNull(snippet.textDisplay);
  if (original === null && display === null) return problemAt(where, 'snippet.textDisplay', 'a comment without text');
  const createdAt = readTime(snippet, 'publishedAt', where);
  if (createdAt !== null && typeof createdAt !== 'string') return createdAt;
  const updatedAt = readTime(snippet, 'updatedAt', where);
  if (updatedAt !== null && typeof updatedAt !== 'string') return updatedAt;

  const channel = isObject(snippet.authorChannelId) ? stringOrNull(snippet.authorChannelId.value) : null;
  return {
    platform: 'youtube',
    platformId: id,
    parentPlatformId: place.parentPlatformId,
    threadKey: place.threadKey,
    author: stringOrNull(snippet.authorDisplayName) ?? '',
    createdAt,
    text: (original ?? htmlToText(display ?? '')).replace(EDGE_BOMS, ''),
    url: place.videoId === null ? null : `https://www.youtube.com/watch?v=${place.videoId}&lc=${id}`,
    meta: compactMeta({
      likes: readCount(snippet.likeCount),
      authorChannelId: channel,
      videoId: place.videoId,
      textSource: original === null ? 'textDisplay' : 'textOriginal',
      // updatedAt equals publishedAt until the author edits the comment.
      editedAt: updatedAt !== null && updatedAt !== createdAt ? updatedAt : null,
      moderationStatus: stringOrNull(snippet.moderationStatus),
    }),
    location: locationOf(where),
  };
}

/**
 * The video, as the root of its comments' thread. YouTube comments answer the video, which the
 * file names (`videoId`) but does not contain; making it the opening post keeps every top-level
 * comment a reply to what it actually answers, so one video is one thread rather than each comment
 * opening its own or all of them hanging under the first one. Its text only names the video
 * (`meta.kind = "video"` marks that it carries no text from the file), and its platformId is the
 * video id, so importing more pages of the same video later finds it already present.
 */
export function youtubeVideoRoot(videoId: string, channelId: string | null, where: RecordWhere, title: string | null = null): RawPost {
  return {
    platform: 'youtube',
    platformId: videoId,
    parentPlatformId: null,
    threadKey: videoId,
    // The video's own title when the file carries one, else its id said in words.
    threadTitle: title ?? `YouTube video ${videoId}`,
    // The file does not say who uploaded the video (`channelId` is only the channel the comments
    // belong to), so no author is claimed.
    author: '',
    createdAt: null,
    text: `YouTube video ${videoId}`,
    url: `https://www.youtube.com/watch?v=${videoId}`,
    meta: compactMeta({ kind: 'video', videoId, channelId }),
    location: locationOf(where),
  };
}

/**
 * The node kinds of Bluesky thread and feed responses, and what each becomes. `#notFoundPost`
 * (deleted) and `#blockedPost` nodes stand where a post was; they become tombstones so the replies
 * under them keep their place (docs/thread-formats.md, "Bluesky"). A tombstone needs a known
 * position, though: in `replies` it is the containing post's child, and as a root its parent is
 * null by definition; an unavailable post higher up a chain has a parent nobody names, so it is
 * reported as a warning and its replies go under assembly's "missing post" placeholder instead of a
 * guessed parent.
 */
import { isImportProblem, type ProblemList } from '../import-problem';
import type { ImportWarning, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { compactMeta, isObject, locationOf, stringOrNull, type JsonObject, type RecordWhere } from './json-fields';
import { blueskyWebUrl } from './bluesky-post-view';

export type NodeKind = 'thread' | 'post' | 'notFound' | 'blocked' | 'unknown';

/** By `$type` when present, else by shape (some clients drop `$type`). */
export function nodeKind(node: unknown): NodeKind {
  if (!isObject(node)) return 'unknown';
  const type = typeof node.$type === 'string' ? node.$type : '';
  if (type.endsWith('#threadViewPost') || (type === '' && isObject(node.post))) return 'thread';
  if (type.endsWith('#notFoundPost') || node.notFound === true) return 'notFound';
  if (type.endsWith('#blockedPost') || node.blocked === true) return 'blocked';
  if (type.endsWith('#postView') || (type === '' && typeof node.uri === 'string' && isObject(node.record))) return 'post';
  return 'unknown';
}

/** What a response yields: posts in reading order, warnings, and problems (fatal for the file). */
export interface BlueskyOut {
  posts: RawPost[];
  warnings: ImportWarning[];
  problems: ProblemList;
}

export function addPost(out: BlueskyOut, result: RawPost | Problem): RawPost | null {
  if (isImportProblem(result)) {
    out.problems.add(result);
    return null;
  }
  out.posts.push(result);
  return result;
}

/** A tombstone for a notFound/blocked node whose position is known. */
export function unavailablePost(
  node: JsonObject,
  parentUri: string | null,
  threadKey: string,
  where: RecordWhere,
): RawPost | Problem {
  const uri = stringOrNull(node.uri);
  if (uri === null) return { ...where, field: 'uri', message: 'an unavailable post without its uri' };
  const blocked = nodeKind(node) === 'blocked';
  const did = blocked && isObject(node.author) ? stringOrNull(node.author.did) : null;
  return {
    platform: 'bluesky',
    platformId: uri,
    parentPlatformId: parentUri,
    threadKey,
    author: did ?? '',
    createdAt: null,
    text: '',
    url: blueskyWebUrl(uri),
    meta: compactMeta({ unavailable: blocked ? 'blocked' : 'not found', did }),
    deleted: true,
    location: locationOf(where),
  };
}

/** An unavailable post whose parent is unknown: named in a warning, left to the placeholder. */
export function unavailableWarning(node: JsonObject, where: RecordWhere): ImportWarning {
  const what = nodeKind(node) === 'blocked' ? 'blocked' : 'deleted or not found';
  return {
    ...where,
    message: `post ${stringOrNull(node.uri) ?? '(no uri)'} is ${what}; its replies hang under a placeholder for it`,
  };
}

/**
 * One Reddit comment (`t1`) or submission (`t3`) object → a RawPost. Thread pages and Pushshift /
 * Arctic Shift dumps carry the same fields (docs/thread-formats.md, "Reddit thread pages" and
 * "Reddit dumps (Pushshift, Arctic Shift)"), so both parsers share this.
 *
 * Ids: `platformId` is the bare base36 id (`cu5tgzu`); parent pointers arrive as fullnames
 * (`t1_cu5tgzu`, `t3_3hahrw`) and lose their prefix, so every id in a RawPost has one form.
 * `threadKey` is the submission's base36 id.
 *
 * A submission's text is its title, then a blank line and its self text when there is one: the
 * title is what a link post says, and researchers code it.
 */
import type { PostMeta } from '../../model/records';
import { normalizeTime } from '../normalize-time';
import { decodeAmpLtGt } from '../html-entities';
import type { RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';

export type RedditKind = 't1' | 't3';

/** Whether `&`, `<`, `>` arrive as `&amp;` `&lt;` `&gt;` (requests without `raw_json=1`). */
export type RedditEscaping = 'escaped' | 'raw';

export interface RedditWhere {
  file: string;
  line?: number;
  /** Record label for problems when the object has no usable id (a JSON path). */
  record?: string;
}

export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const ORIGIN = 'https://www.reddit.com';

/** Bodies Reddit puts in place of deleted or removed text (compared trimmed, lower case). */
const TOMBSTONE_BODIES = new Set(['[deleted]', '[removed]', '[ removed by reddit ]', '[removed by reddit]']);

/** `t1_abc` → `abc`; a bare id stays as it is. */
export function stripFullname(id: string): string {
  return /^t[1-6]_/.test(id) ? id.slice(3) : id;
}

/** The text fields entity escaping applies to. */
export function redditTexts(data: JsonObject): string[] {
  return [data.body, data.selftext, data.title].filter((v): v is string => typeof v === 'string');
}

/**
 * Escaped text never holds a raw `<`, `>` or a `&` that does not start `&amp;` `&lt;` `&gt;`;
 * raw text almost always does somewhere (Markdown quotes start with `>`). So a text with such a
 * character proves the source raw; without one, decoding the three entities is right or a no-op.
 * (docs/thread-formats.md, "Reddit thread pages": decode exactly those three, once, when the
 * request is unknown.)
 */
export function showsRawText(text: string): boolean {
  return /[<>]|&(?!(?:amp|lt|gt);)/.test(text);
}

export function escapingOf(texts: Iterable<string>): RedditEscaping {
  for (const t of texts) if (showsRawText(t)) return 'raw';
  return 'escaped';
}

export function redditRecord(data: JsonObject, kind: RedditKind, where: RedditWhere, escaping: RedditEscaping): RawPost | Problem {
  const record = where.record;
  const problem = (field: string, message: string): Problem => ({
    file: where.file,
    ...(where.line === undefined ? {} : { line: where.line }),
    ...(record === undefined ? {} : { record }),
    field,
    message,
  });
  const id = idField(data.id);
  if (typeof id !== 'string') return problem('id', id.message);
  const fullname = `${kind}_${id}`;
  const at = { ...where, record: record ?? fullname };
  const fieldProblem = (field: string, message: string): Problem => ({ ...problem(field, message), record: at.record });

  const created = timeField(data.created_utc);
  if (typeof created !== 'string' && created !== null) return fieldProblem('created_utc', created.message);

  const decode = escaping === 'escaped' ? decodeAmpLtGt : (s: string): string => s;
  let parentPlatformId: string | null = null;
  let threadKey = id;
  let text: string;
  let threadTitle: string | undefined;
  let deleted: boolean;
  if (kind === 't1') {
    if (typeof data.body !== 'string') return fieldProblem('body', 'a comment needs its text as a string');
    if (typeof data.parent_id !== 'string' || data.parent_id === '') return fieldProblem('parent_id', 'a comment needs the fullname of the post it answers');
    parentPlatformId = stripFullname(data.parent_id);
    const link = typeof data.link_id === 'string' && data.link_id !== '' ? data.link_id : data.parent_id.startsWith('t3_') ? data.parent_id : null;
    if (link === null) return fieldProblem('link_id', 'a reply needs the fullname of its submission (t3_…)');
    threadKey = stripFullname(link);
    text = decode(data.body);
    deleted = TOMBSTONE_BODIES.has(data.body.trim().toLowerCase()) || data.collapsed_reason_code === 'DELETED';
  } else {
    if (typeof data.title !== 'string') return fieldProblem('title', 'a submission needs its title as a string');
    const self = typeof data.selftext === 'string' ? data.selftext : '';
    threadTitle = decode(data.title);
    text = self === '' ? threadTitle : `${threadTitle}\n\n${decode(self)}`;
    deleted = TOMBSTONE_BODIES.has(self.trim().toLowerCase()) || typeof data.removed_by_category === 'string';
  }

  return {
    platform: 'reddit',
    platformId: id,
    parentPlatformId,
    threadKey,
    ...(threadTitle === undefined ? {} : { threadTitle }),
    author: typeof data.author === 'string' ? data.author : '',
    createdAt: created,
    text,
    url: urlOf(data, kind, id, threadKey),
    meta: metaOf(data, kind),
    ...(deleted ? { deleted: true } : {}),
    location: { ...(at.line === undefined ? {} : { line: at.line }), record: at.record },
  };
}

/** Reddit ids are base36 strings; a number means another format, or precision already lost. */
function idField(v: unknown): string | { message: string } {
  if (typeof v === 'string' && v !== '') return stripFullname(v);
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'number') return { message: `id ${v} is a number beyond 2^53, so JSON has already rounded it; ids must be strings` };
  return { message: 'missing id (expected the base36 id as a string)' };
}

function timeField(v: unknown): string | null | { message: string } {
  if (v === undefined || v === null) return null;
  const t = normalizeTime(v);
  return t.ok ? t.value : { message: `created_utc: ${t.error}` };
}

function urlOf(data: JsonObject, kind: RedditKind, id: string, threadKey: string): string {
  if (typeof data.permalink === 'string' && data.permalink.startsWith('/')) return ORIGIN + data.permalink;
  // Dumps often lack permalink; Reddit resolves these short forms (the "_" stands for the slug).
  return kind === 't3' ? `${ORIGIN}/comments/${id}/` : `${ORIGIN}/comments/${threadKey}/_/${id}/`;
}

const COMMON_META = ['subreddit', 'score', 'distinguished', 'stickied', 'author_flair_text', 'author_fullname', 'gilded'] as const;
const COMMENT_META = ['controversiality', 'is_submitter', 'depth', 'collapsed_reason_code'] as const;
const SUBMISSION_META = [
  'num_comments', 'upvote_ratio', 'link_flair_text', 'over_18', 'domain', 'is_self', 'locked', 'spoiler', 'removed_by_category',
] as const;
/** Arctic Shift's second-fetch flags (`_meta`), kept with an `archive_` prefix. */
const ARCHIVE_META = ['was_deleted_later', 'was_initially_deleted', 'removal_type', 'is_edited', 'note'] as const;

function metaOf(data: JsonObject, kind: RedditKind): PostMeta {
  const meta: PostMeta = {};
  const copy = (from: JsonObject, key: string, as = key): void => {
    const v = from[key];
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) meta[as] = v;
  };
  for (const key of COMMON_META) copy(data, key);
  for (const key of kind === 't1' ? COMMENT_META : SUBMISSION_META) copy(data, key);
  if (kind === 't3' && data.is_self === false) copy(data, 'url', 'link_url');
  // `edited` is false or the edit's epoch seconds.
  if (data.edited === false) meta.edited = false;
  else if (typeof data.edited === 'number') {
    meta.edited = true;
    const at = normalizeTime(data.edited);
    if (at.ok) meta.edited_at = at.value;
  }
  const retrieved = data.retrieved_on ?? data.retrieved_utc;
  if (retrieved !== undefined && retrieved !== null) {
    const at = normalizeTime(retrieved);
    if (at.ok) meta.retrieved_at = at.value;
  }
  if (isObject(data._meta)) {
    for (const key of ARCHIVE_META) copy(data._meta, key, `archive_${key}`);
    const second = data._meta.retrieved_2nd_on;
    if (second !== undefined && second !== null) {
      const at = normalizeTime(second);
      if (at.ok) meta.archive_retrieved_2nd_at = at.value;
    }
  }
  return meta;
}

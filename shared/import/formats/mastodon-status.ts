/**
 * One Mastodon Status entity → a post (docs/thread-formats.md, "Mastodon"). `content` is sanitized
 * HTML and goes through htmlToText (paragraphs and line breaks kept, the hidden parts of long links
 * included, entities decoded once, custom emoji left as `:shortcode:`). Ids are the queried
 * instance's local ids, so edges from `in_reply_to_id` line up within one file; `uri` (global) is
 * kept as a variable for matching across instances.
 */
import { isImportProblem } from '../import-problem';
import { htmlToText } from '../html-to-text';
import type { RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import {
  compactMeta,
  inside,
  isObject,
  locationOf,
  problemAt,
  readBoolean,
  readCount,
  readTime,
  stringOrNull,
  type JsonObject,
  type RecordWhere,
} from './json-fields';

export function mastodonStatus(status: JsonObject, where: RecordWhere): RawPost | Problem {
  // A boost has empty `content`: what was posted is the boosted status (`reblog`).
  if (isObject(status.reblog)) {
    const original = mastodonStatus(status.reblog, inside(where, 'reblog'));
    if (isImportProblem(original)) return original;
    const booster = isObject(status.account) ? handleOf(status.account) : null;
    return { ...original, meta: { ...original.meta, ...compactMeta({ boostedBy: booster }) } };
  }

  const id = statusId(status, 'id', where);
  if (typeof id !== 'string') return id ?? problemAt(where, 'id', 'a status without an id');
  const parentId = statusId(status, 'in_reply_to_id', where);
  if (parentId !== null && typeof parentId !== 'string') return parentId;
  if (typeof status.content !== 'string') return problemAt(where, 'content', 'a status without content');
  const createdAt = readTime(status, 'created_at', where);
  if (createdAt !== null && typeof createdAt !== 'string') return createdAt;
  const editedAt = readTime(status, 'edited_at', where);
  if (editedAt !== null && typeof editedAt !== 'string') return editedAt;

  const account = isObject(status.account) ? status.account : {};
  const uri = stringOrNull(status.uri);
  return {
    platform: 'mastodon',
    platformId: id,
    parentPlatformId: parentId,
    // Provisional: inheritRootThreadKeys replaces it with the root found by walking up the file.
    threadKey: parentId ?? id,
    author: handleOf(account) ?? '',
    createdAt,
    text: htmlToText(status.content),
    url: stringOrNull(status.url) ?? uri,
    meta: compactMeta({
      favourites: readCount(status.favourites_count),
      reblogs: readCount(status.reblogs_count),
      replies: readCount(status.replies_count),
      language: stringOrNull(status.language),
      sensitive: readBoolean(status.sensitive),
      contentWarning: stringOrNull(status.spoiler_text),
      visibility: stringOrNull(status.visibility),
      acct: stringOrNull(account.acct),
      displayName: stringOrNull(account.display_name),
      bot: readBoolean(account.bot),
      uri,
      instance: hostOf(uri),
      editedAt,
      media: Array.isArray(status.media_attachments) && status.media_attachments.length > 0 ? status.media_attachments.length : null,
      poll: isObject(status.poll) ? true : null,
    }),
    location: locationOf(where),
  };
}

/**
 * Ids are strings, "cast from an integer but not guaranteed to be a number" (Pleroma's are not),
 * so any non-empty string is accepted. A number is only exact below 2^53, and Mastodon's are
 * above it. null when the field is absent or null.
 */
function statusId(status: JsonObject, key: string, where: RecordWhere): string | Problem | null {
  const value = status[key];
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'number' && value > Number.MAX_SAFE_INTEGER) {
    const lost = `the id ${value} is a number above 2^53, so its last digits were lost when the JSON was read`;
    return problemAt(where, key, `${lost}; Mastodon writes ids as strings`);
  }
  return problemAt(where, key, `expected a status id string, found ${JSON.stringify(value)}`);
}

/**
 * `acct` is `user` for accounts on the queried instance and `user@domain` for remote ones, so the
 * same person's handle would change with the instance queried. The local form gets the instance's
 * domain from the account's profile URL, making authors comparable across files.
 */
function handleOf(account: JsonObject): string | null {
  const acct = stringOrNull(account.acct) ?? stringOrNull(account.username);
  if (acct === null || acct.includes('@')) return acct;
  const host = hostOf(stringOrNull(account.url));
  return host === null ? acct : `${acct}@${host}`;
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

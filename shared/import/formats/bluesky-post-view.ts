/**
 * One Bluesky `postView` (app.bsky.feed.defs; docs/thread-formats.md, "Bluesky") → a post. The
 * identity is the post's `at://` uri; edges come from the record's strongRefs (`reply.parent.uri`,
 * thread key `reply.root.uri`, else the post's own uri, as 4CAT does).
 *
 * The text is `record.text` exactly. Facets index it in UTF-8 bytes, and since nothing is cut out
 * of or inserted into the text, no offset needs converting; links are kept from the facets
 * (`#link.uri`, the full URL, where the text may show a shortened one).
 */
import type { RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { compactMeta, inside, isObject, locationOf, problemAt, readCount, readTime, stringOrNull, type JsonObject, type RecordWhere } from './json-fields';

export function blueskyPostView(view: JsonObject, where: RecordWhere): RawPost | Problem {
  const uri = stringOrNull(view.uri);
  if (uri === null || !uri.startsWith('at://')) return problemAt(where, 'uri', 'expected the post\'s at:// uri');
  const record = view.record;
  if (!isObject(record)) return problemAt(where, 'record', 'a post without its record');
  if (typeof record.text !== 'string') return problemAt(inside(where, 'record'), 'text', 'a post record without text');
  // `createdAt` is set by the client (and required); `indexedAt`, the server's, stands in when a
  // record lacks it.
  const createdAt = readTime(record, 'createdAt', inside(where, 'record')) ?? readTime(view, 'indexedAt', where);
  if (createdAt !== null && typeof createdAt !== 'string') return createdAt;

  const reply = isObject(record.reply) ? record.reply : {};
  const parentUri = isObject(reply.parent) ? stringOrNull(reply.parent.uri) : null;
  const rootUri = isObject(reply.root) ? stringOrNull(reply.root.uri) : null;
  const author = isObject(view.author) ? view.author : {};
  const handle = stringOrNull(author.handle);
  const facets = facetFeatures(record.facets);

  return {
    platform: 'bluesky',
    platformId: uri,
    parentPlatformId: parentUri,
    threadKey: rootUri ?? parentUri ?? uri,
    author: handle ?? stringOrNull(author.did) ?? '',
    createdAt,
    text: record.text,
    url: blueskyWebUrl(uri),
    meta: compactMeta({
      likeCount: readCount(view.likeCount),
      repostCount: readCount(view.repostCount),
      replyCount: readCount(view.replyCount),
      quoteCount: readCount(view.quoteCount),
      langs: joined(record.langs, ','),
      handle,
      did: stringOrNull(author.did),
      displayName: stringOrNull(author.displayName),
      // Space-separated: URLs may contain commas.
      links: facets.links.length > 0 ? facets.links.join(' ') : null,
      tags: facets.tags.length > 0 ? facets.tags.join(',') : null,
      labels: labelValues(record.labels, view.labels),
      embed: embedKind(record.embed),
      quotedUri: quotedUri(record.embed),
    }),
    location: locationOf(where),
  };
}

/** `at://<did>/app.bsky.feed.post/<rkey>` → `https://bsky.app/profile/<did>/post/<rkey>`. */
export function blueskyWebUrl(uri: string): string | null {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/?#]+)$/.exec(uri);
  return match ? `https://bsky.app/profile/${match[1]}/post/${match[2]}` : null;
}

function facetFeatures(facets: unknown): { links: string[]; tags: string[] } {
  const links: string[] = [];
  const tags: string[] = [];
  if (!Array.isArray(facets)) return { links, tags };
  for (const facet of facets) {
    if (!isObject(facet) || !Array.isArray(facet.features)) continue;
    for (const feature of facet.features) {
      if (!isObject(feature)) continue;
      if (feature.$type === 'app.bsky.richtext.facet#link' && typeof feature.uri === 'string') links.push(feature.uri);
      if (feature.$type === 'app.bsky.richtext.facet#tag' && typeof feature.tag === 'string') tags.push(feature.tag);
    }
  }
  return { links, tags };
}

function joined(list: unknown, separator: string): string | null {
  if (!Array.isArray(list)) return null;
  const items = list.filter((x): x is string => typeof x === 'string');
  return items.length > 0 ? items.join(separator) : null;
}

/** Self-labels (the author's content warnings) and moderation labels, as one list. */
function labelValues(selfLabels: unknown, labels: unknown): string | null {
  const values = new Set<string>();
  const own = isObject(selfLabels) && Array.isArray(selfLabels.values) ? selfLabels.values : [];
  for (const label of [...own, ...(Array.isArray(labels) ? labels : [])]) {
    if (isObject(label) && typeof label.val === 'string') values.add(label.val);
  }
  return values.size > 0 ? [...values].join(',') : null;
}

/** `app.bsky.embed.images` → `images`; `record` is a quote post. */
function embedKind(embed: unknown): string | null {
  if (!isObject(embed) || typeof embed.$type !== 'string') return null;
  return embed.$type.replace(/^app\.bsky\.embed\./, '');
}

function quotedUri(embed: unknown): string | null {
  if (!isObject(embed) || !isObject(embed.record)) return null;
  // `record` embeds hold a strongRef; `recordWithMedia` nests it one level deeper.
  const ref = isObject(embed.record.record) ? embed.record.record : embed.record;
  return stringOrNull(ref.uri);
}

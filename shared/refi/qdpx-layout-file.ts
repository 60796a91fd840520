/**
 * `threadmark-layout.json`, the one entry Threadmark adds to a .qdpx beside project.qde and
 * sources/ (docs/formats.md): the records a REFI-QDA project cannot carry (thread and post records
 * with their ids, exemplars, ids that are not GUIDs). Another tool ignores it; Threadmark reading its
 * own export back restores the posts exactly, after checking that the source text is still the
 * layout of those posts (thread-layout.ts). Posts carry their length instead of their text: the
 * text is in the source.
 */
import * as z from 'zod';

import type { Attribute, Post, Project, RelationCode, Thread } from '../model/records';

export const LAYOUT_ENTRY = 'threadmark-layout.json';
export const LAYOUT_FORMAT = 'threadmark-qdpx-layout';

export type LaidPost = Omit<Post, 'text'> & { length: number };

export interface QdpxLayoutFile {
  format: typeof LAYOUT_FORMAT;
  version: 1;
  project: Project;
  /** GUID in the project.qde → the Threadmark id it was made from, where they differ. */
  ids: Record<string, string>;
  /** Code id → its exemplar coding ids. */
  exemplars: Record<string, string[]>;
  sources: Array<{ guid: string; thread: Thread; posts: LaidPost[] }>;
  /** Attribute and relation code records as they were (the .qde has only their names and types); absent when none. */
  attributes?: Attribute[];
  relationCodes?: RelationCode[];
}

const meta = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const platform = z.enum(['threadmark', 'reddit', 'twitter', 'mastodon', 'bluesky', 'youtube', '4cat', 'csv', 'text']);

const schema = z.object({
  format: z.literal(LAYOUT_FORMAT),
  version: z.literal(1),
  project: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }).passthrough(),
  ids: z.record(z.string(), z.string()),
  attributes: z.array(z.object({ id: z.string(), scope: z.enum(['author', 'thread']), name: z.string(), type: z.enum(['text', 'number', 'date']), createdAt: z.string() }).passthrough()).optional(),
  relationCodes: z.array(z.object({ id: z.string(), name: z.string(), definition: z.string(), color: z.string(), order: z.number(), createdAt: z.string() }).passthrough()).optional(),
  exemplars: z.record(z.string(), z.array(z.string())),
  sources: z.array(
    z.object({
      guid: z.string(),
      thread: z.object({ id: z.string(), title: z.string(), platform, rootPostId: z.string(), importedAt: z.string(), source: z.string() }).passthrough(),
      posts: z.array(
        z.object({
          id: z.string(),
          threadId: z.string(),
          parentId: z.string().nullable(),
          author: z.string(),
          createdAt: z.string().nullable(),
          platform,
          platformId: z.string().nullable(),
          url: z.string().nullable(),
          meta,
          length: z.number().int().nonnegative(),
        }),
      ),
    }),
  ),
});

/** The layout file, or null when the text is not one (a hand-edited or foreign entry is ignored, not trusted). */
export function parseLayoutFile(text: string): QdpxLayoutFile | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as QdpxLayoutFile) : null;
  } catch {
    return null;
  }
}

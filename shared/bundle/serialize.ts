/**
 * Writes a bundle deterministically: the same content always gives the same bytes, whatever key
 * order the objects were built with, so exports diff cleanly and export → import → export is
 * byte-identical. Key order is the one documented in docs/formats.md. Fields a record carries
 * beyond the format (e.g. a Coding's `threadId` inside the app) are not written.
 */
import type { Code, CodebookChange, CodebookVersion, Coder, Post, PostMeta, Project, Thread } from '../model/records';
import type { Bundle, BundleCoding } from './bundle';

export function serializeBundle(b: Bundle): string {
  const ordered = {
    format: b.format,
    formatVersion: b.formatVersion,
    exportedAt: b.exportedAt,
    app: { name: b.app.name, version: b.app.version },
    project: project(b.project),
    threads: b.threads.map(thread),
    posts: b.posts.map(post),
    codes: b.codes.map(code),
    coders: b.coders.map(coder),
    codings: b.codings.map(coding),
    codebookChanges: (b.codebookChanges ?? []).map(change),
    codebookVersions: (b.codebookVersions ?? []).map(version),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

const project = (p: Project): Project => ({ id: p.id, name: p.name, createdAt: p.createdAt });

const thread = (t: Thread): Thread => ({
  id: t.id,
  title: t.title,
  platform: t.platform,
  rootPostId: t.rootPostId,
  importedAt: t.importedAt,
  source: t.source,
});

const post = (p: Post): Post => ({
  id: p.id,
  threadId: p.threadId,
  parentId: p.parentId,
  author: p.author,
  createdAt: p.createdAt,
  text: p.text,
  platform: p.platform,
  platformId: p.platformId,
  url: p.url,
  meta: sortedMeta(p.meta),
});

const code = (c: Code): Code => ({
  id: c.id,
  name: c.name,
  parentId: c.parentId,
  color: c.color,
  order: c.order,
  definition: c.definition,
  inclusion: c.inclusion,
  exclusion: c.exclusion,
  examples: [...c.examples],
  exemplarCodingIds: [...c.exemplarCodingIds],
  shortcut: c.shortcut,
  codable: c.codable,
  retired: c.retired,
});

const change = (c: CodebookChange): CodebookChange => ({
  id: c.id,
  operationId: c.operationId,
  at: c.at,
  coderId: c.coderId,
  kind: c.kind,
  codeId: c.codeId,
  summary: c.summary,
  before: c.before === null ? null : code(c.before),
  after: c.after === null ? null : code(c.after),
});

const version = (v: CodebookVersion): CodebookVersion => ({
  id: v.id,
  name: v.name,
  createdAt: v.createdAt,
  coderId: v.coderId,
  codes: v.codes.map(code),
});

const coder = (c: Coder): Coder => ({ id: c.id, name: c.name });

const coding = (c: BundleCoding): BundleCoding => ({
  id: c.id,
  postId: c.postId,
  codeId: c.codeId,
  coderId: c.coderId,
  start: c.start,
  end: c.end,
  quote: c.quote,
  memo: c.memo,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** Meta keys come from many platforms in any order; sorting makes the output order-independent. */
function sortedMeta(meta: PostMeta): PostMeta {
  // fromEntries defines own properties, so even a "__proto__" key is written as data.
  return Object.fromEntries(Object.keys(meta).sort().map((key) => [key, meta[key] ?? null]));
}

/**
 * What every annotation writer reads from a project bundle: each coding with its post, code path
 * and coder name, in the bundle's canonical order, so the app and the CLI write the same bytes
 * from the same project.
 */
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { codePath } from '../codebook/code-path';
import type { Code, Post } from '../model/records';
import { urnOf } from './exchange-annotation';

export interface AnnotationRow {
  coding: BundleCoding;
  post: Post;
  codePath: string;
  coderName: string;
}

export interface AnnotationSource {
  rows: AnnotationRow[];
  /** Posts with text, in bundle order: the documents a task-per-post format writes. */
  posts: Post[];
  /** The IRI each post is known by in a Web Annotation target. */
  iriOf: (post: Post) => string;
}

export function annotationSource(bundle: Pick<Bundle, 'posts' | 'codes' | 'coders' | 'codings'>): AnnotationSource {
  const posts = new Map(bundle.posts.map((p) => [p.id, p]));
  const codes = new Map<string, Code>(bundle.codes.map((c) => [c.id, c]));
  const coders = new Map(bundle.coders.map((c) => [c.id, c.name]));
  // A URL names one post only when no other post shares it (some imports give every reply the thread's URL).
  const urlCount = new Map<string, number>();
  for (const p of bundle.posts) if (p.url) urlCount.set(p.url, (urlCount.get(p.url) ?? 0) + 1);
  const iriOf = (post: Post): string => (post.url && urlCount.get(post.url) === 1 ? post.url : urnOf('post', post.id));
  const rows: AnnotationRow[] = [];
  for (const coding of bundle.codings) {
    const post = posts.get(coding.postId);
    if (!post) continue; // a validated bundle has none; a coding without its post cannot be located
    rows.push({ coding, post, codePath: codePath(codes, coding.codeId), coderName: coders.get(coding.coderId) ?? coding.coderId });
  }
  return { rows, posts: bundle.posts.filter((p) => p.text !== ''), iriOf };
}

/** One coding's rows grouped by post id, in the order the rows come. */
export function rowsByPost(rows: readonly AnnotationRow[]): Map<string, AnnotationRow[]> {
  const map = new Map<string, AnnotationRow[]>();
  for (const row of rows) {
    const list = map.get(row.post.id);
    if (list) list.push(row);
    else map.set(row.post.id, [row]);
  }
  return map;
}

/** Pretty JSON with a final newline: what every JSON writer here emits. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

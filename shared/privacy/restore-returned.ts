/**
 * A file coded elsewhere on a pseudonymised export (a .qdpx coded in NVivo, say) back on the
 * project's own texts: each coding's span carried from the pseudonymised text to the original
 * (rewrite-text.ts `unmap`; a span that touched an alias covers the whole name), its quote re-read,
 * and the file's posts and threads swapped for the stored ones, so it merges as any coder file.
 */
import type { Bundle } from '../bundle/bundle';
import type { Post, RelationEnd } from '../model/records';
import { sliceCodePoints } from '../text/offsets';
import { rewritePost, type People, type Pseudonymised } from './pseudonymise-bundle';
import type { Rewritten } from './rewrite-text';

export function restoreReturned(returned: Bundle, pseudonymised: Pick<Pseudonymised, 'restoreSpan'>, original: Pick<Bundle, 'posts' | 'threads'>): Bundle {
  const posts = new Map(original.posts.map((p) => [p.id, p]));
  const threads = new Map(original.threads.map((t) => [t.id, t]));
  return {
    ...returned,
    threads: returned.threads.map((t) => threads.get(t.id) ?? t),
    posts: returned.posts.map((p) => posts.get(p.id) ?? p),
    codings: returned.codings.map((c) => {
      const post = posts.get(c.postId);
      if (!post) return c;
      const span = pseudonymised.restoreSpan(c.postId, c.start, c.end);
      return { ...c, ...span, quote: sliceCodePoints(post.text, span.start, span.end) };
    }),
    // A relation's span ends are carried back as codings are; whole-post ends need nothing.
    ...(returned.relations ? { relations: returned.relations.map((r) => ({ ...r, from: restoreEnd(r.from), to: restoreEnd(r.to) })) } : {}),
  };

  function restoreEnd(end: RelationEnd): RelationEnd {
    const post = posts.get(end.postId);
    if (!post || end.start === undefined || end.end === undefined) return end;
    const span = pseudonymised.restoreSpan(end.postId, end.start, end.end);
    return { ...end, ...span, quote: sliceCodePoints(post.text, span.start, span.end) };
  }
}

/**
 * A coder's returned package (prepared pseudonymised) back on the project's own texts: each post
 * whose text is the pseudonymised form of the stored one is swapped for the stored post, and the
 * coder's codings on it carried back. Posts that match as they are, or match neither, stay as they
 * are, so the merge's own checks still refuse a changed file.
 */
export function restorePackageFile(file: Bundle, stored: ReadonlyMap<string, Post>, people: People): Bundle {
  const rewrites = new Map<string, Rewritten>();
  for (const post of file.posts) {
    const own = stored.get(post.id);
    if (!own || own.text === post.text) continue;
    const rewritten = rewritePost(own, people);
    if (rewritten.text === post.text) rewrites.set(post.id, rewritten);
  }
  if (rewrites.size === 0) return file;
  const restoreSpan = (postId: string, start: number, end: number) => {
    const r = rewrites.get(postId);
    return r ? { start: r.unmap(start, 'start'), end: r.unmap(end, 'end') } : { start, end };
  };
  const originals = file.posts.map((p) => (rewrites.has(p.id) ? stored.get(p.id)! : p));
  // Codings on posts left as they were keep their quotes (restoreReturned re-reads the same slice).
  return restoreReturned(file, { restoreSpan }, { posts: originals, threads: file.threads });
}

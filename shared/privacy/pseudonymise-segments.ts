/**
 * Retrieved segments (a retrieval report: the Segments tab's CSV and HTML, `threadmark segments`)
 * as the pseudonymised project has them: each row's author, thread title, post link, memo, offsets,
 * quote and context taken from the same coding in the pseudonymised bundle, so a report and an
 * export of one project give the same aliases and quotes.
 */
import type { Bundle } from '../bundle/bundle';
import { contextOf, type SegmentRow } from '../analysis/segments/segment-row';

export function pseudonymiseSegmentRows(rows: readonly SegmentRow[], pseudonymised: Bundle): SegmentRow[] {
  const codings = new Map(pseudonymised.codings.map((c) => [c.id, c]));
  const posts = new Map(pseudonymised.posts.map((p) => [p.id, p]));
  const threads = new Map(pseudonymised.threads.map((t) => [t.id, t]));
  return rows.map((row) => {
    const coding = codings.get(row.codingId);
    const post = posts.get(row.postId);
    // A row the bundle lacks cannot be rewritten: it leaves nothing identifying behind instead.
    if (!coding || !post) return { ...row, author: '', url: null, memo: '', quote: '', before: '', after: '' };
    return {
      ...row,
      threadTitle: threads.get(row.threadId)?.title ?? row.threadTitle,
      author: post.author,
      url: post.url,
      memo: coding.memo,
      quote: coding.quote,
      start: coding.start,
      end: coding.end,
      ...contextOf(post.text, coding.start, coding.end),
    };
  });
}

/** A line of a report's header (a filter "author: jack"): each name the alias key holds, as its alias. */
export function aliasNamesIn(line: string, key: ReadonlyArray<{ alias: string; names: readonly string[] }>): string {
  let out = line;
  const pairs = key.flatMap((e) => e.names.map((name) => [name, e.alias] as const)).sort((a, b) => b[0].length - a[0].length);
  for (const [name, alias] of pairs) {
    if (name === '') continue;
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'giu'), alias);
  }
  return out;
}

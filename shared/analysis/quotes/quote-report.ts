/**
 * The quote report: every coding marked as quoted in a paper, with the verbatim ones checked for
 * what a search engine could match (quote-flags.ts) and the thread's platform terms. One query for
 * the app's Quote report dialog, its CSV and `threadmark quotes`.
 */
import type { QuotedAs } from '../../model/records';
import { termsOf } from '../../platform/terms-of';
import type { ProjectReader } from '../../project/project-store';
import { toCsv } from '../../util/csv';
import { quoteFlags, quoteSuggestion, type QuoteFlag } from './quote-flags';

export interface QuoteReportRow {
  codingId: string;
  postId: string;
  threadId: string;
  threadTitle: string;
  platform: string;
  code: string;
  coder: string;
  quoted: QuotedAs;
  quote: string;
  /** Empty for a paraphrased quote (its words are the researcher's). */
  flags: QuoteFlag[];
  suggestion: string;
}

export async function quoteReport(reader: ProjectReader): Promise<QuoteReportRow[]> {
  const [project, threads, codes, coders, codings] = await Promise.all([reader.project(), reader.threads(), reader.codes(), reader.coders(), reader.allCodings()]);
  const threadOf = new Map(threads.map((t) => [t.id, t]));
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  const coderName = new Map(coders.map((c) => [c.id, c.name]));
  const rank = new Map(threads.map((t, i) => [t.id, `${t.importedAt}\u0000${t.id}\u0000${i}`]));
  const rows: QuoteReportRow[] = [];
  for (const c of codings) {
    if (!c.quoted) continue;
    const thread = threadOf.get(c.threadId);
    const terms = thread ? termsOf(thread, project).terms : '';
    const flags = c.quoted === 'verbatim' ? quoteFlags(c.quote, terms) : [];
    rows.push({
      codingId: c.id,
      postId: c.postId,
      threadId: c.threadId,
      threadTitle: thread?.title ?? c.threadId,
      platform: thread?.platform ?? '',
      code: codeName.get(c.codeId) ?? c.codeId,
      coder: coderName.get(c.coderId) ?? c.coderId,
      quoted: c.quoted,
      quote: c.quote,
      flags,
      suggestion: quoteSuggestion(flags),
    });
  }
  // Verbatim quotes first, the most findable first; then in thread and text order.
  const findable = (r: QuoteReportRow): number => r.flags.filter((f) => f.kind !== 'platform-terms').length;
  const byText = new Map(codings.map((c) => [c.id, c]));
  const verbatim = (r: QuoteReportRow): number => (r.quoted === 'verbatim' ? 1 : 0);
  return rows.sort((a, b) => verbatim(b) - verbatim(a) || findable(b) - findable(a) || (rank.get(a.threadId) ?? '').localeCompare(rank.get(b.threadId) ?? '') || a.postId.localeCompare(b.postId) || (byText.get(a.codingId)?.start ?? 0) - (byText.get(b.codingId)?.start ?? 0));
}

export const QUOTE_CSV_HEADER = ['coding_id', 'post_id', 'thread_id', 'thread', 'platform', 'code', 'coder', 'quoted', 'quote', 'flags', 'flag_details', 'platform_terms', 'suggestion'];

export function quoteReportCsv(rows: readonly QuoteReportRow[]): string {
  return toCsv([
    QUOTE_CSV_HEADER,
    ...rows.map((r) => {
      const findable = r.flags.filter((f) => f.kind !== 'platform-terms');
      return [
        r.codingId,
        r.postId,
        r.threadId,
        r.threadTitle,
        r.platform,
        r.code,
        r.coder,
        r.quoted,
        r.quote,
        findable.map((f) => f.kind).join(' '),
        findable.map((f) => `${f.kind}: ${f.detail}`).join(' | '),
        r.flags.find((f) => f.kind === 'platform-terms')?.detail ?? '',
        r.suggestion,
      ];
    }),
  ]);
}

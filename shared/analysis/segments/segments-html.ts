/**
 * A retrieval as one readable HTML page, to read, print or attach: the query, how many segments,
 * then each segment's quote highlighted in its context with code, coder, memo and where it is.
 * Self-contained (inline CSS, no script, a CSP that allows nothing else); every piece of project
 * text is HTML-escaped.
 */
import { escapeHtml, htmlPage } from '../../util/html-page';
import type { SegmentRow } from './segment-row';

export interface SegmentsReportOptions {
  /** The project's name. */
  projectName: string;
  /** The query in words (SegmentResult.description). */
  description: string;
  /** Filters in words, one per entry ("coder: Ada"), shown under the title. */
  filters?: readonly string[];
  /** ISO 8601 time the report was made (passed in: shared/ never reads the clock). */
  generatedAt: string;
}

export function segmentsHtml(rows: readonly SegmentRow[], options: SegmentsReportOptions): string {
  const title = escapeHtml(`Segments: ${options.description}`);
  const filters = options.filters && options.filters.length > 0 ? `<p class="meta">Filtered by ${options.filters.map(escapeHtml).join('; ')}</p>\n` : '';
  const count = `${rows.length.toLocaleString('en-US')} ${rows.length === 1 ? 'segment' : 'segments'}`;
  const body = rows.length === 0 ? '<p class="empty">No segment matches this query.</p>' : `<ol class="segments">\n${rows.map(segmentItem).join('\n')}\n</ol>`;
  const meta = `<p class="meta">${escapeHtml(options.projectName)} · ${count} · generated <time datetime="${escapeHtml(options.generatedAt)}">${escapeHtml(options.generatedAt.slice(0, 16).replace('T', ' '))} UTC</time></p>\n`;
  return htmlPage({ title, style: STYLE, header: `${meta}${filters}`, body: `<main>\n${body}\n</main>` });
}

function segmentItem(r: SegmentRow): string {
  const codes = [r.codePath, ...r.matchedCodePaths.map((p) => `with ${p}`)].map(escapeHtml).join(' · ');
  const where = [r.threadTitle || r.threadId, r.author, r.platform, r.postCreatedAt ? r.postCreatedAt.slice(0, 10) : ''].filter((s) => s !== '').map(escapeHtml).join(' · ');
  const memo = r.memo.trim() === '' ? '' : `\n<p class="memo"><span class="label">Memo:</span> ${escapeHtml(r.memo)}</p>`;
  return `<li>
<blockquote>${r.clippedBefore ? '…' : ''}${escapeHtml(r.before)}<mark>${escapeHtml(r.quote)}</mark>${escapeHtml(r.after)}${r.clippedAfter ? '…' : ''}</blockquote>
<p class="codes">${codes} <span class="coder">coded by ${escapeHtml(r.coderName)}</span></p>
<p class="where">${where} · characters ${r.start}–${r.end} · post ${escapeHtml(r.postId)}</p>${memo}
</li>`;
}

const STYLE = `body { font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
.meta, .where { color: #555; font-size: 0.875rem; margin: 0.25rem 0; }
.segments { padding-left: 1.5rem; }
.segments li { margin: 0 0 1.5rem; break-inside: avoid; }
blockquote { margin: 0 0 0.25rem; white-space: pre-wrap; }
mark { background: #fff3a3; color: inherit; font-weight: 600; }
.codes { margin: 0; font-weight: 600; }
.coder { font-weight: 400; color: #555; }
.memo { margin: 0.25rem 0 0; padding-left: 0.75rem; border-left: 3px solid #999; }
.label { font-weight: 600; }
.empty { font-style: italic; }`;

/**
 * The codebook as one printable HTML page, for a paper's appendix or to hand to coders: a contents
 * tree, then one entry per code in tree order with its colour, path, definition, criteria, examples
 * and notes. Self-contained (inline CSS, no script, no external resource, a CSP that allows
 * nothing else), and every piece of researcher text is HTML-escaped. Colours are written into
 * CSS only when they are "#rrggbb"; anything else shows as grey.
 */
import type { Code } from '../model/records';
import { escapeHtml, htmlPage } from '../util/html-page';
import { CODE_PATH_SEPARATOR, sortCodesAsTree } from './code-path';
import { codeNotes, codebookSummary, documentExamples, DOCUMENT_TEXT_FIELDS, EXAMPLES_LABEL, formatGeneratedAt, type CodebookDocumentOptions } from './codebook-document';

const safeColor = (color: string): string => (/^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : '#999999');

interface Row {
  code: Code;
  depth: number;
  anchor: string;
  path: string[];
}

export function codebookHtml(codes: readonly Code[], options: CodebookDocumentOptions): string {
  const rows = treeRows(codes);
  const title = escapeHtml(options.title);
  const body =
    rows.length === 0
      ? '<p class="empty">The codebook has no codes yet.</p>'
      : `<nav class="contents" aria-label="Contents">\n<h2>Contents</h2>\n${contentsList(rows)}\n</nav>\n<main>\n${rows.map(codeEntry).join('\n')}\n</main>`;
  const meta = `<p class="meta">${escapeHtml(codebookSummary(codes))} · generated <time datetime="${escapeHtml(options.generatedAt)}">${escapeHtml(formatGeneratedAt(options.generatedAt))}</time></p>\n`;
  return htmlPage({ title, style: STYLE, header: meta, body });
}

function treeRows(codes: readonly Code[]): Row[] {
  const stack: string[] = [];
  return sortCodesAsTree(codes).map(({ code, depth }, i) => {
    stack.length = depth;
    stack.push(code.name);
    return { code, depth, anchor: `code-${i + 1}`, path: [...stack] };
  });
}

/** Nested lists following the tree; each item links to the code's entry. */
function contentsList(rows: readonly Row[]): string {
  let html = '';
  let open = 0;
  for (const row of rows) {
    const depth = Math.min(row.depth, open); // a deeper jump (an invalid tree) opens one level
    if (depth === open) html += '<ul>';
    else html += '</li>' + '</ul></li>'.repeat(open - depth - 1);
    open = depth + 1;
    html += `<li${row.code.retired ? ' class="retired"' : ''}><a href="#${row.anchor}">${swatch(row.code)}${escapeHtml(row.code.name)}</a>`;
  }
  return html + '</li></ul>'.repeat(open);
}

function codeEntry(row: Row): string {
  const { code, depth } = row;
  const level = Math.min(depth + 2, 6);
  const badges = [!code.codable ? '<span class="badge">Category</span>' : '', code.retired ? '<span class="badge retired">Retired</span>' : '', code.shortcut ? `<span class="badge key" title="Keyboard shortcut">Key <kbd>${escapeHtml(code.shortcut)}</kbd></span>` : ''].join('');
  const path = depth > 0 ? `<p class="path">${row.path.map(escapeHtml).join(`<span class="sep">${escapeHtml(CODE_PATH_SEPARATOR.trim())}</span>`)}</p>` : '';
  const notes = codeNotes(code).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  const fields = DOCUMENT_TEXT_FIELDS.filter(([field]) => code[field].trim() !== '').map(([field, label]) => `<dt>${label}</dt><dd>${paragraphs(code[field])}</dd>`);
  const examples = documentExamples(code);
  if (examples.length > 0) fields.push(`<dt>${EXAMPLES_LABEL}</dt><dd><ul class="examples">${examples.map((e) => `<li>${paragraphs(e)}</li>`).join('')}</ul></dd>`);
  const details = fields.length > 0 ? `<dl>${fields.join('')}</dl>` : '<p class="empty">No definition yet.</p>';
  const classes = ['code', `depth-${Math.min(depth, 4)}`, code.retired ? 'retired' : ''].filter(Boolean).join(' ');
  return `<section class="${classes}" id="${row.anchor}" style="--code-color: ${safeColor(code.color)}">
<h${level}>${swatch(code)}<span class="name">${escapeHtml(code.name)}</span>${badges}</h${level}>
${path}${notes}${details}
</section>`;
}

const swatch = (code: Code): string => `<span class="swatch" style="background: ${safeColor(code.color)}" title="${escapeHtml(safeColor(code.color))}"></span>`;

/** Blank lines separate paragraphs; a single line break stays one. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

const STYLE = `:root { color-scheme: light; --ink: #1f2328; --muted: #5b6470; --rule: #d8dde3; --paper: #ffffff; --tint: #f5f7f9; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 52rem; padding: 3rem 2rem 4rem; background: var(--paper); color: var(--ink);
  font: 16px/1.6 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; }
h1, h2, h3, h4, h5, h6, .meta, .path, .badge, nav { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header { border-bottom: 2px solid var(--ink); padding-bottom: 0.75rem; margin-bottom: 2rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.35rem; letter-spacing: -0.01em; }
.meta { margin: 0; color: var(--muted); font-size: 0.9rem; }
nav.contents { background: var(--tint); border-radius: 6px; padding: 1rem 1.5rem; margin-bottom: 2.5rem; font-size: 0.92rem; }
nav.contents h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0 0 0.5rem; }
nav ul { list-style: none; margin: 0; padding-left: 1.25rem; }
nav > ul { padding-left: 0; columns: 2 16rem; column-gap: 2rem; }
nav li { break-inside: avoid; }
nav a { color: inherit; text-decoration: none; display: inline-flex; align-items: center; gap: 0.45rem; padding: 0.1rem 0; }
nav a:hover { text-decoration: underline; }
nav li.retired > a { color: var(--muted); }
.swatch { display: inline-block; flex: none; width: 0.8em; height: 0.8em; border-radius: 3px; border: 1px solid rgb(0 0 0 / 0.15);
  vertical-align: -0.05em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
section.code { border-left: 4px solid var(--code-color); padding: 0.1rem 0 0.4rem 1.1rem; margin: 0 0 1.75rem; break-inside: avoid; }
section.depth-1 { margin-left: 1.5rem; } section.depth-2 { margin-left: 3rem; } section.depth-3 { margin-left: 4.5rem; } section.depth-4 { margin-left: 6rem; }
section.code :is(h2, h3, h4, h5, h6) { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin: 0.2rem 0 0.3rem; line-height: 1.3; break-after: avoid; }
section.code h2 { font-size: 1.35rem; } section.code h3 { font-size: 1.15rem; } section.code :is(h4, h5, h6) { font-size: 1.02rem; }
section.retired .name { color: var(--muted); }
.badge { font-size: 0.7rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted);
  border: 1px solid var(--rule); border-radius: 999px; padding: 0.05rem 0.55rem; }
.badge.retired { color: #8a4b00; border-color: #e8c9a0; background: #fff6ea; }
.badge.key { text-transform: none; letter-spacing: 0; }
kbd { font: 600 0.75rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.path { margin: 0 0 0.5rem; color: var(--muted); font-size: 0.85rem; }
.path .sep { margin: 0 0.4em; opacity: 0.7; }
.note { margin: 0.25rem 0; font-style: italic; color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
dl { margin: 0.5rem 0 0; display: grid; grid-template-columns: 10.5rem 1fr; gap: 0.35rem 1.25rem; }
dt { font: 600 0.78rem/1.9 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
dd { margin: 0; }
dd p { margin: 0 0 0.5rem; } dd p:last-child { margin-bottom: 0; }
ul.examples { margin: 0; padding-left: 1.1rem; }
ul.examples li { margin-bottom: 0.3rem; }
ul.examples li::marker { color: var(--code-color); }
@media (max-width: 40rem) { dl { grid-template-columns: 1fr; } section.code[class*="depth-"] { margin-left: 0; } }
@page { size: A4; margin: 2cm 1.8cm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  header { margin-bottom: 1.2rem; }
  nav.contents { background: none; border: 1px solid var(--rule); }
  nav a { text-decoration: none; }
  section.code { margin-bottom: 1.1rem; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

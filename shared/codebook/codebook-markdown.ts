/**
 * The codebook as a Markdown document (for a paper's appendix, a wiki or a repository): one
 * heading per code in tree order, a level deeper per level of the tree (capped at `######`), with
 * its path, definition, criteria, examples and notes. Every piece of researcher text is escaped
 * (markdown-escape.ts), so it reads exactly as typed and cannot add structure.
 */
import type { Code } from '../model/records';
import { CODE_PATH_SEPARATOR, sortCodesAsTree } from './code-path';
import { codeNotes, codebookSummary, documentExamples, DOCUMENT_TEXT_FIELDS, EXAMPLES_LABEL, formatGeneratedAt, type CodebookDocumentOptions } from './codebook-document';
import { escapeMarkdownBlock, escapeMarkdownLine } from './markdown-escape';

export function codebookMarkdown(codes: readonly Code[], options: CodebookDocumentOptions): string {
  const rows = sortCodesAsTree(codes);
  const pathOf = pathsInTree(rows);
  const blocks = [
    `# ${escapeMarkdownLine(options.title)}`,
    `*${escapeMarkdownLine(`${codebookSummary(codes)} · generated ${formatGeneratedAt(options.generatedAt)}`)}*`,
  ];
  if (rows.length === 0) blocks.push('*The codebook has no codes yet.*');
  for (const { code, depth } of rows) blocks.push(...codeBlocks(code, depth, pathOf.get(code) ?? []));
  return `${blocks.join('\n\n')}\n`;
}

function codeBlocks(code: Code, depth: number, path: readonly string[]): string[] {
  const blocks = [`${'#'.repeat(Math.min(depth + 2, 6))} ${escapeMarkdownLine(code.name)}`];
  if (depth > 0) blocks.push(`Path: ${path.map(escapeMarkdownLine).join(` ${escapeMarkdownLine(CODE_PATH_SEPARATOR.trim())} `)}`);
  const notes = codeNotes(code);
  if (notes.length > 0) blocks.push(notes.map((n) => `*${escapeMarkdownLine(n)}*`).join('\\\n'));
  for (const [field, label] of DOCUMENT_TEXT_FIELDS) {
    const text = escapeMarkdownBlock(code[field]);
    if (text !== '') blocks.push(`**${label}.** ${text}`);
  }
  const examples = documentExamples(code);
  if (examples.length > 0) {
    // An example of several lines stays inside its list item: continuation lines are indented.
    const items = examples.map((e) => `- ${escapeMarkdownBlock(e).replace(/\n/g, '\n  ')}`);
    blocks.push(`**${EXAMPLES_LABEL}.**\n\n${items.join('\n')}`);
  }
  return blocks;
}

/** Each code's names from the root down, computed once along the tree walk. */
function pathsInTree(rows: ReadonlyArray<{ code: Code; depth: number }>): Map<Code, string[]> {
  const paths = new Map<Code, string[]>();
  const stack: string[] = [];
  for (const { code, depth } of rows) {
    stack.length = depth;
    stack.push(code.name);
    paths.set(code, [...stack]);
  }
  return paths;
}

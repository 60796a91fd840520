/**
 * Researcher text inside Markdown, shown as written: a definition starting with "# " or "1. " or
 * holding `*`, `[x](y)`, `<b>` or `|` must not become a heading, a list, emphasis, a link, HTML or a
 * table cell. CommonMark lets a backslash escape any ASCII punctuation, so every character with a
 * meaning anywhere in a line is escaped wherever it is, and the characters that only mean something
 * at the start of a line (`-`, `+`, `=`, `1.`, `1)`) are escaped there. Leading spaces are dropped:
 * four of them would start a code block.
 */

// \ ` * _ [ ] < > | ~ # & $ (GitHub renders $…$ as math) and ! (image) are escaped everywhere.
const ANYWHERE = /[\\`*_[\]<>|~#&$!]/g;

function escapeLine(line: string): string {
  const escaped = line.trimStart().replace(ANYWHERE, (c) => `\\${c}`);
  return escaped.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** One line of text (a heading, a list item): line breaks become spaces. */
export function escapeMarkdownLine(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/**
 * Text of several lines and paragraphs: blank lines keep separating paragraphs and a single line
 * break stays a line break (a trailing backslash, CommonMark's hard break).
 */
export function escapeMarkdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeLine(line).trimEnd())
        .filter((line) => line !== '')
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

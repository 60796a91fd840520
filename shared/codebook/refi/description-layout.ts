/**
 * REFI-QDA gives a code one free-text `Description`. Threadmark writes its structured fields into it
 * in a plain layout other tools show as readable text, and reads that layout back losslessly
 * (docs/formats.md, "REFI-QDA codebook"):
 *
 *     <definition>
 *
 *     Include when:
 *     <inclusion>
 *
 *     Exclude when:
 *     <exclusion>
 *
 *     Examples:
 *     - <example>
 *       <second line of the same example>
 *
 *     Shortcut: <key>
 *
 *     Status: retired
 *
 * Blocks are separated by one blank line; empty fields are left out, so a code with only a
 * definition gets just the definition. A heading counts only as a whole line. A field line that
 * would read as a heading is written with a `\` in front (one more for lines that already start
 * with backslashes before a heading), and reading removes one. Text that does not follow the layout
 * (another tool's description) is the definition, unchanged.
 */

export interface DescriptionFields {
  definition: string;
  inclusion: string;
  exclusion: string;
  examples: string[];
  shortcut: string | null;
  retired: boolean;
}

const INCLUDE_HEADING = 'Include when:';
const EXCLUDE_HEADING = 'Exclude when:';
const EXAMPLES_HEADING = 'Examples:';
const SHORTCUT_LABEL = 'Shortcut:';
const RETIRED_LINE = 'Status: retired';

const BLOCK_SEPARATOR = '\n\n';
const BULLET = '- ';
const CONTINUATION = '  ';

// A whole line (split on LF only, hence the `s` flag) that reads as a heading, after any number
// of escaping backslashes.
const HEADING_BODY = String.raw`(?:Include when:|Exclude when:|Examples:|Shortcut:(?: .*)?|Status: retired)`;
const ESCAPABLE_LINE = new RegExp(String.raw`^\\*${HEADING_BODY}$`, 's');
const ESCAPED_LINE = new RegExp(String.raw`^\\+${HEADING_BODY}$`, 's');
const HEADING_LINE = new RegExp(String.raw`^${HEADING_BODY}$`, 's');

/** The Description text for these fields ('' when every field is empty). */
export function formatDescription(fields: DescriptionFields): string {
  const blocks: string[] = [];
  if (fields.definition !== '') blocks.push(escapeHeadingLines(fields.definition));
  if (fields.inclusion !== '') blocks.push(`${INCLUDE_HEADING}\n${escapeHeadingLines(fields.inclusion)}`);
  if (fields.exclusion !== '') blocks.push(`${EXCLUDE_HEADING}\n${escapeHeadingLines(fields.exclusion)}`);
  if (fields.examples.length > 0) blocks.push(`${EXAMPLES_HEADING}\n${fields.examples.map(formatExample).join('\n')}`);
  // A shortcut is one key; a line break in it could not survive on the one line it gets.
  if (fields.shortcut !== null) blocks.push(shortcutLine(fields.shortcut.replace(/[\r\n]+/g, ' ')));
  if (fields.retired) blocks.push(RETIRED_LINE);
  return blocks.join(BLOCK_SEPARATOR);
}

/** The fields a Description holds; text not in the layout is the definition, unchanged. */
export function parseDescription(text: string): DescriptionFields {
  const fields = emptyFields();
  const headings = headingLines(text);
  if (headings.length === 0) return { ...fields, definition: unescapeHeadingLines(text) };

  const first = headings[0]!;
  if (first.start > 0) {
    const before = text.slice(0, first.start);
    if (!before.endsWith(BLOCK_SEPARATOR)) return verbatim(text);
    fields.definition = unescapeHeadingLines(before.slice(0, -BLOCK_SEPARATOR.length));
  }
  const seen = new Set<string>();
  for (const [i, heading] of headings.entries()) {
    const next = headings[i + 1];
    const kind = headingKind(heading.line);
    if (seen.has(kind)) return verbatim(text);
    seen.add(kind);
    // The body runs from the line after the heading to the blank line before the next heading.
    const bodyEnd = next ? next.start - BLOCK_SEPARATOR.length : text.length;
    if (next && text.slice(bodyEnd, next.start) !== BLOCK_SEPARATOR) return verbatim(text);
    const bodyStart = heading.end + 1;
    const body = bodyEnd > bodyStart ? text.slice(bodyStart, bodyEnd) : '';
    if (!readBlock(kind, heading.line, body, fields)) return verbatim(text);
  }
  return fields;
}

/** Lines split on LF only (a regex `m` flag would also split on CR, U+2028 and U+2029). */
function headingLines(text: string): Array<{ line: string; start: number; end: number }> {
  const found: Array<{ line: string; start: number; end: number }> = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (HEADING_LINE.test(line)) found.push({ line, start, end: start + line.length });
    start += line.length + 1;
  }
  return found;
}

type HeadingKind = 'include' | 'exclude' | 'examples' | 'shortcut' | 'status';

function headingKind(line: string): HeadingKind {
  if (line === INCLUDE_HEADING) return 'include';
  if (line === EXCLUDE_HEADING) return 'exclude';
  if (line === EXAMPLES_HEADING) return 'examples';
  if (line === RETIRED_LINE) return 'status';
  return 'shortcut';
}

/** Fills the field a block holds; false when the block breaks the layout. */
function readBlock(kind: HeadingKind, line: string, body: string, fields: DescriptionFields): boolean {
  switch (kind) {
    case 'include':
      fields.inclusion = unescapeHeadingLines(body);
      return true;
    case 'exclude':
      fields.exclusion = unescapeHeadingLines(body);
      return true;
    case 'examples': {
      const examples = parseExamples(body);
      if (examples === null) return false;
      fields.examples = examples;
      return true;
    }
    case 'shortcut':
      fields.shortcut = line.slice(SHORTCUT_LABEL.length + 1);
      return body.trim() === '';
    case 'status':
      fields.retired = true;
      return body.trim() === '';
  }
}

function shortcutLine(key: string): string {
  return key === '' ? SHORTCUT_LABEL : `${SHORTCUT_LABEL} ${key}`;
}

function formatExample(example: string): string {
  const [first = '', ...rest] = example.split('\n');
  return [BULLET + first, ...rest.map((line) => CONTINUATION + line)].join('\n');
}

/** "- " starts an example ("-" alone: an empty one, as tools that trim lines leave it), "  " continues it. */
function parseExamples(body: string): string[] | null {
  const examples: string[] = [];
  for (const line of body.split('\n')) {
    if (line.startsWith(BULLET) || line === BULLET.trimEnd()) examples.push(line.slice(BULLET.length));
    else if (line.startsWith(CONTINUATION) && examples.length > 0) examples[examples.length - 1] += `\n${line.slice(CONTINUATION.length)}`;
    else if (line === '' && examples.length > 0) examples[examples.length - 1] += '\n';
    else return null;
  }
  return examples;
}

function escapeHeadingLines(text: string): string {
  return mapLines(text, (line) => (ESCAPABLE_LINE.test(line) ? `\\${line}` : line));
}

function unescapeHeadingLines(text: string): string {
  return mapLines(text, (line) => (ESCAPED_LINE.test(line) ? line.slice(1) : line));
}

function mapLines(text: string, map: (line: string) => string): string {
  return text.split('\n').map(map).join('\n');
}

function verbatim(text: string): DescriptionFields {
  return { ...emptyFields(), definition: text };
}

function emptyFields(): DescriptionFields {
  return { definition: '', inclusion: '', exclusion: '', examples: [], shortcut: null, retired: false };
}

/**
 * Plain text and Markdown files (a blog post, an interview transcript): one post per file,
 * platform 'text'. The text is kept as written, paragraphs and line breaks included; only line
 * endings become `\n` and a BOM and trailing blank lines are dropped. Markdown is not rendered: the
 * markup is part of what researchers quote.
 *
 * Title: the first ATX heading (`# Title`) or setext heading (`Title` over `===`), else the first
 * non-blank line; assembly shortens it for the thread list. Id: the file name, so re-importing the
 * same file is recognized as a duplicate (a different file with the same name is too: rename it).
 *
 * Detection is the registry's last resort: text that is not JSON, not a CSV header (those parsers
 * come first) and has no control characters other than tab and line breaks.
 */
import { err, ok, type Result } from '../../util/result';
import type { FormatParser } from '../detect-format';
import type { ParsedFile } from '../raw-post';
import type { Problem } from '../../problem/problem';

export const TEXT_FORMAT = 'text';

// eslint-disable-next-line no-control-regex -- binary content is exactly what this looks for
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

export function detectText(head: string): boolean {
  const start = head.replace(/^\uFEFF/, '');
  if (start.trim() === '') return false;
  if (/^\s*[[{]/.test(start)) return false;
  return !CONTROL.test(start);
}

/** The first Markdown heading, else the first non-blank line, without heading markup. */
export function textTitle(text: string): string | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const atx = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(lines[i]!);
    if (atx && atx[1]!.trim() !== '') return atx[1]!.trim();
    const next = lines[i + 1];
    if (lines[i]!.trim() !== '' && next !== undefined && /^ {0,3}(?:=+|-{2,})[ \t]*$/.test(next)) return lines[i]!.trim();
  }
  const first = lines.find((l) => l.trim() !== '');
  return first === undefined ? null : first.trim();
}

export function parseText(text: string, fileName: string): Result<ParsedFile, Problem[]> {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trimEnd();
  if (body.trim() === '') return err([{ file: fileName, message: 'the file is empty' }]);
  const match = CONTROL.exec(body);
  if (match) {
    const line = body.slice(0, match.index).split('\n').length;
    return err([{ file: fileName, line, message: `not a text file: control character U+${match[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}` }]);
  }
  const title = textTitle(body);
  return ok({
    format: TEXT_FORMAT,
    posts: [
      {
        platform: 'text',
        platformId: fileName,
        parentPlatformId: null,
        threadKey: fileName,
        ...(title === null ? {} : { threadTitle: title }),
        author: '',
        createdAt: null,
        text: body,
        url: null,
        meta: { file: fileName, ...(/\.(?:md|markdown)$/i.test(fileName) ? { text_format: 'markdown' } : { text_format: 'plain' }) },
        location: { line: 1 },
      },
    ],
    warnings: [],
  });
}

export const textParser: FormatParser = {
  id: TEXT_FORMAT,
  label: 'Plain text or Markdown (one post per file)',
  detect: detectText,
  parse: parseText,
};

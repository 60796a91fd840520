/**
 * The sentence around a span, for "Code all hits… → sentence". Intl.Segmenter('sentence') exists
 * in Node ≥ 16 and Chromium ≥ 87, so the app and the CLI cut sentences alike (same ICU rules);
 * the sentence's trailing spaces and line breaks are left out.
 */
import { codePointToUtf16, utf16ToCodePoint } from '../../text/offsets';
import type { Span } from './matches';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** From the start of the sentence holding `span.start` to the end of the one holding `span.end - 1` (code points). */
export function sentenceAround(text: string, span: Span): Span {
  const startUnit = codePointToUtf16(text, span.start);
  const endUnit = codePointToUtf16(text, span.end);
  let from = startUnit;
  let to = endUnit;
  for (const segment of segmenter.segment(text)) {
    const segEnd = segment.index + segment.segment.length;
    if (segment.index <= startUnit && startUnit < segEnd) from = segment.index;
    if (segment.index < endUnit && endUnit <= segEnd) {
      to = segment.index + segment.segment.trimEnd().length;
      break;
    }
  }
  to = Math.max(to, endUnit);
  return { start: utf16ToCodePoint(text, from), end: utf16ToCodePoint(text, to) };
}

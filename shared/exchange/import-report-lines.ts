/**
 * What placing an annotation file did, as sentences: printed by `threadmark import-annotations`
 * and listed in the app's "Add coder files…" review, so both say the same thing.
 */
import type { AnnotationImportReport } from './annotation-layer';
import { shorten } from './quote-anchor';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const range = (start: number | null, end: number | null): string => (start === null || end === null ? 'no position' : `${start}–${end}`);

export function importReportLines(report: AnnotationImportReport): string[] {
  const lines: string[] = [];
  for (const m of report.moved) lines.push(`moved: ${m.where}: ${range(m.from.start, m.from.end)} → ${range(m.to.start, m.to.end)} in post ${m.postId}, where its quote “${shorten(m.quote)}” is`);
  for (const u of report.unplaced) lines.push(`not placed: ${u.where}: ${u.reason}`);
  if (report.unknownCodes.length > 0) {
    const paths = report.unknownCodes.map((p) => `“${p}”`).join(', ');
    if (report.unknownCodeChoice === 'create') lines.push(`codes added to the codebook: ${paths}`);
    else if (report.unknownCodeChoice === 'skip') lines.push(`left out, not in the codebook: the codings of ${paths}`);
  }
  if (report.duplicates > 0) lines.push(`${plural(report.duplicates, 'span')} given twice by one coder: added once`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return lines;
}

/** What `threadmark import` prints on stdout after a codebook import. */
import type { AppliedChange } from '@shared/codebook/apply-codebook-diff';
import type { LeftDifference } from '@shared/codebook/left-difference';
import type { ImportWarning } from '@shared/import/raw-post';
import type { JournalEntry } from '@shared/project/journal-entry';

import { formatImportProblem } from '../import/import-problem-text';
import type { CodebookFormat } from './codebook-file';

/** Warnings listed; the rest are counted. */
const SHOWN_WARNINGS = 20;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export interface CodebookReadSummary {
  file: string;
  format: CodebookFormat;
  codes: number;
  origin: string | null;
  warnings: readonly ImportWarning[];
}

export function readLine({ file, format, codes, origin, warnings }: CodebookReadSummary): string {
  const from = origin === null ? '' : ` from ${JSON.stringify(origin)}`;
  return `${file}: ${format}${from}, ${plural(codes, 'code')}, ${plural(warnings.length, 'warning')}`;
}

export function newBundleSummary(read: CodebookReadSummary, output: string, project: string): string {
  return lines([readLine(read), `wrote ${output}: new project ${JSON.stringify(project)} with ${plural(read.codes, 'code')}, no threads`, ...warningLines(read.warnings)]);
}

/** `entry`: the journal entry the import wrote, null when it changed nothing. */
export function mergeSummary(read: CodebookReadSummary, into: string, output: string, applied: readonly AppliedChange[], left: readonly LeftDifference[], entry: JournalEntry | null): string {
  const count = (kind: AppliedChange['kind'] | 'changed'): number =>
    applied.filter((a) => (kind === 'changed' ? a.kind === 'edit' || a.kind === 'move' : a.kind === kind)).length;
  const target = into === output ? `wrote ${output}` : `wrote ${output} (from ${into})`;
  return lines([
    readLine(read),
    `${target}: added ${count('add')}, changed ${count('changed')}, removed ${count('delete')}, left ${left.length}${leftReasons(left)}`,
    ...(entry !== null ? [`journal entry ${entry.seq} (${entry.operation}, by ${entry.actorName}): ${entry.summary}`] : []),
    ...warningLines(read.warnings),
  ]);
}

/** " (2 not taken: --take all takes them; 1 refused)", or "" when nothing was left. */
function leftReasons(left: readonly LeftDifference[]): string {
  if (left.length === 0) return '';
  const removals = left.filter((l) => l.group === 'not taken' && l.kind === 'removed').length;
  const others = left.filter((l) => l.group === 'not taken').length - removals;
  const refused = left.filter((l) => l.group === 'refused').length;
  const parts = [
    others > 0 ? `${others} not taken: --take all takes ${others === 1 ? 'it' : 'them'}` : null,
    removals > 0 ? `${plural(removals, 'removal')} not taken: --take all,removed takes ${removals === 1 ? 'it' : 'them'}` : null,
    refused > 0 ? `${refused} refused` : null,
  ].filter((p) => p !== null);
  return ` (${parts.join('; ')}; each is a "left:" line on stderr)`;
}

function warningLines(warnings: readonly ImportWarning[]): string[] {
  if (warnings.length === 0) return [];
  const shown = warnings.slice(0, SHOWN_WARNINGS).map((w) => `  ${formatImportProblem(w)}`);
  const more = warnings.length > SHOWN_WARNINGS ? [`  …and ${warnings.length - SHOWN_WARNINGS} more`] : [];
  return [`${plural(warnings.length, 'warning')}:`, ...shown, ...more];
}

const lines = (list: readonly string[]): string => list.map((l) => `${l}\n`).join('');

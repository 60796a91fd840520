/** What a .qdpx import or coder file did with the file: each thing not taken as it was, named. */
import type { Problem } from '../problem/problem';
import type { PositionConvention } from './position-convention';
import type { SkippedSource } from './qdpx-project';

export interface UnplacedCoding {
  /** The source's name and GUID, and the selection's GUID: enough to find it in the other tool. */
  source: string;
  sourceGuid: string;
  guid: string;
  reason: string;
}

/** A REFI Link that could not become a relation between two posts of one thread. */
export interface UnplacedLink {
  guid: string;
  name: string;
  reason: string;
}

export interface SplitCoding {
  source: string;
  guid: string;
  /** How many posts the one selection was cut into. */
  pieces: number;
}

export interface QdpxReport {
  /** Per text source read: the unit its positions were read in, and the producer's habit when the text overruled it. */
  conventions: Array<{ source: string; convention: PositionConvention; overruled: PositionConvention | null }>;
  /** Selections of the same range, code and coder written more than once (NVivo does): kept once. */
  collapsed: number;
  unplaced: UnplacedCoding[];
  split: SplitCoding[];
  unplacedLinks: UnplacedLink[];
  skippedSources: SkippedSource[];
  warnings: Problem[];
}

export function emptyReport(): QdpxReport {
  return { conventions: [], collapsed: 0, unplaced: [], split: [], unplacedLinks: [], skippedSources: [], warnings: [] };
}

/** The report as lines for the CLI and the dialog: counts first, then each item. */
export function reportLines(report: QdpxReport): string[] {
  const lines: string[] = [];
  for (const c of report.conventions) {
    if (c.overruled !== null) lines.push(`${c.source}: positions read as ${c.convention}, not ${c.overruled} as its producer usually writes: the text fits them better`);
  }
  if (report.collapsed > 0) lines.push(`${report.collapsed} duplicate ${report.collapsed === 1 ? 'selection' : 'selections'} (same range, code and coder) kept once`);
  for (const s of report.split) lines.push(`${s.source}: selection ${s.guid} crosses post boundaries: split into ${s.pieces} codings`);
  for (const u of report.unplaced) lines.push(`${u.source}: coding ${u.guid} not placed: ${u.reason}`);
  for (const l of report.unplacedLinks) lines.push(`link ${l.guid}${l.name ? ` “${l.name}”` : ''} not made a relation: ${l.reason}`);
  for (const s of report.skippedSources) lines.push(`${s.name}: ${s.kind} skipped: ${s.reason}`);
  for (const w of report.warnings) lines.push(`${w.record ? `${w.record}: ` : ''}${w.message}`);
  return lines;
}

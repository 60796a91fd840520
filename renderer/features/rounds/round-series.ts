/**
 * The round summary turned around for the convergence charts: per code, its α in each round
 * (null where the code was not there or α is not defined), codes in the latest round's order.
 */
import type { RoundSummary } from '@shared/project/queries/round-summary';

import type { RoundPoint } from './round-chart-layout';

export interface CodeSeries {
  codeId: string;
  path: string;
  /** One per round, by number. */
  points: RoundPoint[];
  /** The latest round's α, or null. */
  latest: number | null;
  /** Why α is not defined, per round number, where the summary says. */
  reasons: Map<number, string>;
}

export function codeSeries(summaries: readonly RoundSummary[]): { charted: CodeSeries[]; undefinedEverywhere: CodeSeries[] } {
  const rounds = [...summaries].sort((a, b) => a.number - b.number);
  const order: { codeId: string; path: string }[] = [];
  const seen = new Set<string>();
  // The latest round's codes first (the codebook as it is now), then codes only earlier rounds had.
  for (const round of [...rounds].reverse()) {
    for (const c of round.codes) {
      if (seen.has(c.codeId)) continue;
      seen.add(c.codeId);
      order.push({ codeId: c.codeId, path: c.path });
    }
  }

  const series = order.map(({ codeId, path }): CodeSeries => {
    const reasons = new Map<number, string>();
    const points = rounds.map((round): RoundPoint => {
      const entry = round.codes.find((c) => c.codeId === codeId);
      if (entry?.reason) reasons.set(round.number, entry.reason);
      return { number: round.number, label: round.name, value: entry?.alpha ?? null };
    });
    return { codeId, path, points, latest: points.at(-1)?.value ?? null, reasons };
  });
  return {
    charted: series.filter((s) => s.points.some((p) => p.value !== null)),
    undefinedEverywhere: series.filter((s) => s.points.every((p) => p.value === null)),
  };
}

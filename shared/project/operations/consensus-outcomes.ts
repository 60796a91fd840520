/**
 * What a decision puts in the consensus layer for a unit, as spans with the coder codings each
 * comes from: one coder's codings, every coder's, none, or what a majority of the coders did.
 * Pure; consensus.ts validates the adjudicator's input and writes the result.
 */
import type { DecisionOutcome } from '../../model/records';
import { distinctSpans, sourcedSpans, type CodingUnit, type SourcedSpan, type Span } from '../queries/coding-units';

export interface UnitOutcome {
  outcome: DecisionOutcome;
  acceptedCoderIds: string[];
  spans: SourcedSpan[];
}

/** Nothing coded (fresh arrays: a decision record keeps them). */
export const none = (): UnitOutcome => ({ outcome: 'none', acceptedCoderIds: [], spans: [] });

/** One coder's codings (a coder who did not apply the code: the unit stays uncoded, by their judgement). */
export function acceptCoder(unit: CodingUnit, coderId: string): UnitOutcome | null {
  const i = unit.coderIds.indexOf(coderId);
  if (i === -1) return null;
  return { outcome: 'accept', acceptedCoderIds: [coderId], spans: sourcedSpans([unit.codings[i]!]) };
}

/** Every coder's distinct spans; a span several coders share is one coding citing all of theirs. */
export function acceptAll(unit: CodingUnit): UnitOutcome {
  const applied = unit.coderIds.filter((_, i) => unit.codings[i]!.length > 0);
  return { outcome: 'both', acceptedCoderIds: applied, spans: sourcedSpans(unit.codings) };
}

/** The adjudicator's own spans: `adjust` cites the coders' codings it revises, `add` none. */
export function ownSpans(unit: CodingUnit, outcome: 'adjust' | 'add', spans: readonly Span[]): UnitOutcome {
  const sources = outcome === 'adjust' ? unit.codings.flat().map((c) => c.id) : [];
  const distinct = new Map(spans.map((s) => [`${s.start}:${s.end}`, { start: s.start, end: s.end, sourceCodingIds: [...sources] }]));
  return { outcome, acceptedCoderIds: [], spans: [...distinct.values()].sort((a, b) => a.start - b.start || a.end - b.end) };
}

/**
 * The majority rule, for three or more coders: when a strict majority applied the code, the spans
 * a majority share exactly (else the first majority coder's), accepted from the coders who have
 * all of them; when a strict majority did not, none. A tie settles nothing (null).
 */
export function majorityOutcome(unit: CodingUnit): UnitOutcome | null {
  const n = unit.coderIds.length;
  if (n < 3) return null;
  const need = Math.floor(n / 2) + 1;
  const applied = unit.codings.flatMap((list, i) => (list.length > 0 ? [i] : []));
  if (n - applied.length >= need) return none();
  if (applied.length < need) return null;
  const spansOf = unit.codings.map((list) => distinctSpans(list));
  const holders = new Map<string, number>();
  for (const spans of spansOf) for (const s of spans) holders.set(key(s), (holders.get(key(s)) ?? 0) + 1);
  const shared = new Set([...holders].filter(([, count]) => count >= need).map(([k]) => k));
  const chosen = shared.size > 0 ? shared : new Set(spansOf[applied[0]!]!.map(key));
  const spans = sourcedSpans(unit.codings).filter((s) => chosen.has(key(s)));
  const acceptedCoderIds = applied.filter((i) => spans.every((s) => spansOf[i]!.some((own) => key(own) === key(s)))).map((i) => unit.coderIds[i]!);
  return { outcome: 'accept', acceptedCoderIds, spans };
}

const key = (s: Span): string => `${s.start}:${s.end}`;

/**
 * The Adjudication view's pure logic: which key does what, where navigation lands, how far the
 * adjudication has come, and which decideDisagreement input a command makes. No React, no DOM.
 */
import type { Decision, DecisionOutcome } from '@shared/model/records';

import type { DecideInput, Disagreement } from './core-contract';

export type DecisionState = 'undecided' | 'decided' | 'proposed';

/** What the keyboard (or a button) asks the view to do. */
export type Command =
  | { kind: 'accept'; coderIndex: number }
  | { kind: 'both' }
  | { kind: 'none' }
  | { kind: 'adjust' }
  | { kind: 'add' }
  | { kind: 'memo' }
  | { kind: 'move'; by: number }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'next-undecided' }
  | { kind: 'confirm' }
  | { kind: 'cancel' };

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** Coders 1–9 have a key each; a tenth and later are decided with their button. */
export const MAX_CODER_KEYS = 9;
const PAGE = 10;

/**
 * The command a key press means in the Adjudication view, or null (the key is left to the app:
 * Ctrl+Z undo, Ctrl+K the palette…). `coderCount` is the current disagreement's coders: a digit
 * past them means nothing.
 */
export function commandForKey(press: KeyPress, coderCount: number): Command | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  const key = press.key;
  if (/^[1-9]$/.test(key)) {
    const coderIndex = Number(key) - 1;
    return coderIndex < Math.min(coderCount, MAX_CODER_KEYS) ? { kind: 'accept', coderIndex } : null;
  }
  switch (key.length === 1 ? key.toLowerCase() : key) {
    case 'b':
      return { kind: 'both' };
    case 'n':
      return { kind: 'none' };
    case 'a':
      return { kind: 'adjust' };
    case 'd':
      return { kind: 'add' };
    case 'm':
      return { kind: 'memo' };
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', by: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', by: -1 };
    case 'PageDown':
      return { kind: 'move', by: PAGE };
    case 'PageUp':
      return { kind: 'move', by: -PAGE };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'u':
      return { kind: 'next-undecided' };
    case 'Enter':
      return { kind: 'confirm' };
    case 'Escape':
      return { kind: 'cancel' };
    default:
      return null;
  }
}

/** The keys as the legend and aria-keyshortcuts show them. */
export const KEY_LEGEND: ReadonlyArray<{ keys: string; aria: string; label: string }> = [
  { keys: '1–9', aria: '1 2 3 4 5 6 7 8 9', label: 'accept that coder' },
  { keys: 'B', aria: 'B', label: 'both (all coders)' },
  { keys: 'N', aria: 'N', label: 'none: not coded' },
  { keys: 'A', aria: 'A', label: 'adjust span: select, Enter' },
  { keys: 'D', aria: 'D', label: 'add coding: select, Enter' },
  { keys: 'M', aria: 'M', label: 'memo' },
  { keys: 'J K ↓ ↑', aria: 'J K ArrowDown ArrowUp', label: 'next / previous' },
  { keys: 'U', aria: 'U', label: 'next undecided' },
  { keys: 'Enter', aria: 'Enter', label: 'confirm proposal or span' },
  { keys: 'Ctrl+Z', aria: 'Control+Z', label: 'undo a decision' },
];

/** Every key the view answers while the list has focus (its aria-keyshortcuts). */
export const VIEW_KEYSHORTCUTS = KEY_LEGEND.map((entry) => entry.aria).join(' ');

export function decisionState(decision: Decision | null): DecisionState {
  if (!decision) return 'undecided';
  return decision.proposed ? 'proposed' : 'decided';
}

export const STATE_LABEL: Readonly<Record<DecisionState, string>> = {
  undecided: 'undecided',
  decided: 'decided',
  proposed: 'proposed — review',
};

/** Still to be looked at: undecided, or proposed by majority and not yet confirmed. */
export const needsReview = (d: Pick<Disagreement, 'decision'>): boolean => decisionState(d.decision) !== 'decided';

export interface Progress {
  decided: number;
  proposed: number;
  total: number;
}

export function progressOf(rows: ReadonlyArray<Pick<Disagreement, 'decision'>>): Progress {
  let decided = 0;
  let proposed = 0;
  // One pass over up to tens of thousands of rows on every list change: no call per row.
  for (let i = 0; i < rows.length; i++) {
    const decision = rows[i]!.decision;
    if (decision === null) continue;
    if (decision.proposed) proposed += 1;
    else decided += 1;
  }
  return { decided, proposed, total: rows.length };
}

export function progressText({ decided, proposed, total }: Progress): string {
  const base = `${decided} of ${total} decided`;
  return proposed > 0 ? `${base}, ${proposed} proposed` : base;
}

/** The index a move by `by` lands on, kept inside the list; -1 for an empty list. */
export function moveIndex(count: number, current: number, by: number): number {
  if (count === 0) return -1;
  return Math.min(count - 1, Math.max(0, current + by));
}

/** The next row after `current` that needs review, wrapping round; -1 when none does. */
export function nextNeedingReview(rows: ReadonlyArray<Pick<Disagreement, 'decision'>>, current: number): number {
  const count = rows.length;
  for (let step = 1; step <= count; step++) {
    const index = (((current + step) % count) + count) % count;
    const row = rows[index];
    if (row && needsReview(row)) return index;
  }
  return -1;
}

/**
 * Where the current row is after the list changed: the same disagreement if it is still listed,
 * else the row now at its old place (the next one, when a decision hid it from "undecided only").
 */
export function followCurrent(rows: ReadonlyArray<Pick<Disagreement, 'id'>>, currentId: string | null, previousIndex: number): number {
  if (rows.length === 0) return -1;
  if (currentId !== null) {
    const found = rows.findIndex((r) => r.id === currentId);
    if (found >= 0) return found;
  }
  return Math.min(rows.length - 1, Math.max(0, previousIndex));
}

export interface ListFilter {
  roundId: string | null;
  codeId: string | null;
  undecidedOnly: boolean;
}

export const NO_FILTER: ListFilter = { roundId: null, codeId: null, undecidedOnly: false };

/** The rows of one round and code (what progress counts), and those of them listed. */
export function filterRows<D extends Pick<Disagreement, 'roundId' | 'codeId' | 'decision'>>(
  all: readonly D[],
  filter: ListFilter,
): { counted: readonly D[]; listed: readonly D[] } {
  const { roundId, codeId } = filter;
  const counted = roundId === null && codeId === null ? all : all.filter((d) => (roundId === null || d.roundId === roundId) && (codeId === null || d.codeId === codeId));
  return { counted, listed: filter.undecidedOnly ? counted.filter(needsReview) : counted };
}

/** Who applied the code in the post, and who was assigned the post and did not. */
export function appliedSplit(d: Pick<Disagreement, 'coders'>): { applied: string[]; notApplied: string[] } {
  const applied: string[] = [];
  const notApplied: string[] = [];
  for (const coder of d.coders) (coder.codings.length > 0 ? applied : notApplied).push(coder.coderName);
  return { applied, notApplied };
}

export interface Span {
  start: number;
  end: number;
}

/** What a deciding command needs besides the disagreement. */
export interface DecisionExtras {
  memo: string;
  /** The adjudicator's selection in the post (code points), for adjust and add. */
  span: Span | null;
}

export type Decide = { ok: true; input: DecideInput; label: string } | { ok: false; message: string };

/**
 * The decideDisagreement input for a deciding command on `d`, with the words the status line
 * says; or why not. `confirm` on a proposed decision decides it as proposed.
 */
export function decisionFor(command: Command, d: Disagreement, { memo, span }: DecisionExtras): Decide {
  const base = { postId: d.postId, codeId: d.codeId, roundId: d.roundId, memo };
  const make = (outcome: DecisionOutcome, label: string, extra: Partial<DecideInput> = {}): Decide => ({
    ok: true,
    input: { ...base, outcome, ...extra },
    label,
  });
  switch (command.kind) {
    case 'accept': {
      const coder = d.coders[command.coderIndex];
      if (!coder) return { ok: false, message: `There is no coder ${command.coderIndex + 1} on this disagreement.` };
      return make('accept', `accepted ${coder.coderName}’s codings`, { coderId: coder.coderId });
    }
    case 'both':
      return make('both', d.coders.length > 2 ? 'accepted every coder’s spans' : 'accepted both coders’ spans');
    case 'none':
      return make('none', 'decided the code does not apply');
    case 'adjust':
    case 'add':
      if (!span || span.start >= span.end) {
        return { ok: false, message: 'Select the text in the post first, then press Enter (Esc cancels).' };
      }
      return command.kind === 'adjust'
        ? make('adjust', 'adjusted the span', { spans: [span] })
        : make('add', 'added a coding', { spans: [span] });
    case 'confirm': {
      const decision = d.decision;
      if (!decision?.proposed) return { ok: false, message: 'Nothing to confirm: decide with 1–9, B, N, A or D.' };
      if (decision.outcome === 'adjust' || decision.outcome === 'add') {
        return { ok: false, message: 'This proposal sets its own spans: decide it again with A or D.' };
      }
      const label = `confirmed the proposal (${outcomeText(decision, d)})`;
      const memoKept = memo || decision.memo;
      if (decision.outcome !== 'accept') return make(decision.outcome, label, { memo: memoKept });
      // Confirming is deciding again with the proposal's spans: one accepted coder whose spans are
      // exactly the proposal's, else the spans every accepted coder shares, as an adjusted span.
      const accepted = d.coders.filter((c) => decision.acceptedCoderIds.includes(c.coderId));
      const exact = accepted.find((c) => distinctSpans(c.codings).length === decision.consensusCodingIds.length);
      if (exact) return make('accept', label, { memo: memoKept, coderId: exact.coderId });
      const shared = sharedSpans(accepted.map((c) => c.codings));
      if (shared.length === 0) return { ok: false, message: 'This proposal cannot be confirmed as it is: decide it with 1–9, B, N, A or D.' };
      return make('adjust', label, { memo: memoKept, spans: shared });
    }
    default:
      return { ok: false, message: 'Not a decision.' };
  }
}

/** A decision in words, for the list and the detail: "accept Ada", "both", "none"… */
export function outcomeText(decision: Decision, d: Pick<Disagreement, 'coders'>): string {
  const name = (id: string) => d.coders.find((c) => c.coderId === id)?.coderName ?? id;
  switch (decision.outcome) {
    case 'accept':
      return `accept ${decision.acceptedCoderIds.map(name).join(', ') || 'a coder'}`;
    case 'both':
      return decision.acceptedCoderIds.length > 0 ? `both (${decision.acceptedCoderIds.map(name).join(', ')})` : 'both';
    case 'none':
      return 'none';
    case 'adjust':
      return 'adjusted span';
    case 'add':
      return 'added coding';
  }
}

/** A coder's distinct spans, by position. */
export function distinctSpans(codings: readonly Span[]): Span[] {
  const seen = new Map<string, Span>();
  for (const c of codings) seen.set(`${c.start}:${c.end}`, { start: c.start, end: c.end });
  return [...seen.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The spans every one of the lists has (none for no lists). */
export function sharedSpans(lists: ReadonlyArray<readonly Span[]>): Span[] {
  const [first, ...rest] = lists.map(distinctSpans);
  if (!first) return [];
  return first.filter((s) => rest.every((list) => list.some((o) => o.start === s.start && o.end === s.end)));
}

/** Context shown around the disputed spans of a long post, in code points each side. */
export const WINDOW_CONTEXT = 160;

/**
 * The stretch of a post worth showing first: from a little before the first span any coder (or
 * the consensus) has to a little after the last; undefined when that is the whole post.
 */
export function disputedWindow(spans: readonly Span[], length: number, context = WINDOW_CONTEXT): Span | undefined {
  if (spans.length === 0) return undefined;
  const start = Math.max(0, Math.min(...spans.map((s) => s.start)) - context);
  const end = Math.min(length, Math.max(...spans.map((s) => s.end)) + context);
  return start === 0 && end === length ? undefined : { start, end };
}

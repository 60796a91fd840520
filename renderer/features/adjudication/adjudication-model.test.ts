import { describe, expect, it } from 'vitest';

import type { Coding, Decision } from '@shared/model/records';

import {
  appliedSplit,
  commandForKey,
  decisionFor,
  decisionState,
  filterRows,
  followCurrent,
  moveIndex,
  nextNeedingReview,
  outcomeText,
  progressOf,
  progressText,
} from './adjudication-model';
import type { Disagreement } from './core-contract';

const coding = (coderId: string, start: number, end: number): Coding => ({
  id: `${coderId}-${start}`,
  postId: 'p1',
  threadId: 't1',
  codeId: 'c1',
  coderId,
  start,
  end,
  quote: '',
  memo: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});

const decision = (over: Partial<Decision> = {}): Decision => ({
  id: 'p1|c1',
  postId: 'p1',
  codeId: 'c1',
  roundId: 'r1',
  outcome: 'none',
  acceptedCoderIds: [],
  consensusCodingIds: [],
  memo: '',
  decidedBy: 'u-lead',
  decidedAt: '2024-01-02T00:00:00.000Z',
  proposed: false,
  ...over,
});

const disagreement = (id: string, over: Partial<Disagreement> = {}): Disagreement => ({
  id,
  postId: 'p1',
  threadId: 't1',
  codeId: 'c1',
  roundId: 'r1',
  coders: [
    { coderId: 'u-ada', coderName: 'Ada', codings: [coding('u-ada', 0, 5)], otherCodeIds: [] },
    { coderId: 'u-ben', coderName: 'Ben', codings: [], otherCodeIds: ['c2'] },
  ],
  decision: null,
  ...over,
});

const NO_EXTRAS = { memo: '', span: null };

describe('commandForKey', () => {
  it('maps 1–9 to the coders of the disagreement and no further', () => {
    expect(commandForKey({ key: '1' }, 2)).toEqual({ kind: 'accept', coderIndex: 0 });
    expect(commandForKey({ key: '2' }, 2)).toEqual({ kind: 'accept', coderIndex: 1 });
    expect(commandForKey({ key: '3' }, 2)).toBeNull();
    expect(commandForKey({ key: '9' }, 12)).toEqual({ kind: 'accept', coderIndex: 8 });
    expect(commandForKey({ key: '0' }, 12)).toBeNull();
  });

  it('maps the decision letters either case, and the moves', () => {
    expect(commandForKey({ key: 'b' }, 2)).toEqual({ kind: 'both' });
    expect(commandForKey({ key: 'B' }, 2)).toEqual({ kind: 'both' });
    expect(commandForKey({ key: 'n' }, 2)).toEqual({ kind: 'none' });
    expect(commandForKey({ key: 'a' }, 2)).toEqual({ kind: 'adjust' });
    expect(commandForKey({ key: 'd' }, 2)).toEqual({ kind: 'add' });
    expect(commandForKey({ key: 'm' }, 2)).toEqual({ kind: 'memo' });
    expect(commandForKey({ key: 'j' }, 2)).toEqual({ kind: 'move', by: 1 });
    expect(commandForKey({ key: 'ArrowDown' }, 2)).toEqual({ kind: 'move', by: 1 });
    expect(commandForKey({ key: 'K' }, 2)).toEqual({ kind: 'move', by: -1 });
    expect(commandForKey({ key: 'ArrowUp' }, 2)).toEqual({ kind: 'move', by: -1 });
    expect(commandForKey({ key: 'u' }, 2)).toEqual({ kind: 'next-undecided' });
    expect(commandForKey({ key: 'Enter' }, 2)).toEqual({ kind: 'confirm' });
    expect(commandForKey({ key: 'Escape' }, 2)).toEqual({ kind: 'cancel' });
    expect(commandForKey({ key: 'Home' }, 2)).toEqual({ kind: 'first' });
    expect(commandForKey({ key: 'End' }, 2)).toEqual({ kind: 'last' });
  });

  it('leaves chords with Ctrl, Cmd or Alt to the app (Ctrl+Z undo, Ctrl+K the palette)', () => {
    expect(commandForKey({ key: 'z', ctrlKey: true }, 2)).toBeNull();
    expect(commandForKey({ key: '1', metaKey: true }, 2)).toBeNull();
    expect(commandForKey({ key: 'n', altKey: true }, 2)).toBeNull();
    expect(commandForKey({ key: 'x' }, 2)).toBeNull();
  });
});

describe('decisionFor', () => {
  const d = disagreement('p1|c1');

  it('accepts the coder the digit names', () => {
    const decided = decisionFor({ kind: 'accept', coderIndex: 1 }, d, { memo: 'Ben is right', span: null });
    expect(decided).toEqual({
      ok: true,
      label: 'accepted Ben’s codings',
      input: { postId: 'p1', codeId: 'c1', roundId: 'r1', memo: 'Ben is right', outcome: 'accept', coderId: 'u-ben' },
    });
    expect(decisionFor({ kind: 'accept', coderIndex: 5 }, d, NO_EXTRAS).ok).toBe(false);
  });

  it('decides both and none without a coder', () => {
    const both = decisionFor({ kind: 'both' }, d, NO_EXTRAS);
    expect(both.ok && both.input).toEqual({ postId: 'p1', codeId: 'c1', roundId: 'r1', memo: '', outcome: 'both' });
    const none = decisionFor({ kind: 'none' }, d, NO_EXTRAS);
    expect(none.ok && none.input.outcome).toBe('none');
  });

  it('needs a selected span to adjust or add', () => {
    expect(decisionFor({ kind: 'adjust' }, d, NO_EXTRAS)).toEqual({ ok: false, message: expect.stringContaining('Select the text') });
    const adjusted = decisionFor({ kind: 'adjust' }, d, { memo: '', span: { start: 2, end: 4 } });
    expect(adjusted.ok && adjusted.input).toMatchObject({ outcome: 'adjust', spans: [{ start: 2, end: 4 }] });
    const added = decisionFor({ kind: 'add' }, d, { memo: '', span: { start: 0, end: 1 } });
    expect(added.ok && added.input).toMatchObject({ outcome: 'add', spans: [{ start: 0, end: 1 }] });
  });

  it('confirms a proposed decision as proposed, keeping its memo unless a new one is written', () => {
    const proposed = disagreement('p1|c1', { decision: decision({ outcome: 'accept', acceptedCoderIds: ['u-ada'], consensusCodingIds: ['k1'], proposed: true, memo: 'majority' }) });
    const confirmed = decisionFor({ kind: 'confirm' }, proposed, NO_EXTRAS);
    expect(confirmed.ok && confirmed.input).toEqual({ postId: 'p1', codeId: 'c1', roundId: 'r1', memo: 'majority', outcome: 'accept', coderId: 'u-ada' });
    const rewritten = decisionFor({ kind: 'confirm' }, proposed, { memo: 'checked', span: null });
    expect(rewritten.ok && rewritten.input.memo).toBe('checked');
    expect(decisionFor({ kind: 'confirm' }, d, NO_EXTRAS).ok).toBe(false);
    const none = decisionFor({ kind: 'confirm' }, disagreement('x', { decision: decision({ proposed: true }) }), NO_EXTRAS);
    expect(none.ok && none.input).toEqual({ postId: 'p1', codeId: 'c1', roundId: 'r1', memo: '', outcome: 'none' });
    expect(decisionFor({ kind: 'confirm' }, disagreement('x', { decision: decision({ outcome: 'none' }) }), NO_EXTRAS).ok).toBe(false);
  });

  it('confirms a majority proposal whose spans no single coder has exactly as the spans the majority shares', () => {
    const three = disagreement('p1|c1', {
      coders: [
        { coderId: 'u-ada', coderName: 'Ada', codings: [coding('u-ada', 0, 5), coding('u-ada', 8, 9)], otherCodeIds: [] },
        { coderId: 'u-ben', coderName: 'Ben', codings: [coding('u-ben', 0, 5), coding('u-ben', 12, 14)], otherCodeIds: [] },
        { coderId: 'u-cy', coderName: 'Cy', codings: [], otherCodeIds: [] },
      ],
      decision: decision({ outcome: 'accept', acceptedCoderIds: ['u-ada', 'u-ben'], consensusCodingIds: ['k1'], proposed: true }),
    });
    const confirmed = decisionFor({ kind: 'confirm' }, three, NO_EXTRAS);
    expect(confirmed.ok && confirmed.input).toMatchObject({ outcome: 'adjust', spans: [{ start: 0, end: 5 }] });
  });
});

describe('navigation', () => {
  it('moves inside the list', () => {
    expect(moveIndex(0, 0, 1)).toBe(-1);
    expect(moveIndex(5, 0, -1)).toBe(0);
    expect(moveIndex(5, 3, 1)).toBe(4);
    expect(moveIndex(5, 4, 1)).toBe(4);
    expect(moveIndex(50, 3, 10)).toBe(13);
  });

  it('finds the next row to review, wrapping round and skipping decided ones', () => {
    const rows = [
      disagreement('a', { decision: decision() }),
      disagreement('b'),
      disagreement('c', { decision: decision() }),
      disagreement('d', { decision: decision({ proposed: true }) }),
    ];
    expect(nextNeedingReview(rows, 0)).toBe(1);
    expect(nextNeedingReview(rows, 1)).toBe(3);
    expect(nextNeedingReview(rows, 3)).toBe(1);
    expect(nextNeedingReview([disagreement('a', { decision: decision() })], 0)).toBe(-1);
    expect(nextNeedingReview([], 0)).toBe(-1);
  });

  it('keeps the current disagreement when the list changes, else its place', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(followCurrent(rows, 'c', 0)).toBe(2);
    expect(followCurrent(rows, 'gone', 1)).toBe(1);
    expect(followCurrent(rows, 'gone', 7)).toBe(2);
    expect(followCurrent(rows, null, 0)).toBe(0);
    expect(followCurrent([], 'a', 0)).toBe(-1);
  });
});

describe('progress and filters', () => {
  const rows = [
    disagreement('a', { decision: decision() }),
    disagreement('b', { codeId: 'c2' }),
    disagreement('c', { decision: decision({ proposed: true }), roundId: 'r2' }),
    disagreement('d', { decision: decision(), roundId: 'r2' }),
  ];

  it('counts decided and proposed rows apart', () => {
    expect(progressOf(rows)).toEqual({ decided: 2, proposed: 1, total: 4 });
    expect(progressText(progressOf(rows))).toBe('2 of 4 decided, 1 proposed');
    expect(progressText(progressOf([]))).toBe('0 of 0 decided');
  });

  it('filters by round and code; "undecided only" lists what needs review but progress counts all', () => {
    expect(filterRows(rows, { roundId: 'r2', codeId: null, undecidedOnly: false }).listed.map((r) => r.id)).toEqual(['c', 'd']);
    expect(filterRows(rows, { roundId: null, codeId: 'c2', undecidedOnly: false }).listed.map((r) => r.id)).toEqual(['b']);
    const undecided = filterRows(rows, { roundId: null, codeId: null, undecidedOnly: true });
    expect(undecided.listed.map((r) => r.id)).toEqual(['b', 'c']);
    expect(undecided.counted).toHaveLength(4);
  });

  it('names the state and who applied the code', () => {
    expect(decisionState(null)).toBe('undecided');
    expect(decisionState(decision())).toBe('decided');
    expect(decisionState(decision({ proposed: true }))).toBe('proposed');
    expect(appliedSplit(rows[0]!)).toEqual({ applied: ['Ada'], notApplied: ['Ben'] });
    expect(outcomeText(decision({ outcome: 'accept', acceptedCoderIds: ['u-ben'] }), rows[0]!)).toBe('accept Ben');
  });
});

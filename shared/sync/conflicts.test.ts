import { describe, expect, it } from 'vitest';

import type { Memo } from '../model/records';
import { conflictItem, conflictLines, resolveConflict } from './conflicts';
import { recordDoc, type RecordDoc } from './doc-mapping';

const layer = { kind: 'layer', user: 'ada' } as const;
const memo = (text: string, updatedAt: string): Memo => ({ id: 'm-1', target: { kind: 'post', id: 'p-1' }, coderId: 'coder-ada', text, createdAt: '2026-01-01T00:00:00Z', updatedAt });
const version = (text: string, rev: string, conflicts?: string[]): RecordDoc => ({ ...recordDoc('memos', memo(text, `2026-02-0${rev[0]}T00:00:00Z`), layer), _rev: rev, ...(conflicts ? { _conflicts: conflicts } : {}) });

describe('a conflict between two machines', () => {
  const winner = version('irony, on the laptop', '2-bbb', ['2-aaa']);
  const loser = version('sarcasm, on the desktop', '2-aaa');

  it('names the record and says which fields differ, in words (times left out)', () => {
    const item = conflictItem(layer, winner, [loser])!;
    expect(item.label).toBe('memo m-1');
    expect(item.losers[0]!.differences.map((d) => d.field)).toEqual(['text']);
    expect(conflictLines(item)).toEqual(['memo m-1: text: “irony, on the laptop” vs “sarcasm, on the desktop”']);
    expect(conflictItem(layer, version('x', '1-a'), [])).toBeNull();
  });

  it('keeping the loser puts its content on the winning revision and deletes the losing one', () => {
    const item = conflictItem(layer, winner, [loser])!;
    const kept = resolveConflict(item, { keep: 'loser', rev: '2-aaa' });
    expect(kept.put).toMatchObject({ _id: 'memos:m-1', _rev: '2-bbb', record: { text: 'sarcasm, on the desktop' } });
    expect(kept.put).not.toHaveProperty('_conflicts');
    expect(kept.deletes).toEqual([{ _id: 'memos:m-1', _rev: '2-aaa', _deleted: true }]);
    expect(resolveConflict(item, { keep: 'winner' })).toEqual({ put: null, deletes: kept.deletes });
  });

  it('a merged record replaces both', () => {
    const item = conflictItem(layer, winner, [loser])!;
    const merged = { ...memo('irony and sarcasm', '2026-03-01T00:00:00Z') };
    expect(resolveConflict(item, { merged }).put).toMatchObject({ _rev: '2-bbb', record: { text: 'irony and sarcasm' } });
  });
});

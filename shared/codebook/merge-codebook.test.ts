import { describe, expect, it } from 'vitest';

import { code, countingIds } from './codebook-fixtures.test-helpers';
import { formatLeft } from './left-difference';
import { mergeCodebook } from './merge-codebook';
import { parseTake } from './take-option';

const take = (value?: string) => {
  const parsed = parseTake(value);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
};

describe('mergeCodebook', () => {
  const current = [code('a', 'Anger', null, { shortcut: 'a' }), code('b', 'Blame', null, { order: 1 })];

  it('takes nothing away when the file has no codes at all, even with removals taken', () => {
    const merged = mergeCodebook({ current, codingCounts: new Map(), incoming: [], take: take('all,removed'), file: 'blank.qdpx', ids: countingIds() });
    expect(merged.ok && merged.value.codes).toEqual(current);
    expect(merged.ok && merged.value.left.map(formatLeft)).toEqual([
      'left: Anger: not in blank.qdpx: not taken: the file has no codes at all, so it removes nothing',
      'left: Blame: not in blank.qdpx: not taken: the file has no codes at all, so it removes nothing',
    ]);
  });

  it('reports a taken change that could not be applied as left, with the reason', () => {
    const incoming = [code('a', 'Anger', null, { shortcut: 'a' }), code('b', 'Blame', null, { order: 1, shortcut: 'a' })];
    const merged = mergeCodebook({ current, codingCounts: new Map(), incoming, take: take('all'), file: 'x.qdc', ids: countingIds() });
    if (!merged.ok) throw new Error(merged.error.join('\n'));
    expect(merged.value.applied).toEqual([]);
    expect(merged.value.left.map(formatLeft)).toEqual(['left: Blame: its shortcut differs (none here, a there) in x.qdc: could not be taken: shortcut “a” stays with “Anger”']);
  });

  it('takes only the kinds named', () => {
    const incoming = [code('a', 'Rage', null, { shortcut: 'a', definition: 'Hot.' }), code('b', 'Blame', null, { order: 1 })];
    const merged = mergeCodebook({ current, codingCounts: new Map(), incoming, take: take('renamed'), file: 'x.qdc', ids: countingIds() });
    if (!merged.ok) throw new Error(merged.error.join('\n'));
    expect(merged.value.codes[0]).toMatchObject({ name: 'Rage', definition: '' });
    expect(merged.value.applied.map((a) => a.summary)).toEqual(['Renamed “Anger” to “Rage”']);
    expect(merged.value.left.map(formatLeft)).toEqual(['left: Anger: its definition differs in x.qdc: not taken (--take all takes it)']);
  });
});

describe('parseTake', () => {
  it.each([
    [undefined, ['added']],
    ['all', ['added', 'renamed', 'moved', 'changed']],
    ['all,removed', ['added', 'renamed', 'moved', 'changed', 'removed']],
    ['renamed, moved', ['renamed', 'moved']],
  ])('%s → %j', (value, kinds) => {
    expect([...take(value)]).toEqual(kinds);
  });

  it('names an unknown kind', () => {
    expect(parseTake('all,deleted')).toEqual({ ok: false, error: '--take: unknown kind "deleted" (one of: all, added, renamed, moved, changed, removed; e.g. --take all,removed)' });
  });
});

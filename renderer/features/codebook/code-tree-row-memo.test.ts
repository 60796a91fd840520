import { describe, expect, it } from 'vitest';

import type { Code } from '@shared/model/records';

import { sameRowProps } from './CodeTreeRow';
import type { TreeRow } from './code-tree-rows';

const code = { id: 'c1', name: 'Evidence', codable: true, retired: false } as unknown as Code;
const row = { code, level: 1, posInSet: 1, setSize: 1, hasChildren: false, expanded: false, matches: true } as unknown as TreeRow;
const noop = () => {};
const base = {
  row,
  count: 3,
  tally: { total: 3, byCoder: [{ coderId: 'a', name: 'Ada', count: 3 }] },
  tabStop: false,
  menuOpen: false,
  drop: null,
  onActivate: noop,
  onToggle: noop,
  onOpenMenu: noop,
  onDragStart: noop,
  onDragOver: noop,
  onDrop: noop,
  onDragEnd: noop,
};

describe('sameRowProps (a code row renders again only when what it shows changed)', () => {
  it('skips a row whose tally was recomputed with the same figures', () => {
    expect(sameRowProps(base, { ...base, tally: { total: 3, byCoder: [{ coderId: 'a', name: 'Ada', count: 3 }] } })).toBe(true);
  });

  it('renders a row whose count, tally share, focus or handler changed', () => {
    expect(sameRowProps(base, { ...base, count: 4 })).toBe(false);
    expect(sameRowProps(base, { ...base, tally: { total: 3, byCoder: [{ coderId: 'a', name: 'Ada', count: 2 }, { coderId: 'b', name: 'Ben', count: 1 }] } })).toBe(false);
    expect(sameRowProps(base, { ...base, tally: { total: 3, byCoder: [{ coderId: 'b', name: 'Ben', count: 3 }] } })).toBe(false);
    expect(sameRowProps(base, { ...base, tally: undefined })).toBe(false);
    expect(sameRowProps(base, { ...base, tabStop: true })).toBe(false);
    expect(sameRowProps(base, { ...base, onActivate: () => {} })).toBe(false);
    expect(sameRowProps(base, { ...base, onlyMine: true })).toBe(false);
  });
});

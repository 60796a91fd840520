import { describe, expect, it } from 'vitest';

import { railItems } from './rail-items';

describe('railItems', () => {
  it('shows a short chain whole, the opening post first', () => {
    expect(railItems(['op', 'a', 'b'], 3)).toEqual({ opening: 'op', hidden: 0, near: ['a', 'b'] });
    expect(railItems(['op'], 3)).toEqual({ opening: 'op', hidden: 0, near: [] });
  });

  it('cuts a deep chain between the opening post and the nearest parents, counting what it leaves out', () => {
    const chain = ['op', ...Array.from({ length: 9 }, (_, i) => `p${i + 1}`)];
    expect(railItems(chain, 3)).toEqual({ opening: 'op', hidden: 6, near: ['p7', 'p8', 'p9'] });
    expect(railItems(chain, 0)).toEqual({ opening: 'op', hidden: 9, near: [] });
    expect(railItems(chain, 20)).toEqual({ opening: 'op', hidden: 0, near: chain.slice(1) });
  });

  it('is empty for a post that answers nothing', () => {
    expect(railItems([], 3)).toEqual({ opening: null, hidden: 0, near: [] });
  });
});

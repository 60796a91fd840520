import { describe, expect, it } from 'vitest';

import { EMPTY_DRAFT, requestOf } from './search-draft';

describe('requestOf', () => {
  it('leaves empty fields out of the filters', () => {
    expect(requestOf({ ...EMPTY_DRAFT, query: 'cafe' }, 10)).toEqual({ query: 'cafe', regex: false, caseSensitive: false, ignoreDiacritics: true, filters: {}, limit: 10 });
  });

  it('turns each field into its filter; the to date takes its whole day', () => {
    const request = requestOf({ ...EMPTY_DRAFT, query: 'x', threadId: 't-1', platform: 'reddit', author: ' ana ', from: '2025-01-01', to: '2025-01-31', coded: 'uncoded', codeId: 'c-1', coderId: '' }, 5);
    expect(request.filters).toEqual({ threadIds: ['t-1'], platforms: ['reddit'], authors: ['ana'], from: '2025-01-01', to: '2025-01-31T23:59:59.999Z', coded: { mode: 'uncoded', codeId: 'c-1' } });
  });
});

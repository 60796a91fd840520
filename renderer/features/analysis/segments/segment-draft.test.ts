import { describe, expect, it } from 'vitest';

import type { SegmentQuery } from '@shared/analysis/segments/segment-query';

import { draftToQuery, emptyDraft, queryToDraft } from './segment-draft';

describe('the Segments form’s draft', () => {
  it('becomes a query with only the filters that are set', () => {
    expect(draftToQuery(emptyDraft('c-a'))).toEqual({ ok: true, value: { codeId: 'c-a', includeSubcodes: true } });
    const d = { ...emptyDraft('c-a'), combineKind: 'near' as const, otherCodeId: 'c-b', within: ' 7 ', coderId: 'coder-ada', author: ' bo ', month: '2025-02' };
    expect(draftToQuery(d)).toEqual({
      ok: true,
      value: { codeId: 'c-a', includeSubcodes: true, combine: { kind: 'near', codeId: 'c-b', includeSubcodes: false, within: 7 }, coderIds: ['coder-ada'], authors: ['bo'], month: '2025-02' },
    });
  });

  it('names what to fix: no code, no second code, characters that are not a number', () => {
    expect(draftToQuery(emptyDraft())).toEqual({ ok: false, error: { field: 'codeId', message: 'Choose a code.' } });
    expect(draftToQuery({ ...emptyDraft('c-a'), combineKind: 'overlap' })).toEqual({ ok: false, error: { field: 'otherCodeId', message: 'Choose the second code.' } });
    expect(draftToQuery({ ...emptyDraft('c-a'), combineKind: 'near', otherCodeId: 'c-b', within: '-3' })).toMatchObject({ ok: false, error: { field: 'within' } });
  });

  it('shows a matrix cell’s query and turns back into the same query', () => {
    const queries: SegmentQuery[] = [
      { codeId: 'c-a', includeSubcodes: false, platforms: ['reddit'], month: '2025-03' },
      { codeId: 'c-a', includeSubcodes: true, combine: { kind: 'not', codeId: 'c-b', includeSubcodes: true }, threadIds: ['t-1'], from: '2025-01-01', to: '2025-02-01' },
      { codeId: 'c-a', includeSubcodes: true, combine: { kind: 'near', codeId: 'c-b', includeSubcodes: false, within: 0 }, coderIds: ['coder-ben'], authors: ['ana'] },
    ];
    for (const q of queries) expect(draftToQuery(queryToDraft(q))).toEqual({ ok: true, value: q });
  });
});

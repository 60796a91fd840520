import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { attributeTables } from '@shared/analysis/attributes/attributes-of';

import { draftToQuery, emptyDraft, queryToDraft } from './segment-draft';
import { SegmentQueryForm } from './SegmentQueryForm';

describe('the Segments form’s attribute condition', () => {
  it('becomes an attribute condition: a|b for either, (none) for no value', () => {
    const d = { ...emptyDraft('c-a'), attribute: 'author:Stance', attributeValue: ' pro | (None) ' };
    expect(draftToQuery(d)).toEqual({ ok: true, value: { codeId: 'c-a', includeSubcodes: true, attributes: [{ scope: 'author', name: 'Stance', values: ['pro', ''] }] } });
    const t = { ...emptyDraft('c-a'), attribute: 'thread:sub:reddit', attributeValue: 'x' };
    expect(draftToQuery(t)).toMatchObject({ ok: true, value: { attributes: [{ scope: 'thread', name: 'sub:reddit', values: ['x'] }] } });
  });

  it('asks for a value once an attribute is chosen', () => {
    expect(draftToQuery({ ...emptyDraft('c-a'), attribute: 'author:Stance', attributeValue: ' ' })).toMatchObject({ ok: false, error: { field: 'attributeValue' } });
  });

  it('shows a matrix cell’s attribute condition in the form and gives the same query back', () => {
    const query = { codeId: 'c-a', includeSubcodes: false, attributes: [{ scope: 'thread' as const, name: 'Size', values: ['10', ''] }] };
    const draft = queryToDraft(query);
    expect(draft).toMatchObject({ attribute: 'thread:Size', attributeValue: '10|(none)' });
    expect(draftToQuery(draft)).toEqual({ ok: true, value: query });
  });

  it('offers the authors’ and threads’ attributes by scope', () => {
    const attributes = attributeTables([], [], [{ id: 'a1', scope: 'author', name: 'Stance', type: 'text', createdAt: '2025-01-01T00:00:00Z' }], []);
    const html = renderToStaticMarkup(
      <SegmentQueryForm choices={{ codes: [], coders: [], threads: [], attributes }} draft={{ ...emptyDraft(), attribute: 'author:Stance' }} onChange={() => {}} onSubmit={() => {}} error={null} busy={false} />,
    );
    expect(html).toContain('<optgroup label="Author attributes"><option value="author:Stance" selected="">Author: Stance</option></optgroup>');
    expect(html).toContain('Attribute value');
  });
});

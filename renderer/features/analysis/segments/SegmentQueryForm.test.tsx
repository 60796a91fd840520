import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { CODES } from '@shared/analysis/segments/segments-fixture.test-helpers';

import { emptyDraft } from './segment-draft';
import { SegmentQueryForm } from './SegmentQueryForm';

const choices = { codes: CODES, coders: [{ id: 'coder-ada', name: 'Ada' }], threads: [] };
const render = (draft = emptyDraft('c-adhom'), error: Parameters<typeof SegmentQueryForm>[0]['error'] = null) =>
  renderToStaticMarkup(<SegmentQueryForm choices={choices} draft={draft} onChange={() => {}} onSubmit={() => {}} error={error} busy={false} />);

describe('SegmentQueryForm', () => {
  it('offers the codes as a tree, sub-codes indented under their parent, categories named so', () => {
    const html = render();
    const options = [...html.matchAll(/<option value="(c-[a-z]+)"[^>]*>([^<]*)<\/option>/g)].slice(0, CODES.length).map((m) => [m[1], m[2]]);
    expect(options).toEqual([
      ['c-fallacy', 'Fallacy (category)'],
      ['c-adhom', '\u00a0\u00a0Ad hominem'],
      ['c-tuq', '\u00a0\u00a0\u00a0\u00a0Tu quoque'],
      ['c-straw', '\u00a0\u00a0Strawman'],
      ['c-derail', 'Derailing'],
      ['c-irony', 'Irony'],
    ]);
    expect(html).toContain('<option value="c-adhom" selected="">');
  });

  it('asks for the second code and, for "near", the characters only when a combination is chosen', () => {
    expect(render()).not.toContain('Second code');
    const near = render({ ...emptyDraft('c-adhom'), combineKind: 'near' });
    expect(near).toContain('Second code');
    expect(near).toContain('Characters');
    expect(render({ ...emptyDraft('c-adhom'), combineKind: 'not' })).not.toContain('Characters');
  });

  it('ties a problem to its field', () => {
    const html = render({ ...emptyDraft('c-adhom'), combineKind: 'overlap' }, { field: 'otherCodeId', message: 'Choose the second code.' });
    const id = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeDefined();
    expect(html).toContain(`id="${id}" role="alert">Choose the second code.</span>`);
    expect(html).toContain('aria-invalid="true"');
  });
});

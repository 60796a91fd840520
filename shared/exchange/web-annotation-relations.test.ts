import { describe, expect, it } from 'vitest';

import { parseBundleText } from '../bundle/validate';
import { MemoryProjectStore } from '../project/memory-store';
import { counterIds, steppingClock } from '../project/testing/core-fixtures.test-helpers';
import { runRelationsScript } from '../project/testing/relations-script.test-helpers';
import { readWebAnnotation, writeWebAnnotation } from './web-annotation';

interface Anno {
  id: string;
  motivation?: string;
  body: Array<{ purpose: string; value: string }>;
  target: unknown;
}

describe('relations as W3C Web Annotations', () => {
  it('writes one linking annotation per relation with two targets, source first; a span end has its quote and code-point positions', async () => {
    const parsed = parseBundleText(await runRelationsScript(new MemoryProjectStore(), { clock: steppingClock(), ids: counterIds() }));
    if (!parsed.ok) throw new Error('valid');
    const bundle = parsed.value;
    const text = writeWebAnnotation(bundle);
    const json = JSON.parse(text) as { total: number; first: { items: Anno[] } };
    const links = json.first.items.filter((a) => a.motivation === 'linking');
    expect(links).toHaveLength(bundle.relations!.length);
    expect(json.total).toBe(bundle.codings.length + bundle.relations!.length);
    for (const link of links) expect(Array.isArray(link.target) && link.target.length).toBe(2);
    const memo = links.find((l) => l.body.some((b) => b.purpose === 'commenting'))!;
    expect(memo.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', id: expect.stringMatching(/^urn:threadmark:relation-code:/), value: 'deflects to' },
      { type: 'TextualBody', purpose: 'commenting', value: 'the family as a shield', format: 'text/plain' },
    ]);
    expect(memo.target).toEqual([
      { type: 'SpecificResource', source: 'urn:threadmark:post:p-2', selector: [expect.objectContaining({ type: 'TextQuoteSelector', exact: '👩‍👩‍👧' }), { type: 'TextPositionSelector', start: 11, end: 16 }] },
      'urn:threadmark:post:p-1',
    ]);

    // Read back as a coder file: relations are no codings, and the reader says it left them out.
    const read = readWebAnnotation(text, 'r.jsonld');
    if (!read.ok) throw new Error(read.error.map((p) => p.message).join('\n'));
    expect(read.value.annotations).toHaveLength(bundle.codings.length);
    expect(read.value.notes.filter((n) => n.includes('a relation between posts'))).toHaveLength(links.length);
  });
});

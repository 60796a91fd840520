import { describe, expect, it } from 'vitest';

import { relationAgreement } from '@shared/agreement/units/relation-unit';
import { parseBundleText } from '@shared/bundle/validate';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { relationInputOfBundles } from '@shared/project/queries/relation-agreement-input';
import { counterIds, steppingClock } from '@shared/project/testing/core-fixtures.test-helpers';
import { runRelationsScript } from '@shared/project/testing/relations-script.test-helpers';
import { ANALYSIS_EXPORTS } from '@shared/export/analysis-exports';
import { RELATIONS_HEADER } from '@shared/export/relations-table';

import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const bundleText = () => runRelationsScript(new MemoryProjectStore(), { clock: steppingClock(), ids: counterIds() });

describe('threadmark and relations', () => {
  it('agree --unit relation prints the shared computation as JSON, and a text report per relation code', async () => {
    const text = await bundleText();
    const parsed = parseBundleText(text);
    if (!parsed.ok) throw new Error('valid');
    const m = memoryIo({ 'p.json': text });
    expect(await run(['agree', 'p.json', '--unit', 'relation', '--json'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout())).toEqual(relationAgreement(relationInputOfBundles([parsed.value])));

    const t = memoryIo({ 'p.json': text });
    expect(await run(['agree', 'p.json', '--unit', 'relation', '--coders', 'ben,ada'], t.io)).toBe(0);
    expect(t.stdout().split('\n').slice(0, 2)).toEqual(['unit: relation (an ordered pair of posts; value: the relation code or none)', 'coders: Ben, Ada']);
    expect(t.stdout()).toMatch(/^answers: 3 units, alpha_nominal .*, F1 0\.500, relations 2 \/ 2$/m);

    const bad = memoryIo({ 'p.json': text });
    expect(await run(['agree', 'p.json', '--unit', 'relation', '--coders', 'Ada,Zoe'], bad.io)).toBe(1);
    expect(bad.stderr()).toBe('threadmark: no coder “Zoe” (coders: Ada, Ben)\n');
  });

  it('export --to relations-csv writes the shared relations table’s CSV', async () => {
    const text = await bundleText();
    const parsed = parseBundleText(text);
    if (!parsed.ok) throw new Error('valid');
    const m = memoryIo({ 'p.json': text });
    expect(await run(['export', 'p.json', '--identified', '--to', 'relations-csv', '-o', 'r.csv'], m.io)).toBe(0);
    expect(m.stdout()).toBe('wrote 7 relations to r.csv\n');
    const built = await ANALYSIS_EXPORTS['relations-csv'].build(parsed.value);
    expect(built.ok && m.bytes.get('r.csv')).toEqual(built.ok && built.value.bytes);
    expect(new TextDecoder().decode(m.bytes.get('r.csv')).split('\r\n')[0]).toBe(RELATIONS_HEADER.join(','));
  });
});

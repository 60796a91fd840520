import { describe, expect, it } from 'vitest';

import { storeWithAttributes } from '@shared/analysis/tables/attribute-columns.test-helpers';
import { codeTable } from '@shared/analysis/tables/code-table';
import { randomTableProject } from '@shared/analysis/tables/random-project.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import { bundleFromStore } from '@shared/project/bundle-store';

import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const FILE = 'attributes.threadmark.json';

async function attributesIo(seed: number) {
  const store = storeWithAttributes(randomTableProject(seed));
  const bundle = await bundleFromStore(store, { exportedAt: '2025-06-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } });
  if (!bundle.ok) throw new Error(bundle.error.message);
  return { store, m: memoryIo({ [FILE]: serializeBundle(bundle.value) }) };
}

describe('threadmark table --cols attribute:SCOPE.NAME', () => {
  it('--json prints the core’s table with a column per attribute value', async () => {
    const { store, m } = await attributesIo(2);
    expect(await run(['table', FILE, '--rows', 'code', '--cols', 'attribute:author.Stance', '--count', 'posts', '--json'], m.io)).toBe(0);
    expect(m.stderr()).toBe('');
    const expected = await store.read((r) => codeTable(r, { cols: 'author-attribute:Stance', count: 'posts' }));
    const printed = JSON.parse(m.stdout());
    expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(printed.columns.map((c: { label: string }) => c.label)).toEqual(['contra', 'Pro', '(none)']);
  });

  it('prints the text table headed by the attribute', async () => {
    const { m } = await attributesIo(2);
    expect(await run(['table', FILE, '--cols', 'attribute:thread.Size'], m.io)).toBe(0);
    const lines = m.stdout().split('\n');
    expect(lines[0]).toBe('Codings per code × thread attribute size (all coders)');
    expect(lines[2]).toMatch(/^code {2,}2 {2,}10 {2}\(none\) {2}total$/);
  });

  it('names the attributes there are when asked for one nobody has', async () => {
    const { m } = await attributesIo(1);
    expect(await run(['table', FILE, '--cols', 'attribute:author.Mood'], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/--cols: authors have no attribute “Mood” \(they have: .*Stance\)/);
    expect(m.stdout()).toBe('');
  });
});

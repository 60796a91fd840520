import { describe, expect, it } from 'vitest';

import type { Bundle } from '../../bundle/bundle';
import { exampleBundle } from '../../bundle/fixtures.test-helpers';
import { pseudonymiseBundle } from '../../privacy/pseudonymise-bundle';
import { NORA, NORA_EXPECTED, NORA_FILE, noraCodedExport } from '../../refi/nvivo-coded-export.test-helpers';
import { sliceCodePoints } from '../../text/offsets';
import { storeFromBundle } from '../bundle-store';
import { MemoryProjectStore } from '../memory-store';
import { qdpxCoderFile } from './qdpx-coder-file';

const HEAD = { at: '2026-01-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

const noraOf = (bundle: Bundle) => {
  const nora = bundle.coders.find((c) => c.name === NORA);
  return bundle.codings.filter((c) => c.coderId === nora?.id);
};

describe('qdpxCoderFile: a .qdpx coded elsewhere as coder layers', () => {
  it('carries codings of a pseudonymised export back to the project’s own texts, and says so', async () => {
    const project = exampleBundle();
    project.project = { ...project.project, pseudonymSecret: '0123456789abcdef'.repeat(2) };
    const exported = pseudonymiseBundle(project, project.project.pseudonymSecret!).bundle;
    // The export's headers name aliases: its thread texts are not the project's.
    expect(exported.posts.map((p) => p.author)).not.toEqual(project.posts.map((p) => p.author));
    const { qdpx } = await noraCodedExport(project, exported);

    const layer = await qdpxCoderFile(storeFromBundle(project), qdpx, NORA_FILE, HEAD);
    if (!layer.ok) throw new Error(layer.error.join());
    expect(layer.value.notes[0]).toMatch(/^Matched the pseudonymised export/);
    const text = new Map(project.posts.map((p) => [p.id, p.text]));
    const hers = noraOf(layer.value.bundle);
    expect(hers.map((c) => [c.postId, c.quote]).sort()).toEqual([...NORA_EXPECTED].sort());
    for (const c of hers) expect(sliceCodePoints(text.get(c.postId)!, c.start, c.end)).toBe(c.quote);

    // Without the project's secret the same file places nothing of Nora's: the fallback is what placed them.
    const noSecret = { ...project, project: { ...project.project, pseudonymSecret: undefined } };
    const plain = await qdpxCoderFile(storeFromBundle(noSecret as Bundle), qdpx, NORA_FILE, HEAD);
    if (!plain.ok) throw new Error(plain.error.join());
    expect(noraOf(plain.value.bundle)).toEqual([]);
  });

  it('refuses bytes that are no .qdpx and an empty project, with a message', async () => {
    const bad = await qdpxCoderFile(storeFromBundle(exampleBundle()), new Uint8Array([80, 75, 0, 0]), 'bad.qdpx', HEAD);
    expect(bad.ok ? [] : bad.error).not.toEqual([]);
    const { qdpx } = await noraCodedExport();
    const empty = await qdpxCoderFile(new MemoryProjectStore(), qdpx, NORA_FILE, HEAD);
    expect(empty).toEqual({ ok: false, error: ['The project is empty: import its threads first.'] });
  });
});

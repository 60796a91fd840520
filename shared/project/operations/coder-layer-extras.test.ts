import { describe, expect, it } from 'vitest';

import { exampleBundle } from '../../bundle/fixtures.test-helpers';
import { withMemosAttributesRelations } from '../../refi/qdpx.test-helpers';
import { MemoryProjectStore } from '../memory-store';
import { projectBundle } from '../queries/project-bundle';
import { applied, runner } from '../testing/core-fixtures.test-helpers';
import { importBundle } from './bundle-import';
import { addCoderLayer } from './coder-layer';

const HEAD = { exportedAt: '2026-01-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

async function leadProject() {
  const lead = withMemosAttributesRelations(exampleBundle());
  const store = new MemoryProjectStore();
  const run = runner(store);
  applied(await run(importBundle, { bundle: lead, source: 'lead.threadmark.json' }));
  return { lead, store, run };
}

describe('a coder file’s memos and relations in coders.add-layer', () => {
  it('changes an existing coder’s memo only when that coder is ticked for replacement, and never adds a relation twice', async () => {
    const { lead, store, run } = await leadProject();
    const ben = lead.coders.find((c) => c.name.startsWith('Ben'))!.id;
    const file = { ...lead, memos: lead.memos!.map((m) => (m.coderId === ben && m.target.kind === 'post' ? { ...m, text: 'Ben, revised' } : m)) };
    const read = async () => {
      const b = await store.read((r) => projectBundle(r, HEAD));
      if (!b.ok) throw new Error(b.error.message);
      return b.value;
    };
    const before = await read();

    const kept = applied(await run(addCoderLayer, { incoming: file, source: 'ben.json', replace: new Set<string>() }));
    expect(kept.entry).toBeNull();
    expect(await read()).toEqual(before);

    const replaced = applied(await run(addCoderLayer, { incoming: file, source: 'ben.json', replace: new Set([ben]) }));
    expect(replaced.result).toMatchObject({ memos: 1, relations: 0 });
    const after = await read();
    const bensPostMemo = (b: typeof after) => b.memos!.filter((m) => m.coderId === ben && m.target.kind === 'post').map((m) => m.text);
    expect(bensPostMemo(after)).toEqual(['Ben, revised']);
    expect(after.memos!.length).toBe(before.memos!.length);
    expect(after.relations).toEqual(before.relations);
    expect(after.memos!.filter((m) => m.coderId !== ben)).toEqual(before.memos!.filter((m) => m.coderId !== ben));
  });

  it('leaves out a memo on another project and a relation on a post this project lacks, saying so', async () => {
    const { lead, store } = await leadProject();
    const nora = { id: 'u-nora', name: 'Nora' };
    const file = {
      ...lead,
      coders: [...lead.coders, nora],
      codings: [...lead.codings, { ...lead.codings[0]!, id: 'c-nora', coderId: nora.id }],
      memos: [{ id: 'm-1', target: { kind: 'project' as const, id: 'another-project' }, coderId: nora.id, text: 'x', createdAt: HEAD.exportedAt, updatedAt: HEAD.exportedAt }],
      relations: [{ ...lead.relations![0]!, id: 'r-nora', coderId: nora.id, from: { postId: 'p-missing' } }],
      posts: [...lead.posts, { ...lead.posts[0]!, id: 'p-missing', platformId: null, text: 'not here' }],
    };
    const { previewCoderLayer } = await import('./coder-layer');
    const plan = await store.read((r) => previewCoderLayer(r, file, { newId: () => 'n' }));
    expect(plan.extras?.leftOut).toEqual([
      'Nora’s project memo: it is on another project',
      'Nora’s relation “answers”: an end is on a post this project does not have with that text',
    ]);
  });
});

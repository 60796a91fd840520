import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { importQdpx } from '@shared/project/operations/qdpx-import';
import { projectBundle } from '@shared/project/queries/project-bundle';
import { runOperation } from '@shared/project/run-operation';
import type { ProjectStore } from '@shared/project/project-store';
import { prepareQdpxImport } from '@shared/refi/prepare-qdpx-import';
import { withMemosAttributesRelations } from '@shared/refi/qdpx.test-helpers';
import { writeQdpx } from '@shared/refi/write-qdpx';

import { DexieProjectStore } from '../../db/dexie-project-store';
import { freshDb, testClock, testIds } from '../../db/testing/test-support';

const HEAD = { exportedAt: '2026-01-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

async function importInto(store: ProjectStore, bytes: Uint8Array): Promise<string> {
  const prepared = await prepareQdpxImport(bytes, 'p.qdpx', { split: 'paragraph', at: HEAD.exportedAt, app: HEAD.app });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
  const applied = await runOperation(store, importQdpx, { ...prepared.value, source: 'p.qdpx' }, { clock: testClock(), ids: testIds(), actor: { id: 'a', name: 'A' } });
  if (!applied.ok) throw new Error(applied.error.message);
  const bundle = await store.read((r) => projectBundle(r, HEAD));
  if (!bundle.ok) throw new Error(bundle.error.message);
  return serializeBundle(bundle.value);
}

describe('a .qdpx import, in the app and in the CLI', () => {
  it('gives byte-identical projects through Dexie and through the bundle adapter', async () => {
    const written = await writeQdpx(exampleBundle(), { origin: 'Threadmark', positions: 'utf16' });
    if (!written.ok) throw new Error(written.error.join());
    const db = freshDb();
    const viaDexie = await importInto(new DexieProjectStore(db), written.value);
    const viaBundle = await importInto(new MemoryProjectStore(), written.value);
    expect(viaDexie).toBe(viaBundle);
    expect(viaDexie).toContain('qdpx.import');
    await db.delete();
  });

  it('gives byte-identical projects with memos, attributes and relations read back', async () => {
    const written = await writeQdpx(withMemosAttributesRelations(exampleBundle()), { origin: 'Threadmark', positions: 'code-points' });
    if (!written.ok) throw new Error(written.error.join());
    const db = freshDb();
    const viaDexie = await importInto(new DexieProjectStore(db), written.value);
    expect(viaDexie).toBe(await importInto(new MemoryProjectStore(), written.value));
    const back = JSON.parse(viaDexie) as { memos?: unknown[]; attributeValues?: unknown[]; relations?: unknown[] };
    expect([back.memos?.length, back.attributeValues?.length, back.relations?.length]).toEqual([6, 5, 2]);
    await db.delete();
  });
});

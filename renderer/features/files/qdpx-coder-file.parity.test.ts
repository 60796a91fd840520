import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { importBundle } from '@shared/project/operations/bundle-import';
import type { ProjectStore } from '@shared/project/project-store';
import { projectBundle } from '@shared/project/queries/project-bundle';
import { runOperation } from '@shared/project/run-operation';
import { addedThroughCore, NORA, NORA_EXPECTED, NORA_FILE, noraCodedExport } from '@shared/refi/nvivo-coded-export.test-helpers';

import type { Services } from '../../app/services';
import type { ThreadmarkDB } from '../../db/database';
import { DexieProjectStore } from '../../db/dexie-project-store';
import { setCurrentCoderId } from '../../db/repositories/settings-repository';
import { freshDb, testClock, testIds } from '../../db/testing/test-support';
import type { Platform } from '../../platform/platform';
import { addCoderFiles, reviewCoderFiles } from './add-coder-files';

const HEAD = { exportedAt: '2026-01-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };
const ANA = { id: 'u-ana', name: 'Ana' };

const dbs: Array<{ delete(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

/** The project as both stores start: imported by the core's bundle.import, Ana acting. */
async function startWith(store: ProjectStore, project: Bundle): Promise<void> {
  const done = await runOperation(store, importBundle, { bundle: project, source: 'project' }, { clock: testClock(), ids: testIds('open'), actor: ANA });
  if (!done.ok) throw new Error(done.error.message);
}

/** The app's services over `db`, with what it announces kept in `messages`. */
function appServices(db: ThreadmarkDB, messages: string[]): Services {
  return {
    db,
    platform: {} as Platform,
    clock: testClock(),
    ids: testIds('app'),
    tracker: { track: <T>(_label: string, work: Promise<T>) => work },
    history: { push: () => undefined },
    announce: (m: string) => void messages.push(m),
  } as unknown as Services;
}

describe('a .qdpx coded in NVivo, added as a coder layer by the app and by the core the CLI runs', () => {
  it('gives byte-identical projects through Add coder files… (Dexie) and through the bundle store', async () => {
    const { project, qdpx } = await noraCodedExport();

    const db = freshDb();
    dbs.push(db);
    await startWith(new DexieProjectStore(db), project);
    await setCurrentCoderId(db, ANA.id);
    const messages: string[] = [];
    const services = appServices(db, messages);
    const review = await reviewCoderFiles(services, [{ name: NORA_FILE, bytes: qdpx }]);
    const [file] = review.files;
    if (file?.kind !== 'layer') throw new Error(JSON.stringify(file));
    expect(await addCoderFiles(services, review, new Map())).toBe(true);
    const viaApp = await new DexieProjectStore(db).read((r) => projectBundle(r, HEAD));
    if (!viaApp.ok) throw new Error(viaApp.error.message);

    const memory = new MemoryProjectStore();
    await startWith(memory, project);
    const viaCore = await addedThroughCore(memory, qdpx, { clock: testClock(), ids: testIds('app'), actor: ANA }, HEAD);

    expect(serializeBundle(viaApp.value)).toBe(viaCore.bytes);
    // The review's lines are the shared rule's, the split and the header span among them.
    expect(file.notes).toEqual(viaCore.layer.notes);
    expect(file.notes?.some((l) => /split|two|pieces/i.test(l))).toBe(true);
    // Nora's codings where the hand-made spans put them.
    const nora = viaApp.value.coders.find((c) => c.name === NORA)!;
    expect(viaApp.value.codings.filter((c) => c.coderId === nora.id).map((c) => [c.postId, c.quote]).sort()).toEqual([...NORA_EXPECTED].sort());
    expect(messages.at(-1)).toMatch(/^Added 3 codings from nora\.qdpx/);
  });

  it('replaces a coder already present when ticked, byte for byte as the core does it for threadmark merge --replace', async () => {
    const { project, qdpx } = await noraCodedExport();
    const BEN = 'u-ben';
    const db = freshDb();
    dbs.push(db);
    await startWith(new DexieProjectStore(db), project);
    await setCurrentCoderId(db, ANA.id);
    const messages: string[] = [];
    const services = appServices(db, messages);
    const review = await reviewCoderFiles(services, [{ name: NORA_FILE, bytes: qdpx }]);
    expect(await addCoderFiles(services, review, new Map([[NORA_FILE, new Set([BEN])]]))).toBe(true);
    const viaApp = await new DexieProjectStore(db).read((r) => projectBundle(r, HEAD));
    if (!viaApp.ok) throw new Error(viaApp.error.message);

    const memory = new MemoryProjectStore();
    await startWith(memory, project);
    const viaCore = await addedThroughCore(memory, qdpx, { clock: testClock(), ids: testIds('app'), actor: ANA }, HEAD, new Set([BEN]));
    const keptBen = await addedThroughCore((await started(project)), qdpx, { clock: testClock(), ids: testIds('app'), actor: ANA }, HEAD);

    expect(serializeBundle(viaApp.value)).toBe(viaCore.bytes);
    expect(viaCore.bytes).not.toBe(keptBen.bytes);
    const benBefore = project.codings.filter((c) => c.coderId === BEN).map((c) => c.id);
    expect(viaApp.value.codings.filter((c) => c.coderId === BEN).some((c) => benBefore.includes(c.id))).toBe(false);
    expect(messages.at(-1)).toMatch(new RegExp(`from nora\\.qdpx, replacing ${benBefore.length}\\.`));
  });
});

async function started(project: Bundle): Promise<MemoryProjectStore> {
  const store = new MemoryProjectStore();
  await startWith(store, project);
  return store;
}

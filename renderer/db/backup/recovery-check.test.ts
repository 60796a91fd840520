import 'fake-indexeddb/auto';

import { describe, expect, it, vi } from 'vitest';

import type { BackupFile } from '@shared/backup/backup-name';
import { emptyManifest, type Manifest, type ManifestProject } from '@shared/backup/manifest';

import type { BackupStore } from '../../platform/backup-store';
import { importBundle } from '../bundle-io';
import { openThreadmarkDB } from '../database';
import { getMachineCoder } from '../registry/registry';
import { ProjectRegistryDB } from '../registry/registry-db';
import { sampleBundle, testClock, testIds } from '../testing/test-support';
import { checkAtStart, readManifestWhileRegistryOpens, START_CHECKS_AT_ONCE } from './recovery-check';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A backup store whose `list` answers only when the test says so; it records who asked. */
function heldStore() {
  const asked: string[] = [];
  const answers = new Map<string, ReturnType<typeof deferred<BackupFile[]>>>();
  const store = {
    where: 'memory',
    list: (dbName: string) => {
      asked.push(dbName);
      const answer = deferred<BackupFile[]>();
      answers.set(dbName, answer);
      return answer.promise;
    },
  } as unknown as BackupStore;
  return { store, asked, answer: (dbName: string) => answers.get(dbName)!.resolve([]) };
}

const known = (dbName: string): ManifestProject => ({
  dbName, id: dbName, name: dbName, kind: 'project', createdAt: '2026-01-01T00:00:00.000Z', counts: { threads: 0, posts: 0, codings: 0 }, countedAt: '2026-01-01T00:00:00.000Z', lastBackup: null,
});

const registryForTest = () => new ProjectRegistryDB(`threadmark-projects-test-${crypto.randomUUID()}`);

describe('the start-up check', () => {
  it('looks at every project at once, not one after another, and reports them in manifest order', async () => {
    // One project whose database is gone (a recovery case), one fine but missing from the list (listed again).
    const gone = `threadmark-project-gone-${crypto.randomUUID()}`;
    const fine = `threadmark-project-fine-${crypto.randomUUID()}`;
    const db = openThreadmarkDB(fine);
    await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds() });
    db.close();
    const manifest: Manifest = { ...emptyManifest(), projects: [known(gone), known(fine)] };
    const { store, asked, answer } = heldStore();
    const registry = registryForTest();

    const checked = checkAtStart(registry, manifest, store);
    // Both asked while neither has answered: the second check did not wait for the first.
    await vi.waitFor(() => expect(asked).toEqual([gone, fine]));
    answer(fine);
    answer(gone);
    const { cases, relisted } = await checked;
    expect(cases.map((c) => [c.project.dbName, c.state.kind])).toEqual([[gone, 'missing']]);
    expect(relisted.map((e) => e.dbName)).toEqual([fine]);
    expect((await registry.projects.toArray()).map((e) => e.dbName)).toEqual([fine]);
  });

  it('opens at most START_CHECKS_AT_ONCE project databases together, the next as one check ends, and checks them all', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `threadmark-project-many-${i}-${crypto.randomUUID()}`);
    const manifest: Manifest = { ...emptyManifest(), projects: names.map(known) };
    const { store, asked, answer } = heldStore();
    const checked = checkAtStart(registryForTest(), manifest, store);
    await vi.waitFor(() => expect(asked).toHaveLength(START_CHECKS_AT_ONCE));
    expect(START_CHECKS_AT_ONCE).toBe(4);
    // No fifth check while the first four are open.
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual(names.slice(0, 4));
    answer(names[2]!);
    await vi.waitFor(() => expect(asked).toEqual(names.slice(0, 5)));
    // The rest, each answered as it is asked for: never more than four waiting.
    const answered = new Set([names[2]!]);
    while (answered.size < names.length) {
      const waiting = asked.filter((n) => !answered.has(n));
      expect(waiting.length).toBeLessThanOrEqual(START_CHECKS_AT_ONCE);
      const next = waiting[0]!;
      answered.add(next);
      answer(next);
      await vi.waitFor(() => expect(asked.length).toBe(Math.min(names.length, answered.size + START_CHECKS_AT_ONCE)));
    }
    const { cases } = await checked;
    // Every database was missing: one case each, in manifest order.
    expect(cases.map((c) => c.project.dbName)).toEqual(names);
  });

  it('restores the machine coder from the manifest beside the checks', async () => {
    const registry = registryForTest();
    const manifest: Manifest = { ...emptyManifest(), coder: { id: 'c1', name: 'Ana' } };
    const { store } = heldStore();
    await checkAtStart(registry, manifest, store);
    expect(await getMachineCoder(registry)).toEqual({ id: 'c1', name: 'Ana' });
  });

  it('opens the registry while the manifest is still being read', async () => {
    const registry = registryForTest();
    const held = deferred<Manifest>();
    const read = readManifestWhileRegistryOpens(registry, { read: () => held.promise });
    await vi.waitFor(() => expect(registry.isOpen()).toBe(true));
    const manifest = { ...emptyManifest(), coder: { id: 'c1', name: 'Ana' } };
    held.resolve(manifest);
    expect(await read).toBe(manifest);
  });

  it('hands over the manifest without waiting for the registry, whose projects are checked while it opens', async () => {
    const registry = registryForTest();
    const gone = `threadmark-project-gone-${crypto.randomUUID()}`;
    const manifest: Manifest = { ...emptyManifest(), projects: [known(gone)] };
    const read = await readManifestWhileRegistryOpens(registry, { read: async () => manifest });
    expect(registry.isOpen()).toBe(false);
    const { store, asked, answer } = heldStore();
    const checked = checkAtStart(registry, read, store);
    expect(asked).toEqual([gone]);
    expect(registry.isOpen()).toBe(false);
    answer(gone);
    expect((await checked).cases.map((c) => c.project.dbName)).toEqual([gone]);
    expect(registry.isOpen()).toBe(true);
  });

  it('a registry that cannot open still fails the start, at its first query, not in silence', async () => {
    const registry = registryForTest();
    const refuse = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('the disk said no', 'InvalidStateError');
    });
    try {
      const read = await readManifestWhileRegistryOpens(registry, { read: async () => emptyManifest() });
      await expect(checkAtStart(registry, read, heldStore().store)).rejects.toThrow(/the disk said no/);
    } finally {
      refuse.mockRestore();
    }
  });
});

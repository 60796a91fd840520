import 'fake-indexeddb/auto';

import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { addCoding } from '@shared/project/operations/codings';
import { projectBundle } from '@shared/project/queries/project-bundle';

import { importBundle } from '../bundle-io';
import { openThreadmarkDB, type ThreadmarkDB } from '../database';
import { ensureCoder } from '../repositories/coders-repository';
import { getCurrentCoderId, setCurrentCoderId } from '../repositories/settings-repository';
import { runInProject, storeOf } from '../run-in-project';
import { APP, sampleBundle, testClock, testIds } from '../testing/test-support';
import { searchCacheDbName } from '../search-cache-name';
import { adoptLegacyDatabase } from './adopt-legacy';
import { closeProject, createDemoProject, createEmptyProject, deleteProject, duplicateProject, openBundleAsProject, openProject, renameProject } from './projects';
import { freeProjectName, getMachineCoder, lastOpenedProject, listProjects, projectDbName, setMachineCoder } from './registry';
import { ProjectRegistryDB } from './registry-db';

const ADA = { id: 'coder-ada', name: 'Ada' };

let registry: ProjectRegistryDB;
let opened: ThreadmarkDB[] = [];
beforeEach(() => {
  registry = new ProjectRegistryDB(`threadmark-projects-test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  for (const entry of await registry.projects.toArray()) await Dexie.delete(entry.dbName);
  for (const db of opened) db.close();
  opened = [];
  await registry.delete();
});

/** One clock and id source per test: two projects never get the same id (and database). */
let shared = { clock: testClock(), ids: testIds('p') };
beforeEach(() => {
  shared = { clock: testClock(), ids: testIds('p') };
});
const deps = () => shared;
const head = { exportedAt: '2025-06-01T00:00:00.000Z', app: APP };

async function bundleOf(db: ThreadmarkDB) {
  const result = await storeOf(db).read((reader) => projectBundle(reader, head));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function track(db: ThreadmarkDB): ThreadmarkDB {
  opened.push(db);
  return db;
}

describe('adopting the database from before projects', () => {
  it('lists the old "threadmark" database as a project under its name, keeping it, and makes its coder the machine’s coder', async () => {
    const legacyName = `threadmark-legacy-${crypto.randomUUID()}`;
    const legacy = openThreadmarkDB(legacyName);
    await importBundle(legacy, sampleBundle(), { clock: testClock(), ids: testIds('old') });
    const ben = await ensureCoder(legacy, 'Ben', testIds('b'));
    await setCurrentCoderId(legacy, ben.id);
    const before = await bundleOf(legacy);
    legacy.close();

    const adopted = await adoptLegacyDatabase(registry, { clock: { now: () => '2025-07-01T00:00:00.000Z' }, ids: testIds('reg') }, legacyName);
    expect(adopted).toEqual({
      id: 'reg-1',
      name: sampleBundle().project.name,
      dbName: legacyName,
      createdAt: sampleBundle().project.createdAt,
      openedAt: '2025-07-01T00:00:00.000Z',
      kind: 'project',
      counts: { threads: 2, posts: 4, codings: 5 },
    });
    expect(await listProjects(registry)).toEqual([adopted]);
    expect(await lastOpenedProject(registry)).toEqual(adopted);
    expect(await getMachineCoder(registry)).toEqual({ id: ben.id, name: 'Ben' });

    // Its data is untouched, and a second start adopts nothing more.
    const again = track(openThreadmarkDB(legacyName));
    expect(await bundleOf(again)).toEqual(before);
    expect(await adoptLegacyDatabase(registry, deps(), legacyName)).toBeNull();
    expect(await registry.projects.count()).toBe(1);
    await again.delete();
  });

  it('adopts nothing, and creates no database, when there is none or it is empty', async () => {
    const missing = `threadmark-missing-${crypto.randomUUID()}`;
    expect(await adoptLegacyDatabase(registry, deps(), missing)).toBeNull();
    expect(await Dexie.exists(missing)).toBe(false);

    const otherRegistry = new ProjectRegistryDB(`threadmark-projects-test-${crypto.randomUUID()}`);
    const empty = openThreadmarkDB(`threadmark-empty-${crypto.randomUUID()}`);
    await empty.open();
    empty.close();
    expect(await adoptLegacyDatabase(otherRegistry, deps(), empty.name)).toBeNull();
    expect(await otherRegistry.projects.count()).toBe(0);
    expect(await getMachineCoder(otherRegistry)).toBeNull();
    await Dexie.delete(empty.name);
    await otherRegistry.delete();
  });
});

describe('projects, each its own database', () => {
  it('creates an empty project with its record and the machine’s coder, and opens it as that coder', async () => {
    const created = await createEmptyProject(registry, ' Pilot study ', ADA, deps());
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ name: 'Pilot study', kind: 'project', dbName: projectDbName(created.value.id), openedAt: null, counts: { threads: 0, posts: 0, codings: 0 } });

    const project = await openProject(registry, created.value, ADA, deps());
    track(project.db);
    expect(project.coder).toEqual({ id: ADA.id, name: 'Ada', updatedAt: expect.any(String) });
    expect(await getCurrentCoderId(project.db)).toBe(ADA.id);
    const bundle = await bundleOf(project.db);
    expect(bundle.project).toMatchObject({ id: created.value.id, name: 'Pilot study' });
    expect(bundle.threads).toEqual([]);
    expect(bundle.journal?.map((e) => [e.operation, e.actorName])).toEqual([
      ['coders.add', 'Ada'],
      ['project.create', 'Ada'],
    ]);
    expect((await lastOpenedProject(registry))?.id).toBe(created.value.id);
  });

  it('opens a blind package as its coder, whoever is at the machine, and adds no one else', async () => {
    const bundle = sampleBundle();
    const owner = bundle.coders[0]!;
    bundle.project = {
      ...bundle.project,
      package: {
        projectId: 'lead-project',
        projectName: 'Lead',
        roundId: 'round-1',
        roundName: 'Round 1',
        coderId: owner.id,
        coderName: owner.name,
        codebookVersionId: 'v-1',
        previousCodebookVersionId: null,
        instructions: '',
        preparedAt: '2025-06-01T00:00:00.000Z',
      },
    };
    const entry = await openBundleAsProject(registry, bundle, 'package.threadmark.json', ADA, deps());
    if (!entry.ok) throw new Error(entry.error.message);
    expect(entry.value.mode).toBe('blind');
    const project = await openProject(registry, entry.value, ADA, deps());
    track(project.db);
    expect(project.coder.id).toBe(owner.id);
    expect(await getCurrentCoderId(project.db)).toBe(owner.id);
    expect((await bundleOf(project.db)).coders.map((c) => c.id)).toEqual(bundle.coders.map((c) => c.id));
  });

  it('keeps names unique in the list', async () => {
    const first = await createEmptyProject(registry, 'Pilot', ADA, deps());
    expect(first.ok).toBe(true);
    const clash = await createEmptyProject(registry, ' pilot ', ADA, deps());
    expect(clash.ok ? '' : clash.error.message).toBe('a project named “Pilot” already exists');
    const empty = await createEmptyProject(registry, '  ', ADA, deps());
    expect(empty.ok ? '' : empty.error.message).toBe('a project needs a name');
    expect(await freeProjectName(registry, 'Pilot')).toBe('Pilot (2)');
    expect(await registry.projects.count()).toBe(1);
  });

  it('duplicates every table and the journal; the copy and the original then live apart', async () => {
    const demo = await createDemoProject(registry, deps());
    if (!demo.ok) throw new Error(demo.error.message);
    expect(demo.value).toMatchObject({ kind: 'demo', name: 'Demo: #MeToo backlash thread', counts: { threads: 1, posts: 57, codings: 0 } });
    const original = await openProject(registry, demo.value, ADA, deps());
    track(original.db);
    const [first] = await storeOf(original.db).read((r) => r.allPosts());
    const [code] = await storeOf(original.db).read((r) => r.codes());
    const coded = await runInProject(original.db, addCoding, { postId: first!.id, codeId: code!.id, start: 0, end: 5 }, deps());
    expect(coded.ok).toBe(true);
    await closeProject(registry, original);
    const source = await bundleOf(track(openThreadmarkDB(demo.value.dbName)));

    const copy = await duplicateProject(registry, { ...demo.value, name: 'Demo: #MeToo backlash thread' }, ADA, { ...deps(), app: APP });
    if (!copy.ok) throw new Error(copy.error.message);
    expect(copy.value).toMatchObject({ name: 'Demo: #MeToo backlash thread (copy)', kind: 'demo', counts: { threads: 1, posts: 57, codings: 1 } });
    const copied = await bundleOf(track(openThreadmarkDB(copy.value.dbName)));
    for (const table of ['threads', 'posts', 'codes', 'coders', 'codings', 'codebookVersions', 'assignments'] as const) expect(copied[table], table).toEqual(source[table]);
    expect(copied.project).toMatchObject({ id: source.project.id, name: 'Demo: #MeToo backlash thread (copy)' });
    // The original's history, then the copy's opening and its new name.
    expect(copied.journal!.slice(0, source.journal!.length)).toEqual(source.journal);
    expect(copied.journal!.slice(source.journal!.length).map((e) => e.operation)).toEqual(['bundle.import', 'project.rename']);

    // Its search cache (a database of its own) goes with it.
    const cache = new Dexie(searchCacheDbName(copy.value.dbName));
    cache.version(1).stores({ index: '' });
    await cache.open();
    cache.close();
    const deleted = await deleteProject(registry, copy.value);
    expect(deleted.ok).toBe(true);
    expect(await Dexie.exists(copy.value.dbName)).toBe(false);
    expect(await Dexie.exists(searchCacheDbName(copy.value.dbName))).toBe(false);
    expect((await listProjects(registry)).map((p) => p.name)).toEqual(['Demo: #MeToo backlash thread']);
    // The original is untouched.
    expect(await bundleOf(track(openThreadmarkDB(demo.value.dbName)))).toEqual(source);
  });

  it('renames a project in the list and in its record, journaled', async () => {
    const created = await createEmptyProject(registry, 'Pilot', ADA, deps());
    if (!created.ok) throw new Error(created.error.message);
    const other = await createEmptyProject(registry, 'Main study', ADA, deps());
    expect(other.ok).toBe(true);
    const clash = await renameProject(registry, created.value, 'main STUDY', ADA, deps());
    expect(clash.ok ? '' : clash.error.message).toBe('a project named “Main study” already exists');

    const renamed = await renameProject(registry, created.value, 'Pilot, wave 1', ADA, deps());
    expect(renamed.ok && renamed.value.name).toBe('Pilot, wave 1');
    expect((await registry.projects.get(created.value.id))?.name).toBe('Pilot, wave 1');
    const db = track(openThreadmarkDB(created.value.dbName));
    const bundle = await bundleOf(db);
    expect(bundle.project.name).toBe('Pilot, wave 1');
    expect(bundle.journal!.at(-1)).toMatchObject({ operation: 'project.rename', actorName: 'Ada', summary: 'Renamed the project “Pilot” to “Pilot, wave 1”' });
  });

  it('refuses a rename from a dialog opened before another window renamed the project, and keeps that name', async () => {
    const created = await createEmptyProject(registry, 'Pilot', ADA, deps());
    if (!created.ok) throw new Error('not created');
    const openedHere = created.value; // the entry the rename dialog of this window shows
    expect((await renameProject(registry, created.value, 'Pilot A', ADA, deps())).ok).toBe(true); // another window
    const stale = await renameProject(registry, openedHere, 'Pilot B', ADA, deps());
    expect(stale.ok ? '' : stale.error.message).toBe(
      'The project’s name was changed in another window since you opened it (it now reads “Pilot A”); your name is kept in the form — copy it, rename it again',
    );
    expect((await registry.projects.get(created.value.id))?.name).toBe('Pilot A');
    expect((await bundleOf(track(openThreadmarkDB(created.value.dbName)))).project.name).toBe('Pilot A');
  });

  it('opens a bundle as a new project with its history, named apart from a listed project of the same name', async () => {
    const bundle = sampleBundle();
    const first = await openBundleAsProject(registry, bundle, 'sample.threadmark.json', ADA, deps());
    const second = await openBundleAsProject(registry, bundle, 'sample.threadmark.json', ADA, deps());
    if (!first.ok || !second.ok) throw new Error('not opened');
    expect([first.value.name, second.value.name]).toEqual([bundle.project.name, `${bundle.project.name} (2)`]);
    const copy = await bundleOf(track(openThreadmarkDB(second.value.dbName)));
    expect(copy.codings).toEqual(bundle.codings);
    expect(copy.journal!.map((e) => e.operation)).toEqual([...bundle.journal!.map((e) => e.operation), 'bundle.import', 'project.rename']);
  });

  it('remembers who codes on this machine', async () => {
    expect(await getMachineCoder(registry)).toBeNull();
    await setMachineCoder(registry, ADA);
    expect(await getMachineCoder(registry)).toEqual(ADA);
  });
});

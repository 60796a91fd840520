import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { validateBundle } from '@shared/bundle/validate';
import type { JournalEntry } from '@shared/project/journal-entry';

import demoBundle from '../../resources/demo/demo-project.threadmark.json';

import { exportBundle, importBundle, isDatabaseEmpty } from './bundle-io';
import type { ThreadmarkDB } from './database';
import { setCurrentCoderId } from './repositories/settings-repository';
import { APP, freshDb, sampleBundle, tableCounts, testClock, testIds } from './testing/test-support';
import { patchStoredPost } from './testing/stored-posts';

let db: ThreadmarkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const exportNow = () => exportBundle(db, { clock: testClock(), app: APP });
const zero = { threads: 0, posts: 0, codes: 0, coders: 0, codings: 0, codebookVersions: 0 };
const all = { threads: 2, posts: 4, codes: 5, coders: 2, codings: 5, codebookVersions: 1 };

/** When the tests open bundles: every record an import writes carries it as `updatedAt`. */
const OPENED_AT = '2025-03-01T00:00:00.000Z';
const openDeps = (prefix = 'open') => ({ clock: { now: () => OPENED_AT }, ids: testIds(prefix) });

/** Stamped as an import writes it. */
const stamped = <T extends object>(record: T): T & { updatedAt: string } => ({ ...record, updatedAt: OPENED_AT });

/** The sample as exported after opening it into an empty database: records without a time stamped, the opening journaled. */
function sampleAfterOpening(bundle: Bundle, opening: JournalEntry): Bundle {
  return {
    ...bundle,
    exportedAt: '2025-01-01T00:00:00.000Z',
    project: stamped(bundle.project),
    threads: bundle.threads.map(stamped),
    codes: bundle.codes.map(stamped),
    coders: bundle.coders.map(stamped),
    // Codings carry their own time; a record that arrives with one keeps it.
    codings: bundle.codings,
    codebookVersions: (bundle.codebookVersions ?? []).map(stamped),
    journal: [...(bundle.journal ?? []), opening],
  };
}

/** Only thread t-a and what it needs: a database that already holds some work. */
function partOfSample(): Bundle {
  const b = sampleBundle();
  return {
    ...b,
    threads: b.threads.filter((t) => t.id === 't-a'),
    posts: b.posts.filter((p) => p.threadId === 't-a'),
    codes: b.codes.filter((c) => c.id === 'c-fallacy' || c.id === 'c-false-eq'),
    coders: b.coders.filter((c) => c.id === 'coder-ben'),
    codings: b.codings.filter((c) => c.id === 'k-5'),
    journal: [],
    codebookVersions: [],
  };
}

describe('export and import round trip', () => {
  it('imports into an empty database, keeping its journal, and exports the same bundle stamped, with the opening journaled', async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const bundle = sampleBundle();
    const summary = await importBundle(db, bundle, openDeps());
    expect(summary).toEqual({ added: all, skipped: zero, historyKept: true });
    expect(await isDatabaseEmpty(db)).toBe(false);

    const exported = await exportNow();
    const opening = exported.journal!.at(-1)!;
    expect(opening).toEqual({
      id: 'open-1',
      seq: 2,
      at: OPENED_AT,
      // Nobody is coding yet: the app opens it.
      actorId: 'threadmark',
      actorName: 'Threadmark',
      operation: 'bundle.import',
      summary: 'Opened “Vaccine replies”: 2 threads, 4 posts, 5 codes, 5 codings',
      changes: expect.any(Array),
      addedPosts: [
        { threadId: 't-b', postIds: ['p-b1', 'p-b3', 'p-b2'] },
        { threadId: 't-a', postIds: ['p-a1'] },
      ],
      reverts: null,
    });
    // One row per record it added but the posts (journaled by id above).
    expect(opening.changes).toHaveLength(1 + 2 + 5 + 2 + 5 + 1);
    expect(exported).toEqual(sampleAfterOpening(bundle, opening));
    // db-only fields never leak into a file
    expect(exported.posts.some((p) => 'seq' in p)).toBe(false);
    expect(exported.codings.some((c) => 'threadId' in c)).toBe(false);
  });

  it('round-trips the shipped demo: export → import into an empty app → export is identical and valid', async () => {
    const demo = validateBundle(demoBundle as unknown);
    if (!demo.ok) throw new Error('demo bundle invalid');
    await importBundle(db, demo.value, openDeps('first'));
    const first = await exportNow();
    expect(validateBundle(JSON.parse(JSON.stringify(first)) as unknown)).toEqual({ ok: true, value: first });
    expect(first.journal?.map((e) => e.operation)).toEqual(['bundle.import']);

    // Opened at the same time, so the records carry the same stamp: only the journal differs.
    const second = freshDb();
    await importBundle(second, first, openDeps('second'));
    const again = await exportBundle(second, { clock: testClock(), app: APP });
    const opening = again.journal!.at(-1)!;
    expect(again).toEqual({ ...first, journal: [...first.journal!, opening] });
    expect(opening).toMatchObject({ id: 'second-1', seq: 2, operation: 'bundle.import', at: OPENED_AT, reverts: null });
    expect(validateBundle(JSON.parse(JSON.stringify(again)) as unknown)).toEqual({ ok: true, value: again });
    expect(first.codings).toHaveLength(demo.value.codings.length);
    await second.delete();
  });

  it('uses a fixture the shared validator accepts', () => {
    expect(validateBundle(sampleBundle() as unknown)).toEqual({ ok: true, value: sampleBundle() });
  });

  it('skips everything on a second import and changes nothing, not even the journal', async () => {
    await importBundle(db, sampleBundle(), openDeps());
    const before = await exportNow();
    const summary = await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds('again') });
    expect(summary).toEqual({ added: zero, skipped: all, historyKept: false });
    expect(await exportNow()).toEqual(before);
  });

  it('never overwrites stored records, keeps the stored project, and journals the import as one entry', async () => {
    await importBundle(db, partOfSample(), openDeps());
    await db.codings.update('k-5', { memo: 'my own memo' });
    const other = sampleBundle();
    other.project = { id: 'project-2', name: 'Someone else', createdAt: '2025-03-01T00:00:00.000Z' };
    other.codes = other.codes.map((c) => ({ ...c, name: `${c.name} (theirs)` }));
    const summary = await importBundle(db, other, { clock: testClock(), ids: testIds('into'), source: 'theirs.threadmark.json' });
    expect(summary).toEqual({
      added: { threads: 1, posts: 3, codes: 3, coders: 1, codings: 4, codebookVersions: 1 },
      skipped: { threads: 1, posts: 1, codes: 2, coders: 1, codings: 1, codebookVersions: 0 },
      historyKept: false,
    });
    const exported = await exportNow();
    expect(exported.project).toEqual(stamped(partOfSample().project));
    expect(exported.codings.find((c) => c.id === 'k-5')?.memo).toBe('my own memo');
    expect(exported.codes.find((c) => c.id === 'c-fallacy')).toMatchObject({ name: 'Fallacy', updatedAt: OPENED_AT });
    expect(exported.codes.find((c) => c.id === 'c-agree')).toMatchObject({ name: 'Agreement (theirs)', updatedAt: '2025-01-01T00:00:00.000Z' });
    // Their journal tells another project's story: not kept; this project's journal gains one entry.
    expect(exported.journal?.map((e) => [e.id, e.seq, e.operation, e.summary])).toEqual([
      ['open-1', 1, 'bundle.import', 'Opened “Vaccine replies”: 1 thread, 1 post, 2 codes, 1 coding'],
      ['into-1', 2, 'bundle.import', 'Opened “theirs.threadmark.json”: 1 thread, 3 posts, 3 codes, 4 codings'],
    ]);
  });

  it('carries the structured code fields, the journal and versions both ways', async () => {
    const bundle = sampleBundle();
    Object.assign(bundle.codes[1]!, { inclusion: 'When…', exclusion: 'Unless…', examples: ['e1', 'e2'], exemplarCodingIds: ['k-3'], shortcut: 'w', retired: true });
    Object.assign(bundle.codes[0]!, { codable: false });
    await importBundle(db, bundle, openDeps());
    expect(await db.codes.get('c-whatabout')).toEqual(stamped(bundle.codes[1]!));
    const journal = await db.journal.orderBy('seq').toArray();
    expect(journal).toEqual([...bundle.journal!, expect.objectContaining({ id: 'open-1', seq: 2, operation: 'bundle.import' })]);
    expect(await db.codebookVersions.toArray()).toEqual(bundle.codebookVersions!.map(stamped));
    expect(await exportNow()).toEqual(sampleAfterOpening(bundle, journal[1]!));
  });

  it('exports the journal by seq and versions by creation time', async () => {
    const bundle = sampleBundle();
    const entry = bundle.journal![0]!;
    const version = bundle.codebookVersions![0]!;
    // Listed out of order; the later entry is dated earlier: seq decides.
    bundle.journal = [{ ...entry, id: 'op-late', seq: 2, at: '2025-01-02T00:00:00.000Z', summary: 'Edited “Agreement”', changes: [] }, entry];
    bundle.codebookVersions = [{ ...version, id: 'v-late', createdAt: '2025-01-09T00:00:00.000Z' }, version];
    await importBundle(db, bundle, openDeps());
    const exported = await exportNow();
    expect(exported.journal?.map((e) => [e.id, e.seq])).toEqual([
      ['op-1', 1],
      ['op-late', 2],
      ['open-1', 3],
    ]);
    expect(exported.codebookVersions?.map((v) => v.id)).toEqual(['v-1', 'v-late']);
  });

  it('keeps stored shortcut keys: an added code whose key is taken goes without', async () => {
    await importBundle(db, partOfSample());
    await db.codes.update('c-fallacy', { shortcut: 'a' });
    const other = sampleBundle();
    Object.assign(other.codes.find((c) => c.id === 'c-agree')!, { shortcut: 'a' });
    Object.assign(other.codes.find((c) => c.id === 'c-deep')!, { shortcut: 'd' });
    await importBundle(db, other);
    expect((await db.codes.get('c-agree'))?.shortcut).toBeNull();
    expect((await db.codes.get('c-deep'))?.shortcut).toBe('d');
    expect((await db.codes.get('c-fallacy'))?.shortcut).toBe('a');
  });

  it('treats a database holding only settings as empty, and refuses to export without a project', async () => {
    await db.coders.add({ id: 'x', name: 'X' });
    await setCurrentCoderId(db, 'x');
    await db.coders.delete('x');
    expect(await isDatabaseEmpty(db)).toBe(true);
    await expect(exportNow()).rejects.toThrow('Nothing to export: nothing to export: the project has no records yet.');
  });
});

describe('import is all or nothing', () => {
  async function expectUnchangedAfterFailure(run: () => Promise<unknown>, message?: RegExp): Promise<void> {
    const counts = await tableCounts(db);
    const snapshot = await exportNow();
    await expect(run()).rejects.toThrow(message);
    expect(await tableCounts(db)).toEqual(counts);
    expect(await exportNow()).toEqual(snapshot);
  }

  beforeEach(async () => {
    await importBundle(db, partOfSample());
  });

  it('rolls back when a write fails midway (failing hook on the last table written)', async () => {
    const fail = () => {
      throw new Error('injected failure');
    };
    db.codings.hook('creating', fail);
    await expectUnchangedAfterFailure(() => importBundle(db, sampleBundle()));
    db.codings.hook('creating').unsubscribe(fail);
  });

  it('rolls back at every single write boundary', async () => {
    const tables = [db.projects, db.threads, db.postPages, db.threadStats, db.codes, db.coders, db.codings, db.codebookVersions, db.journal];
    // The project row is kept, so not written; the thread's 3 posts are one page plus its stats row;
    // then codes, coders, codings, the version and the import's journal entry.
    const newRows = 1 + 2 + 3 + 1 + 4 + 1 + 1;
    for (let k = 1; k <= newRows + 1; k++) {
      let writes = 0;
      const failAtK = () => {
        writes += 1;
        if (writes === k) throw new Error(`crash at write ${k}`);
      };
      for (const t of tables) t.hook('creating', failAtK);
      // k past the last write: the same import succeeds, so every boundary above was really hit.
      if (k <= newRows) await expectUnchangedAfterFailure(() => importBundle(db, sampleBundle()));
      else expect((await importBundle(db, sampleBundle())).added.codings).toBe(4);
      for (const t of tables) t.hook('creating').unsubscribe(failAtK);
      expect(writes).toBe(k <= newRows ? k : newRows);
    }
  });

  it('rolls back on a record that violates a unique key (two journal entries with one seq, opened into an empty database)', async () => {
    const empty = freshDb();
    const bundle = sampleBundle();
    const entry = bundle.journal![0]!;
    bundle.journal = [entry, { ...entry, id: 'op-2' }];
    const counts = await tableCounts(empty);
    await expect(importBundle(empty, bundle, openDeps())).rejects.toThrow();
    expect(await tableCounts(empty)).toEqual(counts);
    expect(await isDatabaseEmpty(empty)).toBe(true);
    await empty.delete();
  });

  it('rolls back when the project’s rules refuse a record: a coding by a coder neither the bundle nor the project has', async () => {
    const bundle = sampleBundle();
    const stray = { ...bundle.codings[4]!, id: 'k-new', coderId: 'coder-zed' };
    await expectUnchangedAfterFailure(() => importBundle(db, { ...bundle, codings: [...bundle.codings, stray] }, openDeps()), /^coding k-new coderId: coder coder-zed does not exist$/);
  });

  it('refuses a coding whose quote does not match the stored post with that id', async () => {
    await patchStoredPost(db, 'p-a1', { text: 'A different text stored under the same id' });
    const bundle = sampleBundle();
    const moved = { ...bundle.codings[4]!, id: 'k-new' };
    await expectUnchangedAfterFailure(
      () => importBundle(db, { ...bundle, codings: [...bundle.codings, moved] }, { ...openDeps(), source: 'theirs.threadmark.json' }),
      /^theirs\.threadmark\.json \(record coding k-new, field postId\): its range or quote does not match the text of post p-a1$/,
    );
  });
});

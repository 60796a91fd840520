import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { validateBundle } from '@shared/bundle/validate';

import demoBundle from '../../resources/demo/demo-project.threadmark.json';

import { exportBundle, importBundle, isDatabaseEmpty } from './bundle-io';
import type { ThreadmarkDB } from './database';
import { setCurrentCoderId } from './repositories/settings-repository';
import { APP, freshDb, sampleBundle, tableCounts, testClock } from './testing/test-support';
import { patchStoredPost } from './testing/stored-posts';

let db: ThreadmarkDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

const exportNow = () => exportBundle(db, { clock: testClock(), app: APP });
const zero = { threads: 0, posts: 0, codes: 0, coders: 0, codings: 0, codebookChanges: 0, codebookVersions: 0 };
const all = { threads: 2, posts: 4, codes: 5, coders: 2, codings: 5, codebookChanges: 1, codebookVersions: 1 };

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
    codebookChanges: [],
    codebookVersions: [],
  };
}

describe('export and import round trip', () => {
  it('imports into an empty database and exports the same bundle', async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const bundle = sampleBundle();
    const summary = await importBundle(db, bundle);
    expect(summary).toEqual({ added: all, skipped: zero });
    expect(await isDatabaseEmpty(db)).toBe(false);

    const exported = await exportNow();
    expect(exported).toEqual({ ...bundle, exportedAt: '2025-01-01T00:00:00.000Z' });
    // db-only fields never leak into a file
    expect(exported.posts.some((p) => 'seq' in p)).toBe(false);
    expect(exported.codings.some((c) => 'threadId' in c)).toBe(false);
  });

  it('round-trips the shipped demo: export → import into an empty app → export is identical and valid', async () => {
    const demo = validateBundle(demoBundle as unknown);
    if (!demo.ok) throw new Error('demo bundle invalid');
    await importBundle(db, demo.value);
    const first = await exportNow();
    expect(validateBundle(JSON.parse(JSON.stringify(first)) as unknown)).toEqual({ ok: true, value: first });

    const second = freshDb();
    await importBundle(second, first);
    expect(await exportBundle(second, { clock: testClock(), app: APP })).toEqual(first);
    expect(first.codings).toHaveLength(demo.value.codings.length);
    await second.delete();
  });

  it('uses a fixture the shared validator accepts', () => {
    expect(validateBundle(sampleBundle() as unknown)).toEqual({ ok: true, value: sampleBundle() });
  });

  it('skips everything on a second import and changes nothing', async () => {
    await importBundle(db, sampleBundle());
    const before = await exportNow();
    const summary = await importBundle(db, sampleBundle());
    expect(summary).toEqual({ added: zero, skipped: all });
    expect(await exportNow()).toEqual(before);
  });

  it('never overwrites stored records and keeps the stored project', async () => {
    await importBundle(db, partOfSample());
    await db.codings.update('k-5', { memo: 'my own memo' });
    const other = sampleBundle();
    other.project = { id: 'project-2', name: 'Someone else', createdAt: '2025-03-01T00:00:00.000Z' };
    other.codes = other.codes.map((c) => ({ ...c, name: `${c.name} (theirs)` }));
    const summary = await importBundle(db, other);
    expect(summary).toEqual({
      added: { threads: 1, posts: 3, codes: 3, coders: 1, codings: 4, codebookChanges: 1, codebookVersions: 1 },
      skipped: { threads: 1, posts: 1, codes: 2, coders: 1, codings: 1, codebookChanges: 0, codebookVersions: 0 },
    });
    const exported = await exportNow();
    expect(exported.project.id).toBe('project-1');
    expect(exported.codings.find((c) => c.id === 'k-5')?.memo).toBe('my own memo');
    expect(exported.codes.find((c) => c.id === 'c-fallacy')?.name).toBe('Fallacy');
    expect(exported.codes.find((c) => c.id === 'c-agree')?.name).toBe('Agreement (theirs)');
  });

  it('carries the structured code fields, the change log and versions both ways', async () => {
    const bundle = sampleBundle();
    Object.assign(bundle.codes[1]!, { inclusion: 'When…', exclusion: 'Unless…', examples: ['e1', 'e2'], exemplarCodingIds: ['k-3'], shortcut: 'w', retired: true });
    Object.assign(bundle.codes[0]!, { codable: false });
    await importBundle(db, bundle);
    expect(await db.codes.get('c-whatabout')).toEqual(bundle.codes[1]);
    expect(await db.codebookChanges.toArray()).toEqual(bundle.codebookChanges);
    expect(await db.codebookVersions.toArray()).toEqual(bundle.codebookVersions);
    expect(await exportNow()).toEqual({ ...bundle, exportedAt: '2025-01-01T00:00:00.000Z' });
  });

  it('exports the change log by time and versions by creation time', async () => {
    const bundle = sampleBundle();
    const change = bundle.codebookChanges![0]!;
    const version = bundle.codebookVersions![0]!;
    bundle.codebookChanges = [{ ...change, id: 'ch-late', at: '2025-01-09T00:00:00.000Z' }, change];
    bundle.codebookVersions = [{ ...version, id: 'v-late', createdAt: '2025-01-09T00:00:00.000Z' }, version];
    await importBundle(db, bundle);
    const exported = await exportNow();
    expect(exported.codebookChanges?.map((c) => c.id)).toEqual(['ch-1', 'ch-late']);
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
    await expect(exportNow()).rejects.toThrow(/no project/);
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
    const tables = [db.threads, db.postPages, db.threadStats, db.codes, db.coders, db.codings, db.codebookChanges, db.codebookVersions];
    // The project row is kept, so not written; the thread's 3 posts are one page plus its stats row.
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

  it('rolls back on a record that violates a unique key (duplicate id inside the bundle)', async () => {
    const bundle = sampleBundle();
    const dup = { ...bundle.codings[0]!, memo: 'second copy' };
    await expectUnchangedAfterFailure(() => importBundle(db, { ...bundle, codings: [...bundle.codings, dup] }));
  });

  it('refuses a coding whose quote does not match the stored post with that id', async () => {
    await patchStoredPost(db, 'p-a1', { text: 'A different text stored under the same id' });
    const bundle = sampleBundle();
    const moved = { ...bundle.codings[4]!, id: 'k-new' };
    await expectUnchangedAfterFailure(
      () => importBundle(db, { ...bundle, codings: [...bundle.codings, moved] }),
      /k-new: its range or quote does not match the text of post p-a1/,
    );
  });
});

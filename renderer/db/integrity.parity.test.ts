import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import { openBundleLeniently } from '@shared/project/lenient-bundle-store';
import { repairIntegrity } from '@shared/project/operations/integrity-repair';
import { integrityReport } from '@shared/project/queries/integrity';

import { exportBundle, importBundle } from './bundle-io';
import { runInProject, storeOf } from './run-in-project';
import { setCurrentCoderId } from './repositories/settings-repository';
import { APP, freshDb, sampleBundle, testClock, testIds } from './testing/test-support';

/** The sample project in Dexie, damaged behind the core's back: a coding on a missing post, two codes in a loop. */
async function damagedDb() {
  const db = freshDb();
  const bundle = sampleBundle();
  await importBundle(db, bundle, { clock: testClock(), ids: testIds() });
  const coding = (await db.codings.toArray())[0]!;
  await db.codings.put({ ...coding, id: 'k-orphan', postId: 'p-missing' });
  const [a, b] = await db.codes.toArray();
  await db.codes.update(a!.id, { parentId: b!.id });
  await db.codes.update(b!.id, { parentId: a!.id });
  await setCurrentCoderId(db, bundle.coders[0]!.id);
  return db;
}

describe('integrity check: one query, the app and the CLI', () => {
  it('finds the same problems in the database as threadmark check in its bundle, and the repair leaves both clean', async () => {
    const db = await damagedDb();
    const app = await storeOf(db).read((r) => integrityReport(r));
    expect(app.findings.map((f) => f.kind)).toEqual(['coding-missing-post', 'code-cycle']);

    // What `threadmark check` runs on the exported bundle (cli/commands/check.ts): validate refuses it, the lenient open does not.
    const text = serializeBundle(await exportBundle(db, { clock: testClock(), app: APP }));
    const opened = openBundleLeniently(JSON.parse(text));
    if (!opened.ok) throw new Error('not opened');
    expect(opened.value.bundle).toBeNull();
    const cli = await opened.value.store.read((r) => integrityReport(r));
    expect(cli).toEqual(app);

    const repaired = await runInProject(db, repairIntegrity, {}, { clock: testClock(), ids: testIds('repair') });
    expect(repaired.ok).toBe(true);
    expect((await storeOf(db).read((r) => integrityReport(r))).findings).toEqual([]);
    expect(await db.codings.get('k-orphan')).toBeUndefined();
  });
});

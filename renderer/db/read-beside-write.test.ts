import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { addCoding } from '@shared/project/operations/codings';
import { projectBundle } from '@shared/project/queries/project-bundle';
import { runOperation } from '@shared/project/run-operation';

import { projectBundleInPieces } from './backup/backup-snapshot';
import { openSampleProject } from './testing/sample-project';

const HEAD = { exportedAt: '2025-05-01T12:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

/**
 * A read and a coding started in the same tick (a query refreshing as the coder codes, a backup's
 * read). A read whose scope was a plain function returning native async code left Dexie's zone
 * echoes uncounted, and the coding's code ran outside its transaction: PrematureCommitError.
 */
describe('a read beside a coding', () => {
  it('the store’s read and a coding started together both finish, the coding stored', async () => {
    const { db, store, env } = await openSampleProject();
    const reading = store.read(async (r) => {
      let posts = 0;
      for (let i = 0; i < 20; i++) posts = (await projectBundle(r, HEAD)).ok ? i : -1;
      return posts;
    });
    const coded = await runOperation(store, addCoding, { postId: 'p-b1', codeId: 'c-agree', start: 0, end: 1 }, env);
    expect(coded.ok).toBe(true);
    expect(await reading).toBe(19);
    const id = coded.ok ? coded.value.result.id : '';
    expect(await db.codings.get(id)).toMatchObject({ postId: 'p-b1', codeId: 'c-agree' });
    await db.delete();
  });

  it('a backup read in pieces and codings started together all finish', async () => {
    const { db, store, env } = await openSampleProject();
    const backup = projectBundleInPieces(db, HEAD, { pagesPerPiece: 1, codingsPerPiece: 2 });
    const coded = [];
    for (const postId of ['p-b1', 'p-b2', 'p-b3']) coded.push(await runOperation(store, addCoding, { postId, codeId: 'c-agree', start: 0, end: 1 }, env));
    expect(coded.map((c) => c.ok)).toEqual([true, true, true]);
    const bundle = await backup;
    expect(bundle.ok).toBe(true);
    // Consistent: every coding the bundle holds is stored; the check saw what was written meanwhile.
    const ids = bundle.ok ? (bundle.value as { codings: Array<{ id: string }> }).codings.map((c) => c.id) : [];
    expect(ids.length).toBe(await db.codings.count());
    await db.delete();
  });
});

import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';
import { deleteThread } from '@shared/project/operations/threads';
import { projectBundle, type BundleHead } from '@shared/project/queries/project-bundle';

import { gunzipText } from '../../platform/gzip';
import { importBundle } from '../bundle-io';
import { addCoding, removeCoding } from '../repositories/codings-repository';
import { setCurrentCoderId } from '../repositories/settings-repository';
import { runInProject, storeOf } from '../run-in-project';
import { APP, freshDb, sampleBundle, testClock, testIds } from '../testing/test-support';
import type { ThreadmarkDB } from '../database';
import { makeBackup } from './backup-project';
import { projectBundleInPieces, type PieceOptions } from './backup-snapshot';

const HEAD: BundleHead = { exportedAt: '2025-03-01T00:00:00.000Z', app: APP };
/** Every piece as small as it gets: each page, coding pair and journal entry its own transaction. */
const TINY: PieceOptions = { pagesPerPiece: 1, codingsPerPiece: 2, entriesPerPiece: 1, rounds: 2 };
let writers = 0;
/** A writer's clock and ids: ids never repeat across writes. */
const deps = () => ({ clock: testClock(), ids: testIds(`w${++writers}`) });

async function sampleDb(): Promise<ThreadmarkDB> {
  const db = freshDb();
  await importBundle(db, sampleBundle(), { clock: testClock(), ids: testIds() });
  await setCurrentCoderId(db, 'coder-ana');
  return db;
}

/** The project as one read transaction sees it now (what a backup must equal). */
async function oneTransaction(db: ThreadmarkDB): Promise<string> {
  const read = await storeOf(db).read((r) => projectBundle(r, HEAD));
  if (!read.ok) throw new Error(read.error.message);
  return serializeBundle(read.value);
}

async function inPieces(db: ThreadmarkDB, options: PieceOptions): Promise<string> {
  const read = await projectBundleInPieces(db, HEAD, options);
  if (!read.ok) throw new Error(read.error.message);
  return serializeBundle(read.value);
}

/** A thread of one post, to import while a backup reads. */
function anotherThread(): Bundle {
  const b = sampleBundle();
  const post = { ...b.posts[3]!, id: 'p-c1', threadId: 't-c', platformId: 'native-p-c1' };
  return { ...b, threads: [{ ...b.threads[1]!, id: 't-c', rootPostId: 'p-c1' }], posts: [post], codes: [], coders: [], codings: [], journal: [], codebookVersions: [] };
}

/** Pauses the piece reader at `at` (its first time there) until `release` is called. */
function pauseAt(at: string) {
  let reached!: () => void;
  let release!: () => void;
  const atPause = new Promise<void>((r) => (reached = r));
  const released = new Promise<void>((r) => (release = r));
  let paused = false;
  const between = async (piece: string): Promise<void> => {
    if (piece !== at || paused) return;
    paused = true;
    reached();
    await released;
  };
  return { between, atPause, release };
}

describe('a backup read in pieces', () => {
  it('equals the one-transaction export when nothing is written meanwhile, however small the pieces', async () => {
    const db = await sampleDb();
    const whole = await oneTransaction(db);
    expect(await inPieces(db, TINY)).toBe(whole);
    expect(await inPieces(db, {})).toBe(whole);
  });

  it('lets a coding be stored while the backup is in progress, and the finished backup holds it with its journal entry', async () => {
    const db = await sampleDb();
    const pause = pauseAt('codings');
    const events: string[] = [];
    const backup = makeBackup(db, { clock: testClock(), app: APP, pieces: { ...TINY, between: pause.between } });
    await pause.atPause;
    const write = addCoding(db, { postId: 'p-b3', codeId: 'c-agree', coderId: 'coder-ben', start: 0, end: 4, memo: '' }, deps()).then((w) => {
      events.push('coding stored');
      return w;
    });
    // A guard, not a measure: a write blocked behind the backup would wait here for ever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([write, new Promise((r) => (timer = setTimeout(r, 5_000)))]);
    clearTimeout(timer);
    events.push('backup resumed');
    pause.release();
    const made = await backup;
    const { coding, entryId } = await write;
    expect(events).toEqual(['coding stored', 'backup resumed']);

    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const backedUp = JSON.parse(await gunzipText(made.value.bytes)) as Bundle;
    expect(backedUp.codings.map((c) => c.id)).toContain(coding.id);
    expect((backedUp.journal ?? []).map((e) => e.id)).toContain(entryId);
    expect(made.value.name).toContain('-4p-6c.');
    // Exactly the project after the write: nothing torn, nothing read twice.
    expect(serializeBundle({ ...backedUp, exportedAt: HEAD.exportedAt })).toBe(await oneTransaction(db));
  });

  it('is the project at its last entry whatever is written between which pieces: codings added and removed, threads imported and deleted', async () => {
    for (const at of ['small tables', 'posts', 'codings', 'journal']) {
      const db = await sampleDb();
      const pause = pauseAt(at);
      const read = inPieces(db, { ...TINY, between: pause.between });
      await pause.atPause;
      await addCoding(db, { postId: 'p-a1', codeId: 'c-agree', coderId: 'coder-ana', start: 0, end: 4, memo: '' }, deps());
      await removeCoding(db, 'k-3', deps());
      await importBundle(db, anotherThread(), { clock: testClock(), ids: testIds('imp'), source: 'more.json' });
      const deleted = await runInProject(db, deleteThread, { threadId: 't-a' }, deps());
      expect(deleted.ok).toBe(true);
      pause.release();
      const text = await read;
      expect(text, `paused at ${at}`).toBe(await oneTransaction(db));
      const bundle = JSON.parse(text) as Bundle;
      expect(bundle.posts.map((p) => p.id)).toEqual(['p-b1', 'p-b3', 'p-b2', 'p-c1']);
      expect(bundle.codings.map((c) => c.id)).not.toContain('k-3');
      expect((bundle.journal ?? []).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it('stays consistent when more is written while what changed is read again in pieces', async () => {
    const db = await sampleDb();
    let writes = 0;
    const between = async (piece: string): Promise<void> => {
      // Three codings per pause: more than a piece, so each check round reads them again in pieces first.
      if ((piece === 'journal' || piece === 'check') && writes < 9) {
        for (let i = 0; i < 3; i++, writes++) await addCoding(db, { postId: 'p-b2', codeId: 'c-agree', coderId: 'coder-ben', start: writes % 4, end: 5, memo: '' }, deps());
      }
    };
    const text = await inPieces(db, { ...TINY, between });
    expect(writes).toBe(9);
    expect(text).toBe(await oneTransaction(db));
    expect((JSON.parse(text) as Bundle).codings).toHaveLength(5 + 9);
  });

  it('after its rounds, reads what is left in the check transaction itself', async () => {
    const db = await sampleDb();
    let writes = 0;
    const between = async (piece: string): Promise<void> => {
      if (piece === 'check' || (piece === 'journal' && writes === 0)) {
        for (let i = 0; i < 3; i++, writes++) await addCoding(db, { postId: 'p-b2', codeId: 'c-agree', coderId: 'coder-ana', start: writes % 4, end: 5, memo: '' }, deps());
      }
    };
    // Writes at every pause would never end in pieces: the last round reads them in one transaction.
    const text = await inPieces(db, { ...TINY, rounds: 1, between });
    expect(text).toBe(await oneTransaction(db));
    expect((JSON.parse(text) as Bundle).codings).toHaveLength(5 + writes);
  });

  it('refuses an empty project as the export does', async () => {
    const read = await projectBundleInPieces(freshDb(), HEAD, TINY);
    expect(read.ok).toBe(false);
  });
});

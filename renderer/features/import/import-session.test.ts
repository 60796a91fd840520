import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import { memorySource, type ByteSource } from '@shared/import/stream/byte-source';
import type { CsvMappingOverride } from '@shared/import/formats/csv-parser';
import { isCancelled } from '@shared/util/cancelled';

import type { ThreadmarkDB } from '../../db/database';
import { locatePosts, storedPlatformIds, writeImport } from '../../db/import-writer';
import { postsOfThreadInOrder } from '../../db/post-store';
import { ensureCoder } from '../../db/repositories/coders-repository';
import { setCurrentCoderId } from '../../db/repositories/settings-repository';
import { storedPostCount } from '../../db/testing/stored-posts';
import { freshDb, testClock, testIds } from '../../db/testing/test-support';
import type { ImportEvent } from './import-protocol';
import { ImportSession, projectName, type ImportSessionDeps } from './import-session';

const CSV = 'id,parent_id,author,created_at,text\n1,,ana,2024-05-01T10:00:00Z,Opening post\n2,1,ben,2024-05-01T10:05:00Z,A reply 👩‍👩‍👧\n3,9,cy,2024-05-01T10:06:00Z,Reply to a post not in the file\n';
const UNMAPPED = 'msg_id,user_name,body_text\n1,ana,hello there\n2,ben,and again\n';

let db: ThreadmarkDB | null = null;

/** A fresh database with Ada at the keyboard: every write (an import too) is made by a coder. */
async function projectDb(): Promise<ThreadmarkDB> {
  const database = freshDb();
  const ada = await ensureCoder(database, 'Ada', testIds('coder'));
  await setCurrentCoderId(database, ada.id);
  return database;
}
afterEach(async () => {
  await db?.delete();
  db = null;
});

/**
 * A session as the Worker drives it, recording what the dialog would be told: progress, each
 * step's outcome, and `cancelled` when a step ends in CancelledError. One Cancel for all steps.
 */
function recorded(deps: ImportSessionDeps) {
  const s = new ImportSession(deps);
  const events: ImportEvent[] = [];
  const abort = new AbortController();
  const options = { signal: abort.signal, progress: (e: ImportEvent) => events.push(e) };
  const step = async (work: Promise<ImportEvent>): Promise<void> => {
    try {
      events.push(await work);
    } catch (error) {
      if (!isCancelled(error)) throw error;
      events.push({ type: 'cancelled' });
    }
  };
  return {
    events,
    preview: (sources: ByteSource[], formatId: string | null, mapping: CsvMappingOverride | null) => step(s.preview(sources, formatId, mapping, options)),
    commit: () => step(s.commit(options)),
    cancel: () => abort.abort(),
  };
}

function session(database: ThreadmarkDB, failWrites = false) {
  const ids = testIds('imp');
  const clock = testClock();
  let ms = 0;
  const s = recorded({
    clock,
    ids,
    now: () => (ms += 100),
    target: {
      existingPosts: (platforms) => storedPlatformIds(database, platforms),
      locatePosts: (keys) => locatePosts(database, keys),
      write: (assembled, name, progress, signal) =>
        writeImport(database, assembled, { projectName: name, clock, ids }, (n) => {
          if (failWrites) throw new Error('disk full');
          progress(n);
        }, signal),
    },
  });
  const { events } = s;
  const last = () => events[events.length - 1];
  return { s, events, last };
}

describe('ImportSession: preview, then write in one transaction', () => {
  it('previews without writing, then writes threads and posts in reading order', async () => {
    db = await projectDb();
    const { s, last, events } = session(db);
    await s.preview([memorySource('posts.csv', CSV, 16)], null, null);
    expect(events.some((e) => e.type === 'progress' && e.phase === 'reading')).toBe(true);
    const preview = last();
    expect(preview).toMatchObject({
      type: 'preview',
      preview: { threads: 1, posts: 3, placeholders: 1, duplicates: 0, files: [{ name: 'posts.csv', formatId: 'csv', threads: 1, posts: 3 }] },
    });
    if (preview?.type !== 'preview') return;
    expect(preview.preview.warnings[0]).toMatchObject({ file: 'posts.csv', line: 4, field: 'parent' });
    expect(await storedPostCount(db)).toBe(0);

    await s.commit();
    expect(last()).toMatchObject({ type: 'committed', summary: { threads: 1, posts: 3, duplicates: 0, warningCount: 1 } });
    const [thread] = await db.threads.toArray();
    // The summary names the new threads, so the workspace can open the first.
    expect(last()).toMatchObject({ summary: { threadIds: [thread!.id] } });
    const posts = await postsOfThreadInOrder(db, thread!.id);
    expect(posts.map((p) => p.text)).toEqual(['Opening post', 'A reply 👩‍👩‍👧', expect.stringContaining('not in'), 'Reply to a post not in the file']);
    expect((await db.projects.toArray())[0]?.name).toBe('posts');
  });

  it('skips and counts posts already in the project on a second import', async () => {
    db = await projectDb();
    const first = session(db);
    await first.s.preview([memorySource('posts.csv', CSV)], null, null);
    await first.s.commit();
    const again = session(db);
    await again.s.preview([memorySource('posts.csv', CSV)], null, null);
    expect(again.last()).toMatchObject({ type: 'preview', preview: { posts: 0, duplicates: 3, files: [{ duplicates: 3, posts: 0 }] } });
  });

  it('joins replies to a thread imported earlier instead of starting a new one', async () => {
    db = await projectDb();
    const first = session(db);
    await first.s.preview([memorySource('day1.csv', 'id,parent_id,thread_id,text\n1,,1,Opening\n2,1,1,First reply\n')], null, null);
    await first.s.commit();
    const later = session(db);
    await later.s.preview([memorySource('day2.csv', 'id,parent_id,thread_id,text\n3,2,1,A late reply\n4,1,1,Another\n')], null, null);
    expect(later.last()).toMatchObject({ type: 'preview', preview: { threads: 0, joinedThreads: 1, posts: 2, placeholders: 0 } });
    await later.s.commit();
    const [thread] = await db.threads.toArray();
    const posts = await postsOfThreadInOrder(db, thread!.id);
    const id = (text: string) => posts.find((p) => p.text === text)!.id;
    expect(posts.map((p) => p.text).slice(0, 2)).toEqual(['Opening', 'First reply']);
    expect(posts.map((p) => p.text).slice(2).sort()).toEqual(['A late reply', 'Another']);
    expect(posts.find((p) => p.text === 'A late reply')!.parentId).toBe(id('First reply'));
    expect(posts.find((p) => p.text === 'Another')!.parentId).toBe(id('Opening'));
    expect(await db.threads.count()).toBe(1);
  });

  it('asks for the columns of a table whose text column it does not recognize, then uses them', async () => {
    db = await projectDb();
    const { s, last } = session(db);
    await s.preview([memorySource('survey.csv', UNMAPPED)], null, null);
    expect(last()).toMatchObject({
      type: 'needs-mapping',
      file: 'survey.csv',
      columns: ['msg_id', 'user_name', 'body_text'],
      sample: [['1', 'ana', 'hello there'], ['2', 'ben', 'and again']],
      guess: { text: null },
    });
    await s.preview([memorySource('survey.csv', UNMAPPED)], null, { text: 'body_text', id: 'msg_id', author: 'user_name' });
    expect(last()).toMatchObject({ type: 'preview', preview: { posts: 2 } });
  });

  it('refuses a whole import when one file is bad, naming file and line, and writes nothing', async () => {
    db = await projectDb();
    const { s, last } = session(db);
    await s.preview([memorySource('good.csv', CSV), memorySource('bad.csv', 'id,text\n1,"open\n')], null, null);
    expect(last()).toEqual({ type: 'failed', problems: [expect.objectContaining({ file: 'bad.csv', line: 2 })] });
    await s.commit();
    expect(await storedPostCount(db)).toBe(0);
  });

  it('a failure while writing rolls everything back', async () => {
    db = await projectDb();
    const { s, last } = session(db, true);
    await s.preview([memorySource('posts.csv', CSV)], null, null);
    await s.commit();
    expect(last()).toMatchObject({ type: 'failed', problems: [{ message: expect.stringContaining('rolled back (disk full)') }] });
    expect(await storedPostCount(db)).toBe(0);
    expect(await db.threads.count()).toBe(0);
    expect(await db.projects.count()).toBe(0);
  });

  it('a CSV whose row 50,001 of 60,000 is broken is refused naming its line, and what was stored stays as it was', async () => {
    db = await projectDb();
    const earlier = session(db);
    await earlier.s.preview([memorySource('posts.csv', CSV)], null, null);
    await earlier.s.commit();
    const before = await storedPostCount(db);
    const rows = Array.from({ length: 60_000 }, (_, i) => (i === 50_000 ? `${i + 100},"broken quote` : `${i + 100},row ${i}`));
    const { s, last } = session(db);
    await s.preview([memorySource('big.csv', `id,text\n${rows.join('\n')}\n`)], null, null);
    expect(last()).toEqual({ type: 'failed', problems: [expect.objectContaining({ file: 'big.csv', line: 50_002 })] });
    expect(await storedPostCount(db)).toBe(before);
    expect(await db.threads.count()).toBe(1);
  });

  it('a full disk is said in words, and nothing is written', async () => {
    db = await projectDb();
    const full = Object.assign(new Error('AbortError'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    const s = recorded({
      clock: testClock(),
      ids: testIds(),
      now: () => 0,
      target: { existingPosts: async () => ({ hasPost: () => false }), locatePosts: async () => new Map(), write: async () => Promise.reject(full) },
    });
    await s.preview([memorySource('posts.csv', CSV)], null, null);
    await s.commit();
    expect(s.events.at(-1)).toEqual({ type: 'failed', problems: [{ message: expect.stringContaining('not enough disk space') }] });
  });

  it('Cancel while writing aborts the transaction', async () => {
    db = await projectDb();
    const rows = Array.from({ length: 12_000 }, (_, i) => `${i + 2},1,u,2024-05-01T10:00:00Z,reply ${i}`).join('\n');
    const { s, last } = session(db);
    await s.preview([memorySource('big.csv', `${CSV.split('\n').slice(0, 2).join('\n')}\n${rows}\n`)], null, null);
    const committing = s.commit();
    s.cancel();
    await committing;
    expect(last()).toEqual({ type: 'cancelled' });
    expect(await storedPostCount(db)).toBe(0);
  });
});

describe('ImportSession: Cancel while reading', () => {
  it('ends the preview as cancelled, keeping nothing to commit', async () => {
    db = await projectDb();
    const rows = Array.from({ length: 5_000 }, (_, i) => `${i + 2},1,u,2024-05-01T10:00:00Z,reply ${i}`).join('\n');
    const { s, last, events } = session(db);
    const previewing = s.preview([memorySource('big.csv', `${CSV.split('\n').slice(0, 2).join('\n')}\n${rows}\n`, 1024)], null, null);
    s.cancel();
    await previewing;
    expect(last()).toEqual({ type: 'cancelled' });
    expect(events.some((e) => e.type === 'preview')).toBe(false);
  });
});

describe('projectName', () => {
  it('is the first file name without folders and extensions', () => {
    expect(projectName('data/askscience-2024.ndjson')).toBe('askscience-2024');
    expect(projectName('C:\\x\\tweets.js.txt')).toBe('tweets');
  });
});

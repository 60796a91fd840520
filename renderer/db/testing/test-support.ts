import 'fake-indexeddb/auto';

import type { Bundle } from '@shared/bundle/bundle';
import { EMPTY_CODE_FIELDS, type Code } from '@shared/model/records';
import type { Clock, IdSource } from '@shared/util/clock';

import { ThreadmarkDB } from '../database';
import type { Migration } from '../migrations';

let dbCount = 0;

/** A database no other test uses. */
export function freshDb(migrations?: readonly Migration[]): ThreadmarkDB {
  dbCount += 1;
  return new ThreadmarkDB(`threadmark-test-${dbCount}-${crypto.randomUUID()}`, migrations);
}

/** Starts at 2025-01-01T00:00:00Z and moves one second per call. */
export function testClock(): Clock {
  let t = Date.UTC(2025, 0, 1);
  return {
    now: () => {
      const iso = new Date(t).toISOString();
      t += 1000;
      return iso;
    },
  };
}

export function testIds(prefix = 'id'): IdSource {
  let n = 0;
  return { newId: () => `${prefix}-${++n}` };
}

export const APP = { name: 'Threadmark', version: '0.1.0-test' };

export const FAMILY_TEXT = 'I 👩‍👩‍👧 agree';

/**
 * A small project already in the order `exportBundle` writes, so export(import(b)) equals b:
 * threads by import time (ids deliberately in the opposite order), posts in reading order (p-b3
 * before p-b2: not id order), codes in tree order, coders by name, codings by post then start,
 * versions by creation time, the journal by seq.
 */
export function sampleBundle(): Bundle {
  return {
    format: 'threadmark',
    formatVersion: 3,
    exportedAt: '2025-02-01T00:00:00.000Z',
    app: APP,
    project: { id: 'project-1', name: 'Vaccine replies', createdAt: '2025-01-01T00:00:00.000Z' },
    threads: [
      {
        id: 't-b',
        title: 'First thread',
        platform: 'reddit',
        rootPostId: 'p-b1',
        importedAt: '2025-01-02T00:00:00.000Z',
        source: 'thread-b.json',
      },
      {
        id: 't-a',
        title: 'Second thread',
        platform: 'mastodon',
        rootPostId: 'p-a1',
        importedAt: '2025-01-03T00:00:00.000Z',
        source: 'thread-a.json',
      },
    ],
    posts: [
      post('p-b1', 't-b', null, FAMILY_TEXT),
      post('p-b3', 't-b', 'p-b1', 'Whatabout the other side?'),
      post('p-b2', 't-b', 'p-b1', 'Café — naïve'),
      post('p-a1', 't-a', null, 'Root of the second thread 🎉'),
    ],
    codes: [
      code('c-fallacy', 'Fallacy', null, 0),
      code('c-whatabout', 'Whataboutism', 'c-fallacy', 0),
      code('c-false-eq', 'False equivalence', 'c-fallacy', 1),
      code('c-deep', 'Deep child', 'c-false-eq', 0),
      code('c-agree', 'Agreement', null, 1),
    ],
    coders: [
      { id: 'coder-ana', name: 'Ana' },
      { id: 'coder-ben', name: 'Ben' },
    ],
    codings: [
      coding('k-1', 'p-b1', 'c-agree', 'coder-ana', 2, 7, '👩‍👩‍👧'),
      coding('k-2', 'p-b1', 'c-agree', 'coder-ben', 8, 13, 'agree'),
      coding('k-3', 'p-b3', 'c-whatabout', 'coder-ana', 0, 9, 'Whatabout'),
      coding('k-4', 'p-b2', 'c-deep', 'coder-ana', 0, 4, 'Café'),
      coding('k-5', 'p-a1', 'c-false-eq', 'coder-ben', 26, 27, '🎉'),
    ],
    journal: [
      {
        id: 'op-1',
        seq: 1,
        at: '2025-01-04T00:00:00.000Z',
        actorId: 'coder-ana',
        actorName: 'Ana',
        operation: 'code.add',
        summary: 'Added “Agreement”',
        changes: [{ table: 'codes', id: 'c-agree', before: null, after: code('c-agree', 'Agreement', null, 1) }],
        addedPosts: [],
        reverts: null,
      },
    ],
    codebookVersions: [
      {
        id: 'v-1',
        name: 'v1, sent to coders 12 March',
        createdAt: '2025-01-04T00:00:01.000Z',
        coderId: 'coder-ana',
        codes: [code('c-agree', 'Agreement', null, 0)],
      },
    ],
    assignments: [],
  };
}

function post(id: string, threadId: string, parentId: string | null, text: string): Bundle['posts'][number] {
  return {
    id,
    threadId,
    parentId,
    author: `author-${id}`,
    createdAt: '2024-12-31T12:00:00.000Z',
    text,
    platform: threadId === 't-a' ? 'mastodon' : 'reddit',
    platformId: `native-${id}`,
    url: null,
    meta: { score: 3, deleted: false, lang: 'en', flair: null },
  };
}

function code(id: string, name: string, parentId: string | null, order: number): Code {
  return { id, name, parentId, color: '#aa00cc', order, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [], definition: `${name} definition` };
}

function coding(
  id: string,
  postId: string,
  codeId: string,
  coderId: string,
  start: number,
  end: number,
  quote: string,
): Bundle['codings'][number] {
  return {
    id,
    postId,
    codeId,
    coderId,
    start,
    end,
    quote,
    memo: '',
    createdAt: '2025-01-05T00:00:00.000Z',
    updatedAt: '2025-01-05T00:00:00.000Z',
  };
}

/** Row counts of every table, for "nothing changed" assertions. */
export async function tableCounts(db: ThreadmarkDB): Promise<Record<string, number>> {
  const entries = await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const));
  return Object.fromEntries(entries);
}

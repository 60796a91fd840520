import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { planCoderLayer, type CoderLayerPlan } from '@shared/bundle/coder-layer-plan';
import { codingOn } from '@shared/bundle/fixtures.test-helpers';
import { validateBundle } from '@shared/bundle/validate';
import { EMPTY_CODE_FIELDS, type Code, type Post } from '@shared/model/records';

import demoBundle from '../../resources/demo/demo-project.threadmark.json';

import { exportBundle, importBundle } from './bundle-io';
import { applyCoderLayer, CoderLayerConflictError, readProjectSnapshot } from './coder-layer-import';
import type { ThreadmarkDB } from './database';
import { APP, freshDb, testClock, testIds } from './testing/test-support';
import { deleteStoredPost } from './testing/stored-posts';

function valid(input: unknown): Bundle {
  const result = validateBundle(input);
  if (!result.ok) throw new Error(`invalid test bundle: ${JSON.stringify(result.error)}`);
  return result.value;
}

const DEMO = valid(demoBundle as unknown);
const codeId = (name: string): string => {
  const found = DEMO.codes.find((c) => c.name === name);
  if (!found) throw new Error(`demo has no code ${name}`);
  return found.id;
};
const FALSE_EQ = codeId('False equivalence');
const HOSTILITY = codeId('Hostility');
const SOLIDARITY = codeId('Solidarity');

// Three replies nobody answers, so changing their ids breaks no reply chain.
const leaves = DEMO.posts.filter((p) => p.parentId !== null && !DEMO.posts.some((q) => q.parentId === p.id));
const [POST_A, POST_B, POST_C] = leaves as [Post, Post, Post, ...Post[]];
const EDITED_C = `${POST_C.text} (edited later)`;

/** The project everyone starts from: the demo, one post with a platform id, Ada's three codings. */
function projectBundle(): Bundle {
  const b = structuredClone(DEMO);
  b.posts = b.posts.map((p) => (p.id === POST_B.id ? { ...p, platform: 'reddit', platformId: 't1_b' } : p));
  b.coders = [{ id: 'coder-ada', name: 'Ada' }];
  b.codings = [
    codingOn(POST_A.text, 'ada-1', POST_A.id, FALSE_EQ, 'coder-ada', 0, 4),
    codingOn(POST_B.text, 'ada-2', POST_B.id, HOSTILITY, 'coder-ada', 0, 4),
    codingOn(POST_C.text, 'ada-3', POST_C.id, SOLIDARITY, 'coder-ada', 0, 4),
  ];
  return valid(b);
}

const code = (id: string, name: string, parentId: string | null, order: number): Code => ({ id, name, parentId, color: '#884400', order, ...EMPTY_CODE_FIELDS, definition: `${name}.` });

/**
 * Ben's file, made from the same demo on another machine: post B was re-imported (new id, same
 * platform id), post C's text differs, post D is his alone; "Hostility" has another GUID (same
 * path) and "Rhetoric > Irony" is new.
 */
function bensFile(): Bundle {
  const b = projectBundle();
  b.posts = b.posts.map((p) => (p.id === POST_B.id ? { ...p, id: 'ben-b' } : p.id === POST_C.id ? { ...p, text: EDITED_C } : p));
  b.posts.push({ ...POST_A, id: 'ben-d', parentId: POST_A.parentId, text: 'A reply only Ben has', platformId: null });
  b.codes = [
    ...b.codes.map((c) => (c.id === HOSTILITY ? { ...c, id: 'ben-hostility' } : c)),
    code('code-rhetoric', 'Rhetoric', null, 0),
    code('code-irony', 'Irony', 'code-rhetoric', 0),
  ];
  b.coders = [{ id: 'coder-ben', name: 'Ben' }];
  b.codings = [
    codingOn(POST_A.text, 'ben-1', POST_A.id, FALSE_EQ, 'coder-ben', 5, 10),
    codingOn(POST_B.text, 'ben-2', 'ben-b', 'ben-hostility', 'coder-ben', 0, 6),
    codingOn(POST_A.text, 'ben-3', POST_A.id, 'code-irony', 'coder-ben', 0, 3),
    codingOn(EDITED_C, 'ben-4', POST_C.id, SOLIDARITY, 'coder-ben', 0, 4),
    codingOn('A reply only Ben has', 'ben-5', 'ben-d', FALSE_EQ, 'coder-ben', 0, 7),
  ];
  return valid(b);
}

/** Ada's revised file from her laptop: her coder id differs there, one coding kept its id. */
function adasFile(): Bundle {
  const b = projectBundle();
  b.codes = [...b.codes, code('code-sarcasm', 'Sarcasm', null, 0)];
  b.coders = [{ id: 'ada-laptop', name: ' Ada ' }];
  b.codings = [
    { ...codingOn(POST_A.text, 'ada-1', POST_A.id, FALSE_EQ, 'ada-laptop', 0, 4), memo: 'revised' },
    codingOn(POST_C.text, 'ada-new', POST_C.id, 'code-sarcasm', 'ada-laptop', 2, 9),
  ];
  return valid(b);
}

let db: ThreadmarkDB;
beforeEach(async () => {
  db = freshDb();
  await importBundle(db, projectBundle());
});
afterEach(async () => {
  await db.delete();
});

const exportNow = () => exportBundle(db, { clock: testClock(), app: APP });
const planFor = async (file: Bundle): Promise<CoderLayerPlan> => planCoderLayer(await readProjectSnapshot(db), file, { ids: testIds('new') });
const none: ReadonlySet<string> = new Set();

async function expectUnchanged(run: () => Promise<unknown>, message: RegExp | typeof CoderLayerConflictError): Promise<void> {
  const before = await exportNow();
  await expect(run()).rejects.toThrow(message);
  expect(await exportNow()).toEqual(before);
}

describe('readProjectSnapshot', () => {
  it('reads posts cut to what matching needs, coding ids and per-coder counts', async () => {
    const snapshot = await readProjectSnapshot(db);
    expect(snapshot.posts).toHaveLength(DEMO.posts.length);
    expect(Object.keys(snapshot.posts[0] ?? {}).sort()).toEqual(['author', 'id', 'platform', 'platformId', 'text', 'threadId']);
    expect(snapshot.codes).toHaveLength(DEMO.codes.length);
    expect(snapshot.coders).toEqual([{ id: 'coder-ada', name: 'Ada' }]);
    expect(snapshot.codingIds).toEqual(new Set(['ada-1', 'ada-2', 'ada-3']));
    expect(snapshot.codingCountByCoder).toEqual(new Map([['coder-ada', 3]]));
  });
});

describe("adding a new coder's file", () => {
  it('plans exactly the matched, mismatched and unmatched outcomes', async () => {
    const plan = await planFor(bensFile());
    expect(plan.coders).toEqual([{ name: 'Ben', projectCoderId: 'coder-ben', isNew: true, existingCodings: 0, incomingCodings: 3 }]);
    expect(plan.mismatchedPosts).toEqual([{ incomingPostId: POST_C.id, projectPostId: POST_C.id, author: POST_C.author }]);
    expect(plan.unmatchedPosts).toBe(1);
    expect(plan.skipped).toEqual({ mismatchedPostCodings: 1, unmatchedPostCodings: 1 });
    // The demo's ten root codes have orders 0..9, so the new root comes after them.
    expect(plan.codesToAdd).toEqual([code('code-rhetoric', 'Rhetoric', null, 10), code('code-irony', 'Irony', 'code-rhetoric', 0)]);
    const thread = POST_A.threadId;
    expect(plan.codingsByCoder).toEqual(
      new Map([
        [
          'coder-ben',
          [
            { ...codingOn(POST_A.text, 'ben-1', POST_A.id, FALSE_EQ, 'coder-ben', 5, 10), threadId: thread },
            { ...codingOn(POST_B.text, 'ben-2', POST_B.id, HOSTILITY, 'coder-ben', 0, 6), threadId: thread },
            { ...codingOn(POST_A.text, 'ben-3', POST_A.id, 'code-irony', 'coder-ben', 0, 3), threadId: thread },
          ],
        ],
      ]),
    );
    expect(await planFor(bensFile())).toEqual(plan);
  });

  it("adds Ben's layer next to Ada's, and a second time changes nothing without a confirmation", async () => {
    const before = await exportNow();
    const plan = await planFor(bensFile());
    expect(await applyCoderLayer(db, plan, { replace: none })).toEqual({
      addedCodings: 3,
      replacedCodings: 0,
      addedCoders: 1,
      addedCodes: 2,
      keptCoders: [],
      skipped: { mismatchedPostCodings: 1, unmatchedPostCodings: 1 },
    });
    const after = await exportNow();
    expect(after.coders).toEqual([{ id: 'coder-ada', name: 'Ada' }, { id: 'coder-ben', name: 'Ben' }]);
    expect(after.codings.filter((c) => c.coderId === 'coder-ada')).toEqual(before.codings);
    expect(after.codings.filter((c) => c.coderId === 'coder-ben').map((c) => c.id).sort()).toEqual(['ben-1', 'ben-2', 'ben-3']);
    expect(after.codes.slice(-2)).toEqual(plan.codesToAdd);
    expect(after.posts).toEqual(before.posts);

    const again = await planFor(bensFile());
    expect(again.coders).toEqual([{ name: 'Ben', projectCoderId: 'coder-ben', isNew: false, existingCodings: 3, incomingCodings: 3 }]);
    expect(again.codesToAdd).toEqual([]);
    expect((await applyCoderLayer(db, again, { replace: none })).keptCoders).toEqual(['Ben']);
    expect(await exportNow()).toEqual(after);
  });
});

describe("a file for a coder already present (Ada's revision)", () => {
  it('is planned as her existing layer under her project id', async () => {
    const plan = await planFor(adasFile());
    expect(plan.coders).toEqual([{ name: 'Ada', projectCoderId: 'coder-ada', isNew: false, existingCodings: 3, incomingCodings: 2 }]);
    // ada-1 is still stored (it may be kept), so its revision needs a new id.
    expect(plan.codingsByCoder.get('coder-ada')?.map((c) => c.id)).toEqual(['new-1', 'ada-new']);
  });

  it('without confirmation changes nothing at all, not even the new code', async () => {
    const before = await exportNow();
    const summary = await applyCoderLayer(db, await planFor(adasFile()), { replace: none });
    expect(summary).toEqual({
      addedCodings: 0,
      replacedCodings: 0,
      addedCoders: 0,
      addedCodes: 0,
      keptCoders: ['Ada'],
      skipped: { mismatchedPostCodings: 0, unmatchedPostCodings: 0 },
    });
    expect(await exportNow()).toEqual(before);
  });

  it('with confirmation replaces her codings and reports how many were deleted', async () => {
    const summary = await applyCoderLayer(db, await planFor(adasFile()), { replace: new Set(['coder-ada']) });
    expect(summary).toMatchObject({ addedCodings: 2, replacedCodings: 3, addedCoders: 0, addedCodes: 1, keptCoders: [] });
    const after = await exportNow();
    expect(after.codings.map((c) => [c.id, c.coderId, c.memo]).sort()).toEqual([
      ['ada-new', 'coder-ada', ''],
      ['new-1', 'coder-ada', 'revised'],
    ]);
    expect(after.coders).toEqual([{ id: 'coder-ada', name: 'Ada' }]);
    expect(after.codes.some((c) => c.id === 'code-sarcasm')).toBe(true);
  });

  it('takes her replaced codings out of the exemplars they were', async () => {
    await db.codes.update(FALSE_EQ, { exemplarCodingIds: ['ada-1'] });
    await applyCoderLayer(db, await planFor(adasFile()), { replace: new Set(['coder-ada']) });
    expect((await db.codes.get(FALSE_EQ))?.exemplarCodingIds).toEqual([]);
  });
});

describe('all or nothing', () => {
  it('rolls back the deletion when a later write fails', async () => {
    const plan = await planFor(adasFile());
    for (const table of [db.codes, db.codings]) {
      const fail = () => {
        throw new Error('injected failure');
      };
      table.hook('creating', fail);
      await expectUnchanged(() => applyCoderLayer(db, plan, { replace: new Set(['coder-ada']) }), /injected failure/);
      table.hook('creating').unsubscribe(fail);
    }
  });

  it('refuses when a referenced post was deleted after planning', async () => {
    const plan = await planFor(bensFile());
    await deleteStoredPost(db, POST_A.id);
    await expectUnchanged(() => applyCoderLayer(db, plan, { replace: none }), CoderLayerConflictError);
    await expect(applyCoderLayer(db, plan, { replace: none })).rejects.toThrow(new RegExp(`post ${POST_A.id} is no longer in the project`));
  });

  it('refuses when a referenced code was deleted after planning', async () => {
    const plan = await planFor(bensFile());
    await db.codes.delete(HOSTILITY);
    await expectUnchanged(() => applyCoderLayer(db, plan, { replace: none }), new RegExp(`code ${HOSTILITY} is no longer in the project`));
  });

  it('refuses when a code the layer uses became category-only after planning', async () => {
    const plan = await planFor(bensFile());
    await db.codes.update(HOSTILITY, { codable: false });
    await expectUnchanged(() => applyCoderLayer(db, plan, { replace: none }), /code "Hostility" is a category in this project/);
  });

  it('refuses a replacement when the coder coded more after the confirmation', async () => {
    const plan = await planFor(adasFile());
    await db.codings.add({ ...codingOn(POST_B.text, 'ada-4', POST_B.id, FALSE_EQ, 'coder-ada', 5, 9), threadId: POST_B.threadId });
    await expectUnchanged(() => applyCoderLayer(db, plan, { replace: new Set(['coder-ada']) }), /"Ada" now has 4 codings, not the 3 confirmed/);
  });

  it('refuses to add a coder someone else added under that name meanwhile', async () => {
    const plan = await planFor(bensFile());
    await db.coders.add({ id: 'other-ben', name: 'Ben' });
    await expectUnchanged(() => applyCoderLayer(db, plan, { replace: none }), /coder "Ben" was added meanwhile/);
  });
});

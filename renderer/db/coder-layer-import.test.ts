import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import type { CoderLayerPlan } from '@shared/bundle/coder-layer-plan';
import { codingOn } from '@shared/bundle/fixtures.test-helpers';
import { validateBundle } from '@shared/bundle/validate';
import { EMPTY_CODE_FIELDS, type Code, type Coding, type Post } from '@shared/model/records';
import { readLayerSnapshot } from '@shared/project/operations/coder-layer';
import { teamCoderId } from '@shared/sync/names';

import demoBundle from '../../resources/demo/demo-project.threadmark.json';

import { exportBundle, importBundle } from './bundle-io';
import { applyCoderLayer, planCoderFile } from './coder-layer-import';
import type { ThreadmarkDB } from './database';
import { storeOf } from './project-store';
import { addCoding, removeCoding, revertJournalEntry } from './repositories/codings-repository';
import { setCurrentCoderId } from './repositories/settings-repository';
import { saveConnection } from './sync-state';
import { deleteCode, setExemplar, updateCode } from './testing/codebook-ops';
import { APP, freshDb, tableCounts, testClock, testIds } from './testing/test-support';
import { deleteStoredPost, storedPostCount } from './testing/stored-posts';

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

/** When the project was opened: its records carry this `updatedAt`. */
const OPENED_AT = '2024-12-31T00:00:00.000Z';

let db: ThreadmarkDB;
/** The clock of the writes under test (00:00, 00:01, … on 1 January 2025) and their ids new-1, new-2, … */
let deps: { clock: ReturnType<typeof testClock>; ids: ReturnType<typeof testIds> };

/** The project opened, with Ada at the keyboard (who adds coder files). */
beforeEach(async () => {
  db = freshDb();
  await importBundle(db, projectBundle(), { clock: { now: () => OPENED_AT }, ids: testIds('open') });
  await setCurrentCoderId(db, 'coder-ada');
  deps = { clock: testClock(), ids: testIds('new') };
});
afterEach(async () => {
  await db.delete();
});

const exportNow = () => exportBundle(db, { clock: testClock(), app: APP });
/** The preview, drawing ids as the write will (the write draws its entry's id after the plan's). */
const planFor = (file: Bundle): Promise<CoderLayerPlan> => planCoderFile(db, file, testIds('new'));
const none: ReadonlySet<string> = new Set();
const addLayer = (file: Bundle, replace: ReadonlySet<string> = none, source = 'coder.threadmark.json') => applyCoderLayer(db, file, source, replace, deps);

/** Every coding points at a stored post (in its thread), a stored codable code and a stored coder. */
async function expectNothingOrphaned(): Promise<void> {
  const bundle = await exportNow();
  const posts = new Map(bundle.posts.map((p) => [p.id, p]));
  const codes = new Map(bundle.codes.map((c) => [c.id, c]));
  const coders = new Set(bundle.coders.map((c) => c.id));
  const stored: Coding[] = await db.codings.toArray();
  for (const coding of stored) {
    expect(posts.get(coding.postId)?.threadId, `post of ${coding.id}`).toBe(coding.threadId);
    expect(codes.get(coding.codeId)?.codable, `code of ${coding.id}`).toBe(true);
    expect(coders.has(coding.coderId), `coder of ${coding.id}`).toBe(true);
  }
  for (const code of bundle.codes) if (code.parentId !== null) expect(codes.has(code.parentId), `parent of ${code.id}`).toBe(true);
}

async function expectUnchanged(run: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = await exportNow();
  const counts = await tableCounts(db);
  await expect(run()).rejects.toThrow(message);
  expect(await exportNow()).toEqual(before);
  expect(await tableCounts(db)).toEqual(counts);
}

describe('the snapshot the plan reads (through the Dexie store)', () => {
  it('reads posts cut to what matching needs, coding ids and per-coder counts', async () => {
    const snapshot = await storeOf(db).read((reader) => readLayerSnapshot(reader));
    expect(snapshot.posts).toHaveLength(DEMO.posts.length);
    expect(Object.keys(snapshot.posts[0] ?? {}).sort()).toEqual(['author', 'id', 'platform', 'platformId', 'text', 'threadId']);
    expect(snapshot.codes).toHaveLength(DEMO.codes.length);
    expect(snapshot.coders).toEqual([{ id: 'coder-ada', name: 'Ada', updatedAt: OPENED_AT }]);
    expect(snapshot.codingIds).toEqual(new Set(['ada-1', 'ada-2', 'ada-3']));
    expect(snapshot.codingCountByCoder).toEqual(new Map([['coder-ada', 3]]));
  });
});

describe("adding a new coder's file", () => {
  it('plans exactly the matched, mismatched and unmatched outcomes, writing nothing', async () => {
    const counts = await tableCounts(db);
    const plan = await planFor(bensFile());
    expect(await tableCounts(db)).toEqual(counts);
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

  it("adds Ben's layer next to Ada's as one journal entry, and a second time changes nothing without a confirmation", async () => {
    const before = await exportNow();
    const plan = await planFor(bensFile());
    const added = await addLayer(bensFile(), none, 'ben.threadmark.json');
    expect(added).toEqual({
      summary: {
        addedCodings: 3,
        replacedCodings: 0,
        addedCoders: 1,
        addedCodes: 2,
        keptCoders: [],
        skipped: { mismatchedPostCodings: 1, unmatchedPostCodings: 1 },
        memos: 0,
        relations: 0,
      },
      entryId: expect.any(String),
    });
    const at = '2025-01-01T00:00:00.000Z';
    // The journal's latest entry: the whole layer as one step.
    expect(await db.journal.orderBy('seq').last()).toMatchObject({ id: added.entryId, operation: 'coders.add-layer', actorId: 'coder-ada', at, summary: 'Added Ben\'s codings from “ben.threadmark.json” (3)' });
    const after = await exportNow();
    expect(after.coders).toEqual([before.coders[0], { id: 'coder-ben', name: 'Ben', updatedAt: at }]);
    expect(after.codings.filter((c) => c.coderId === 'coder-ada')).toEqual(before.codings);
    expect(after.codings.filter((c) => c.coderId === 'coder-ben').map((c) => c.id).sort()).toEqual(['ben-1', 'ben-2', 'ben-3']);
    expect(after.codes.slice(-2)).toEqual(plan.codesToAdd.map((c) => ({ ...c, updatedAt: at })));
    expect(after.posts).toEqual(before.posts);
    await expectNothingOrphaned();

    const again = await planFor(bensFile());
    expect(again.coders).toEqual([{ name: 'Ben', projectCoderId: 'coder-ben', isNew: false, existingCodings: 3, incomingCodings: 3 }]);
    expect(again.codesToAdd).toEqual([]);
    const second = await addLayer(bensFile());
    expect(second.summary.keptCoders).toEqual(['Ben']);
    expect(second.entryId).toBeNull();
    expect(await exportNow()).toEqual(after);
  });

  it('is undone as a whole: Ben, his codes and his codings go, Ada’s work stays as it was', async () => {
    const before = await exportNow();
    const { entryId } = await addLayer(bensFile());
    const undo = await revertJournalEntry(db, entryId!, 'undo', deps);
    const after = await exportNow();
    const [layer, undone] = after.journal!.slice(-2);
    expect(undone).toMatchObject({ id: undo, operation: 'revert', reverts: entryId });
    expect(after).toEqual({ ...before, journal: [...before.journal!, layer, undone] });
  });
});

describe("a file for a coder already present (Ada's revision)", () => {
  it('is planned as her existing layer under her project id', async () => {
    const plan = await planFor(adasFile());
    expect(plan.coders).toEqual([{ name: 'Ada', projectCoderId: 'coder-ada', isNew: false, existingCodings: 3, incomingCodings: 2 }]);
    // ada-1 is still stored (it may be kept), so its revision needs a new id.
    expect(plan.codingsByCoder.get('coder-ada')?.map((c) => c.id)).toEqual(['new-1', 'ada-new']);
  });

  it('without confirmation changes nothing at all, not even the new code, and journals nothing', async () => {
    const before = await exportNow();
    const result = await addLayer(adasFile());
    expect(result).toEqual({
      summary: {
        addedCodings: 0,
        replacedCodings: 0,
        addedCoders: 0,
        addedCodes: 0,
        keptCoders: ['Ada'],
        skipped: { mismatchedPostCodings: 0, unmatchedPostCodings: 0 },
        memos: 0,
        relations: 0,
      },
      entryId: null,
    });
    expect(await exportNow()).toEqual(before);
  });

  it('with confirmation replaces her codings (the ids the preview showed) and reports how many were deleted', async () => {
    const preview = await planFor(adasFile());
    const { summary } = await addLayer(adasFile(), new Set(['coder-ada']));
    expect(summary).toMatchObject({ addedCodings: 2, replacedCodings: 3, addedCoders: 0, addedCodes: 1, keptCoders: [] });
    const after = await exportNow();
    expect(after.codings.map((c) => [c.id, c.coderId, c.memo]).sort()).toEqual([
      ['ada-new', 'coder-ada', ''],
      ['new-1', 'coder-ada', 'revised'],
    ]);
    expect(after.codings.map((c) => c.id).sort()).toEqual(preview.codingsByCoder.get('coder-ada')!.map((c) => c.id).sort());
    expect(after.coders.map((c) => [c.id, c.name])).toEqual([['coder-ada', 'Ada']]);
    expect(after.codes.some((c) => c.id === 'code-sarcasm')).toBe(true);
    await expectNothingOrphaned();
  });

  it('takes her replaced codings out of the exemplars they were', async () => {
    await setExemplar(db, 'ada-1', true, deps);
    await addLayer(adasFile(), new Set(['coder-ada']));
    expect((await db.codes.get(FALSE_EQ))?.exemplarCodingIds).toEqual([]);
  });
});

describe('all or nothing', () => {
  it('rolls back the deletion when a later write fails', async () => {
    for (const table of [db.codes, db.codings, db.journal]) {
      const fail = () => {
        throw new Error('injected failure');
      };
      table.hook('creating', fail);
      await expectUnchanged(() => addLayer(adasFile(), new Set(['coder-ada'])), /injected failure/);
      table.hook('creating').unsubscribe(fail);
    }
  });
});

/**
 * The write plans again inside its transaction, so a project changed after the preview (in another
 * window, say) is planned against as it is now: whatever is written fits the project, and what the
 * project's rules forbid is refused whole.
 */
describe('a project changed after the preview', () => {
  it('leaves out the codings on a post that was removed meanwhile, adding the rest', async () => {
    const preview = await planFor(bensFile());
    expect(preview.codingsByCoder.get('coder-ben')).toHaveLength(3);
    await deleteStoredPost(db, POST_A.id);
    const posts = await storedPostCount(db);
    const { summary } = await addLayer(bensFile());
    // ben-1 and ben-3 were on post A: now unmatched, so Irony (only ben-3 used it) is not added either.
    expect(summary).toMatchObject({ addedCodings: 1, addedCodes: 0, addedCoders: 1, skipped: { mismatchedPostCodings: 1, unmatchedPostCodings: 3 } });
    expect((await db.codings.where('coderId').equals('coder-ben').toArray()).map((c) => c.id)).toEqual(['ben-2']);
    expect(await db.codes.get('code-irony')).toBeUndefined();
    expect(await storedPostCount(db)).toBe(posts);
  });

  it('adds the code a coding needs again when the project deleted it meanwhile', async () => {
    await planFor(bensFile());
    // Deleting "Hostility" deletes Ada's coding with it.
    await deleteCode(db, HOSTILITY, deps);
    const { summary } = await addLayer(bensFile());
    expect(summary).toMatchObject({ addedCodings: 3, addedCodes: 3 });
    const hostility = await db.codes.get((await db.codings.get('ben-2'))!.codeId);
    expect(hostility).toMatchObject({ id: 'ben-hostility', name: 'Hostility', codable: true });
    await expectNothingOrphaned();
  });

  it('is refused whole when a code the layer uses became category-only meanwhile', async () => {
    await planFor(bensFile());
    // Ada's only Hostility coding goes, so the code may become a category.
    await removeCoding(db, 'ada-2', deps);
    await updateCode(db, HOSTILITY, { codable: false }, deps);
    await expectUnchanged(() => addLayer(bensFile()), /^coding ben-2 codeId: “Hostility” is category-only: nothing can be coded with it\. Nothing was changed\.$/);
  });

  it('matches Ben by name to the coder of that name added meanwhile, and changes nothing without a confirmation: one Ben', async () => {
    const preview = await planFor(bensFile());
    expect(preview.coders[0]).toMatchObject({ name: 'Ben', isNew: true });
    await db.coders.add({ id: 'other-ben', name: 'Ben' });
    const before = await exportNow();
    const { summary, entryId } = await addLayer(bensFile());
    // Ben is a coder already present now: kept unless his replacement is confirmed.
    expect(summary).toMatchObject({ addedCodings: 0, addedCoders: 0, keptCoders: ['Ben'] });
    expect(entryId).toBeNull();
    expect(await exportNow()).toEqual(before);
    expect((await db.coders.toArray()).filter((c) => c.name === 'Ben')).toEqual([{ id: 'other-ben', name: 'Ben' }]);
  });

  it('refuses a replacement when the coder coded more after the preview, changing nothing', async () => {
    const preview = await planFor(adasFile());
    expect(preview.coders[0]?.existingCodings).toBe(3);
    await addCoding(db, { postId: POST_B.id, codeId: FALSE_EQ, coderId: 'coder-ada', start: 5, end: 9, memo: '' }, deps);
    const before = await exportNow();
    await expect(applyCoderLayer(db, adasFile(), 'ada.threadmark.json', new Set(['coder-ada']), deps, new Map([['coder-ada', 3]]))).rejects.toThrow(
      'coder “Ada” codings: now has 4 codings, not the 3 confirmed for replacement: add the file again to see what would change. Nothing was changed.',
    );
    expect(await exportNow()).toEqual(before);
  });

  it('without shown counts replaces every coding the coder has now, and the journal keeps them all', async () => {
    const { coding: later } = await addCoding(db, { postId: POST_B.id, codeId: FALSE_EQ, coderId: 'coder-ada', start: 5, end: 9, memo: '' }, deps);
    const before = await exportNow();
    const { summary, entryId } = await addLayer(adasFile(), new Set(['coder-ada']));
    expect(summary).toMatchObject({ replacedCodings: 4, addedCodings: 2 });
    expect(await db.codings.get(later.id)).toBeUndefined();
    const removed = (await db.journal.get(entryId!))!.changes.filter((c) => c.table === 'codings' && c.after === null).map((c) => c.id);
    expect(removed.sort()).toEqual(['ada-1', 'ada-2', 'ada-3', later.id].sort());
    // Undoing the layer brings every one of them back.
    await revertJournalEntry(db, entryId!, 'undo', deps);
    const undone = await exportNow();
    expect(undone.codings.map((c) => c.id)).toEqual(before.codings.map((c) => c.id));
  });
});

describe('a coder file added to a project connected to a team server', () => {
  const connect = () => saveConnection(db, { serverUrl: 'http://127.0.0.1:5984', projectKey: 'fallacies', user: 'ada', lead: true, connectedAt: OPENED_AT });
  /** Ben's file from his laptop: there he is coder `ben-laptop`. */
  const bensLaptopFile = (): Bundle => {
    const b = bensFile();
    b.coders = [{ id: 'ben-laptop', name: 'Ben' }];
    b.codings = b.codings.map((c) => ({ ...c, coderId: 'ben-laptop' }));
    return valid(b);
  };

  it('gives a new coder the team id of his name, in the preview and in every record written: one Ben on the server', async () => {
    await connect();
    const preview = await planFor(bensLaptopFile());
    expect(preview.coders.map((c) => [c.name, c.projectCoderId, c.isNew])).toEqual([['Ben', teamCoderId('Ben'), true]]);
    const { summary } = await addLayer(bensLaptopFile());
    expect(summary.addedCoders).toBe(1);
    expect(await db.coders.get(teamCoderId('Ben'))).toMatchObject({ id: teamCoderId('Ben'), name: 'Ben' });
    expect(await db.coders.get('ben-laptop')).toBeUndefined();
    const bens = (await db.codings.toArray()).filter((c) => c.id.startsWith('ben-'));
    expect(bens.length).toBe(summary.addedCodings);
    expect(new Set(bens.map((c) => c.coderId))).toEqual(new Set([teamCoderId('Ben')]));
    expect((await db.assignments.toArray()).map((a) => a.coderId)).toEqual([teamCoderId('Ben')]);
    await expectNothingOrphaned();
  });

  it('takes a file coder whose name differs only in case as the team member already there, kept unless replaced', async () => {
    await connect();
    await db.coders.add({ id: teamCoderId('Ben'), name: 'Ben' });
    const file = bensLaptopFile();
    file.coders = [{ id: 'ben-laptop', name: 'BEN' }];
    const preview = await planFor(valid(file));
    expect(preview.coders.map((c) => [c.name, c.projectCoderId, c.isNew])).toEqual([['Ben', teamCoderId('Ben'), false]]);
    const before = await exportNow();
    const kept = await addLayer(valid(file));
    expect(kept.summary).toMatchObject({ addedCoders: 0, addedCodings: 0, keptCoders: ['Ben'] });
    expect(await exportNow()).toEqual(before);
    const replaced = await addLayer(valid(file), new Set([teamCoderId('Ben')]));
    expect(replaced.summary.addedCodings).toBeGreaterThan(0);
    expect((await db.coders.toArray()).map((c) => c.id).sort()).toEqual(['coder-ada', teamCoderId('Ben')]);
  });

  it('keeps the file’s coder id in a project that is not connected', async () => {
    await addLayer(bensLaptopFile());
    expect(await db.coders.get('ben-laptop')).toMatchObject({ id: 'ben-laptop', name: 'Ben' });
  });
});

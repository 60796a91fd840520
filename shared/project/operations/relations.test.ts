import { describe, expect, it } from 'vitest';

import { serializeBundle } from '../../bundle/serialize';
import { parseBundleText } from '../../bundle/validate';
import type { Relation } from '../../model/records';
import { bundleFromStore, storeFromBundle } from '../bundle-store';
import { checkChangeSet } from '../check-change-set';
import { applied, post, runner, smallProject } from '../testing/core-fixtures.test-helpers';
import { addRelation, defineRelationCode, deleteRelationCode, editRelationCode, moveRelationCode, removeRelation, setRelationMemo } from './relations';
import { revertEntry } from './revert';
import { deleteThread } from './threads';

const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

async function project() {
  const store = smallProject();
  const run = runner(store);
  const deflects = applied(await run(defineRelationCode, { name: '  deflects   to ', definition: 'Points at another issue.' })).result;
  return { store, run, deflects };
}

const relations = (store: ReturnType<typeof smallProject>) => store.read((r) => r.relations());

describe('relation codebook', () => {
  it('defines codes with a normalized name, the next palette colour and order; refuses an empty or twin name', async () => {
    const { store, run, deflects } = await project();
    expect(deflects).toMatchObject({ name: 'deflects to', definition: 'Points at another issue.', color: '#882255', order: 0 });
    const equates = applied(await run(defineRelationCode, { name: 'equates with' })).result;
    expect(equates).toMatchObject({ color: '#117733', order: 1 });
    const refused = await Promise.all([run(defineRelationCode, { name: '  ' }), run(defineRelationCode, { name: 'Deflects To' }), run(defineRelationCode, { name: 'x', color: 'red' })]);
    expect(refused.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual(['a relation code needs a name', 'there is already a relation code “deflects to”', 'expected a colour written "#rrggbb", got "red"']);
    expect((await store.read((r) => r.relationCodes())).map((c) => c.name).sort()).toEqual(['deflects to', 'equates with']);
  });

  it('edits, moves, and deletes a code with its relations; undo brings both back', async () => {
    const { store, run, deflects } = await project();
    const renamed = applied(await run(editRelationCode, { relationCodeId: deflects.id, name: 'deflects onto', color: '#000000' }));
    expect(renamed.summary).toBe('Renamed the relation code “deflects to” to “deflects onto”');
    const second = applied(await run(defineRelationCode, { name: 'answers' })).result;
    applied(await run(moveRelationCode, { relationCodeId: second.id, by: -1 }));
    expect((await store.read((r) => r.relationCodes())).sort((a, b) => a.order - b.order).map((c) => c.name)).toEqual(['answers', 'deflects onto']);

    applied(await run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-2' }, to: { postId: 'p-1' } }));
    const deleted = applied(await run(deleteRelationCode, { relationCodeId: deflects.id }));
    expect(deleted.summary).toBe('Deleted the relation code “deflects onto” with its 1 relation');
    expect(await relations(store)).toEqual([]);
    applied(await run(revertEntry, { entryId: deleted.entry!.id, verb: 'undo' }));
    expect((await relations(store)).map((r) => r.relationCodeId)).toEqual([deflects.id]);
  });
});

describe('relations', () => {
  it('relates a reply to an earlier post and two spans across posts, with quotes in code points', async () => {
    const { store, run, deflects } = await project();
    const whole = applied(await run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-3' }, to: { postId: 'p-1' } }));
    expect(whole.summary).toBe('Related author of p-3’s post to author of p-1’s post as “deflects to”');
    // p-2 is "What about 👩‍👩‍👧 families?": the family emoji is 5 code points.
    const spans = applied(await run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-2', start: 11, end: 16 }, to: { postId: 'p-1', start: 0, end: 3 }, memo: 'classic' }));
    expect(spans.result).toMatchObject({ threadId: 't-1', coderId: 'coder-ada', from: { postId: 'p-2', start: 11, end: 16, quote: '👩‍👩‍👧' }, to: { quote: 'Men' }, memo: 'classic' });
    // The same relation again changes nothing.
    expect(applied(await run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-3' }, to: { postId: 'p-1' } })).entry).toBeNull();
    expect(await relations(store)).toHaveLength(2);
  });

  it('refuses a missing code or post, a span that does not fit, the same post twice, a post of another thread', async () => {
    const { store, run, deflects } = await project();
    await store.transact((tx) =>
      tx.apply(
        { threads: [{ before: null, after: { id: 't-2', title: 'Other', platform: 'reddit', rootPostId: 'q-1', importedAt: '2025-01-01T00:00:00.000Z', source: 'x' } }], posts: [{ before: null, after: post('q-1', 'Elsewhere', null, 't-2') }] },
        { id: 'e-t2', seq: 2, at: '2025-01-01T00:00:00.000Z', actorId: 'coder-ada', actorName: 'Ada', operation: 'test', summary: 'test', changes: [], addedPosts: [], reverts: null },
      ),
    );
    const tries = await Promise.all([
      run(addRelation, { relationCodeId: 'nope', from: { postId: 'p-2' }, to: { postId: 'p-1' } }),
      run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-9' }, to: { postId: 'p-1' } }),
      run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-2', start: 5, end: 99 }, to: { postId: 'p-1' } }),
      run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-2' }, to: { postId: 'p-2', start: 0, end: 1 } }),
      run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-2' }, to: { postId: 'q-1' } }),
    ]);
    expect(tries.map((r) => (r.ok ? 'ok' : `${r.error.record}: ${r.error.message}`))).toEqual([
      'relation code nope: the relation code does not exist',
      'post p-9: the post does not exist',
      'post p-2: the span 5–99 does not fit the post (length 26; need 0 ≤ start < end ≤ length)',
      'post p-2: a relation links two different posts: choose another post as its target',
      'post q-1: the post is in another thread: both ends of a relation are posts of one thread',
    ]);
    expect(await relations(store)).toEqual([]);
  });

  it('sets and clears a memo, removes a relation, and every step reverts', async () => {
    const { store, run, deflects } = await project();
    const added = applied(await run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-3' }, to: { postId: 'p-2' } }));
    const memo = applied(await run(setRelationMemo, { relationId: added.result.id, memo: 'Turns it\r\naround' }));
    expect(memo.result.memo).toBe('Turns it\naround');
    const removed = applied(await run(removeRelation, { relationId: added.result.id }));
    expect(await relations(store)).toEqual([]);
    applied(await run(revertEntry, { entryId: removed.entry!.id, verb: 'undo' }));
    expect((await relations(store))[0]!.memo).toBe('Turns it\naround');
    applied(await run(revertEntry, { entryId: memo.entry!.id, verb: 'revert' }));
    expect((await relations(store))[0]!.memo).toBe('');
  });

  it('goes with its thread when the thread is deleted, and comes back on undo', async () => {
    const { store, run, deflects } = await project();
    applied(await run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-3' }, to: { postId: 'p-1' } }));
    const gone = applied(await run(deleteThread, { threadId: 't-1' }));
    expect(await relations(store)).toEqual([]);
    applied(await run(revertEntry, { entryId: gone.entry!.id, verb: 'undo' }));
    expect(await relations(store)).toHaveLength(1);
  });

  it('is refused by the rules when a change would leave a relation on a removed post, code or coder, or a quote that does not match', async () => {
    const { store, run, deflects } = await project();
    const rel = applied(await run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-3', start: 0, end: 4 }, to: { postId: 'p-1' } })).result;
    const problems = await store.read(async (reader) => {
      const p1 = (await reader.posts(['p-1'])).get('p-1')!;
      const code = (await reader.relationCodes())[0]!;
      const bad: Relation = { ...rel, id: 'r-bad', from: { ...rel.from, quote: 'Nope' } };
      return Promise.all([
        checkChangeSet(reader, { posts: [{ before: p1, after: null }] }),
        checkChangeSet(reader, { relationCodes: [{ before: code, after: null }] }),
        checkChangeSet(reader, { coders: [{ before: { id: 'coder-ada', name: 'Ada' }, after: null }] }),
        checkChangeSet(reader, { relations: [{ before: null, after: bad }] }),
        checkChangeSet(reader, { relations: [{ before: null, after: { ...rel, id: 'r-2', threadId: 't-9' } }] }),
      ]);
    });
    expect(problems.map((p) => p && `${p.field}: ${p.message}`)).toEqual([
      'to.postId: cannot remove post p-1: a relation still links it (a later change depends on it)',
      `relationCodeId: cannot delete relation code ${deflects.id}: a relation still uses it (a later change depends on it)`,
      // The coder still has no codings, so the relation is what holds them.
      'coderId: cannot remove coder coder-ada: a relation of theirs remains (a later change depends on it)',
      'from.quote: the quote does not match the text of post p-3 at 0–4',
      'from.postId: post p-3 is in thread t-1, not t-9: both ends must be in the relation\'s thread',
    ]);
  });

  it('round-trips through a bundle, which is checked like the core; a project without relations writes no relation arrays', async () => {
    const plain = await bundleFromStore(smallProject(), HEAD);
    expect(plain.ok && serializeBundle(plain.value)).not.toContain('relation');

    const { store, run, deflects } = await project();
    applied(await run(addRelation, { relationCodeId: deflects.id, from: { postId: 'p-2', start: 0, end: 4 }, to: { postId: 'p-1' } }));
    const bundle = await bundleFromStore(store, HEAD);
    if (!bundle.ok) throw new Error(bundle.error.message);
    const text = serializeBundle(bundle.value);
    const parsed = parseBundleText(text);
    if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join('\n'));
    const again = await bundleFromStore(storeFromBundle(parsed.value), HEAD);
    expect(again.ok && serializeBundle(again.value)).toBe(text);

    const json = JSON.parse(text) as { relations: Array<Record<string, unknown>>; relationCodes: Array<Record<string, unknown>> };
    json.relations[0]!.from = { postId: 'p-2', start: 0, end: 4, quote: 'Whut' };
    json.relations.push({ ...json.relations[0]!, id: 'r-x', relationCodeId: 'missing', from: { postId: 'p-2' } });
    json.relationCodes.push({ ...json.relationCodes[0]!, id: 'rc-twin' });
    const problems = parseBundleText(JSON.stringify(json));
    expect(problems.ok ? [] : problems.error.map((p) => `${p.record} ${p.field}: ${p.message}`)).toEqual([
      `relationCodes[1] (id "rc-twin") name: relation code “deflects to” is defined twice (also relation code "${deflects.id}")`,
      `relations[0] (id "${json.relations[0]!.id as string}") from.quote: the quote does not match the text of post p-2 at 0–4`,
      'relations[1] (id "r-x") relationCodeId: relation code missing does not exist',
    ]);
  });
});

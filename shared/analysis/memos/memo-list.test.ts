import { describe, expect, it } from 'vitest';

import { memosCsv } from '../../export/memos-csv';
import { addCoding, editMemo } from '../../project/operations/codings';
import { writeMemo } from '../../project/operations/memos';
import { ADA, applied, runner, smallProject } from '../../project/testing/core-fixtures.test-helpers';
import { filterMemos, memoList } from './memo-list';

const BEN = { id: 'coder-ben', name: 'Ben' };

async function memoed() {
  const store = smallProject();
  await store.transact((tx) => tx.apply({ coders: [{ before: null, after: BEN }] }, { id: 'e-ben', seq: 1, at: '2025-01-02T00:00:00.000Z', actorId: ADA.id, actorName: 'Ada', operation: 'test', summary: 'test', changes: [], addedPosts: [], reverts: null }));
  const run = runner(store);
  applied(await run(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'Deflects to another group.' }));
  applied(await run(writeMemo, { target: { kind: 'post', id: 'p-3' }, text: 'Names the fallacy' }, BEN));
  const coding = applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 10 })).result;
  applied(await run(editMemo, { codingId: coding.id, memo: 'Café talk, derailing' }));
  applied(await run(addCoding, { postId: 'p-2', codeId: 'c-false', start: 0, end: 4 }));
  applied(await run(writeMemo, { target: { kind: 'thread', id: 't-1' }, text: 'Derails quickly.' }));
  applied(await run(writeMemo, { target: { kind: 'project', id: 'project-1' }, text: 'RQ' }));
  return store;
}

describe('memoList', () => {
  it('lists every memo, coding memos too, project first, then the thread’s in reading order, then codes', async () => {
    const store = await memoed();
    const rows = await store.read(memoList);
    expect(rows.map((r) => [r.kind, r.target, r.coderName, r.text])).toEqual([
      ['project', 'Test', 'Ada', 'RQ'],
      ['thread', 'A thread', 'Ada', 'Derails quickly.'],
      ['coding', '“What about”', 'Ada', 'Café talk, derailing'],
      ['post', 'author of p-3: That is a false equivalence', 'Ben', 'Names the fallacy'],
      ['code', 'Whataboutism', 'Ada', 'Deflects to another group.'],
    ]);
    // Independent count: the memo records plus the codings whose memo is not empty.
    const [memos, codings] = await store.read((r) => Promise.all([r.memos(), r.allCodings()]));
    expect(rows).toHaveLength(memos.length + codings.filter((c) => c.memo !== '').length);
    expect(rows[2]).toMatchObject({ threadId: 't-1', postId: 'p-2', code: 'Whataboutism' });
  });

  it('filters by words (ignoring case and accents), kind and coder; the CSV has one row per memo', async () => {
    const rows = await (await memoed()).read(memoList);
    expect(filterMemos(rows, { text: 'cafe DERAIL' }).map((r) => r.kind)).toEqual(['coding']);
    expect(filterMemos(rows, { text: 'derail' }).map((r) => r.kind)).toEqual(['thread', 'coding']);
    expect(filterMemos(rows, { kinds: ['post', 'code'] }).map((r) => r.kind)).toEqual(['post', 'code']);
    expect(filterMemos(rows, { coderIds: [BEN.id] }).map((r) => r.text)).toEqual(['Names the fallacy']);
    const csv = memosCsv(rows).split('\r\n');
    expect(csv).toHaveLength(rows.length + 2);
    expect(csv[1]).toBe('project,project-1,Test,,,,,Ada,RQ,' + rows[0]!.updatedAt);
    expect(memosCsv([{ ...rows[0]!, text: '=1+1' }], { spreadsheetSafe: true }).split('\r\n')[1]).toContain(`"'=1+1"`);
  });
});

import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Relation, RelationCode } from '@shared/model/records';

import { ThreadmarkDB } from '../database';
import { writeV2Rows } from '../testing/old-schema-rows';
import { tableCounts } from '../testing/test-support';

import { MIGRATIONS } from '.';

let name: string;

afterEach(async () => {
  await new ThreadmarkDB(name).delete();
});

const CODE: RelationCode = { id: 'rc-1', name: 'deflects to', definition: 'Answers a charge by pointing elsewhere.', color: '#aa3377', order: 0, createdAt: '2025-03-01T00:00:00.000Z' };
const RELATION: Relation = {
  id: 'rel-1',
  relationCodeId: 'rc-1',
  coderId: 'coder-ana',
  threadId: 't-1',
  from: { postId: 'p-2', start: 0, end: 4, quote: 'What' },
  to: { postId: 'p-1' },
  memo: '',
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
};

describe('migration 7: relations', () => {
  it('keeps every stored row and adds empty relationCodes and relations tables, relations found by thread and coder', async () => {
    name = `threadmark-0007-${crypto.randomUUID()}`;
    const v2 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 2));
    await writeV2Rows(v2);
    v2.close();
    const v6 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 6));
    await v6.open();
    const before = await tableCounts(v6);
    const codingsBefore = await v6.codings.toArray();
    const journalBefore = await v6.journal.toArray();
    v6.close();
    expect(before.codings).toBeGreaterThan(0);
    expect(before).not.toHaveProperty('relations');

    const v7 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 7));
    await v7.open();
    expect(v7.verno).toBe(7);
    expect(await tableCounts(v7)).toEqual({ ...before, relationCodes: 0, relations: 0 });
    expect(await v7.codings.toArray()).toEqual(codingsBefore);
    expect(await v7.journal.toArray()).toEqual(journalBefore);

    await v7.relationCodes.add(CODE);
    await v7.relations.add(RELATION);
    expect(await v7.relationCodes.get('rc-1')).toEqual(CODE);
    expect(await v7.relations.where('threadId').equals('t-1').toArray()).toEqual([RELATION]);
    expect(await v7.relations.where('coderId').equals('coder-ana').count()).toBe(1);
    v7.close();
  });
});

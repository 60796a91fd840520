import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Attribute, AttributeValue, Memo } from '@shared/model/records';

import { ThreadmarkDB } from '../database';
import { writeV2Rows } from '../testing/old-schema-rows';
import { tableCounts } from '../testing/test-support';

import { MIGRATIONS } from '.';

let name: string;

afterEach(async () => {
  await new ThreadmarkDB(name).delete();
});

const MEMO: Memo = {
  id: 'memo-1',
  target: { kind: 'thread', id: 't-1' },
  coderId: 'coder-ana',
  text: 'Starts calm, derails after the third reply.',
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
};
const ATTRIBUTE: Attribute = { id: 'attr-1', scope: 'author', name: 'Stance', type: 'text', createdAt: '2025-03-01T00:00:00.000Z' };
const VALUE: AttributeValue = { id: 'val-1', attributeId: 'attr-1', subject: 'ana', value: 'pro' };

describe('migration 6: memos and attributes', () => {
  it('keeps every stored row and adds empty memos, attributes and attributeValues tables that take records', async () => {
    name = `threadmark-0006-${crypto.randomUUID()}`;
    const v2 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 2));
    await writeV2Rows(v2);
    v2.close();
    const v5 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 5));
    await v5.open();
    const before = await tableCounts(v5);
    const codingsBefore = await v5.codings.toArray();
    const journalBefore = await v5.journal.toArray();
    v5.close();
    expect(before.codings).toBeGreaterThan(0);

    const v6 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 6));
    await v6.open();
    expect(v6.verno).toBe(6);
    expect(await tableCounts(v6)).toEqual({ ...before, memos: 0, attributes: 0, attributeValues: 0 });
    expect(await v6.codings.toArray()).toEqual(codingsBefore);
    expect(await v6.journal.toArray()).toEqual(journalBefore);

    await v6.memos.add(MEMO);
    await v6.attributes.add(ATTRIBUTE);
    await v6.attributeValues.add(VALUE);
    expect(await v6.memos.get('memo-1')).toEqual(MEMO);
    expect(await v6.attributes.get('attr-1')).toEqual(ATTRIBUTE);
    expect(await v6.attributeValues.get('val-1')).toEqual(VALUE);
    v6.close();
  });
});

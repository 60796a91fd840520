import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import type { Round } from '@shared/model/records';

import { ThreadmarkDB } from '../database';
import { writeV2Rows } from '../testing/old-schema-rows';
import { tableCounts } from '../testing/test-support';

import { MIGRATIONS } from '.';

let name: string;

afterEach(async () => {
  await new ThreadmarkDB(name).delete();
});

const ROUND: Round = {
  id: 'round-1',
  number: 1,
  name: 'Round 1',
  createdAt: '2025-03-01T00:00:00.000Z',
  codebookVersionId: 'v-1',
  coderIds: ['coder-ana'],
  postIds: ['p-1'],
  sample: { unit: 'post', size: 1, seed: 7, stratifyBy: 'thread' },
  instructions: 'Code every claim.',
};

describe('migration 5: the team loop', () => {
  it('keeps every stored row and adds empty rounds and decisions tables that take records', async () => {
    name = `threadmark-0005-${crypto.randomUUID()}`;
    const v2 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 2));
    await writeV2Rows(v2);
    v2.close();
    const v4 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 4));
    await v4.open();
    const before = await tableCounts(v4);
    const codingsBefore = await v4.codings.toArray();
    v4.close();

    // Pinned to version 5: later migrations add tables of their own (tested in their own files).
    const v5 = new ThreadmarkDB(name, MIGRATIONS.slice(0, 5));
    await v5.open();
    expect(v5.verno).toBe(5);
    const after = await tableCounts(v5);
    expect(after).toEqual({ ...before, rounds: 0, decisions: 0 });
    expect(await v5.codings.toArray()).toEqual(codingsBefore);

    await v5.rounds.add(ROUND);
    await v5.decisions.add({
      id: 'p-1|c-1',
      postId: 'p-1',
      codeId: 'c-1',
      roundId: 'round-1',
      outcome: 'none',
      acceptedCoderIds: [],
      consensusCodingIds: [],
      memo: '',
      decidedBy: 'coder-ana',
      decidedAt: '2025-03-02T00:00:00.000Z',
      proposed: false,
    });
    expect(await v5.rounds.get('round-1')).toEqual(ROUND);
    expect((await v5.decisions.where('postId').equals('p-1').toArray()).map((d) => d.id)).toEqual(['p-1|c-1']);
    v5.close();
  });
});

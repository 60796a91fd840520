import { describe, expect, it } from 'vitest';

import type { Relation, RelationCode } from '../../model/records';
import { MemoryProjectStore } from '../memory-store';
import { coderPackages } from '../queries/coder-packages';
import { projectBundle } from '../queries/project-bundle';
import { applied, runner } from '../testing/core-fixtures.test-helpers';
import { BEN, CY, HEAD, teamProject, throughFile } from '../testing/round-fixtures.test-helpers';
import { importBundle } from './bundle-import';
import { startRound } from './rounds';

const empty = () => new MemoryProjectStore({ project: null, threads: [], posts: [], codes: [], coders: [], codings: [], codebookVersions: [], assignments: [], rounds: [], decisions: [], journal: [] });

describe('bundle.import and the team loop', () => {
  it('opens a coder package with its assignment (the posts the coder codes), and a lead’s bundle with its rounds', async () => {
    const lead = teamProject();
    const round = applied(await runner(lead)(startRound, { coderIds: [BEN.id, CY.id], selection: { kind: 'threads', threadIds: ['t-1'] }, instructions: '' })).result;
    const packages = await lead.read((r) => coderPackages(r, round.id, HEAD));
    if (!packages.ok) throw new Error(packages.error.message);

    const blind = empty();
    applied(await runner(blind)(importBundle, { bundle: throughFile(packages.value[0]!.bundle), source: 'ben.threadmark.json' }));
    expect(await blind.read((r) => r.assignments())).toEqual(packages.value[0]!.bundle.assignments!.map((a) => expect.objectContaining(a)));
    expect((await blind.read((r) => r.project()))?.package?.coderId).toBe(BEN.id);

    const exported = await lead.read((r) => projectBundle(r, HEAD));
    if (!exported.ok) throw new Error(exported.error.message);
    const copy = empty();
    applied(await runner(copy)(importBundle, { bundle: throughFile(exported.value), source: 'lead.threadmark.json' }));
    expect(await copy.read((r) => r.rounds())).toEqual([expect.objectContaining({ ...round, updatedAt: expect.any(String) })]);
    expect((await copy.read((r) => r.assignments())).filter((a) => a.roundId === round.id)).toHaveLength(2);
  });
});

describe('bundle.import and relations', () => {
  const T = '2025-02-01T00:00:00.000Z';
  const relationCode = (id: string, name: string): RelationCode => ({ id, name, definition: '', color: '#123456', order: 0, createdAt: T });
  const relation = (id: string, relationCodeId: string): Relation => ({ id, relationCodeId, coderId: BEN.id, threadId: 't-1', from: { postId: 'p-3' }, to: { postId: 'p-2', start: 0, end: 4, quote: 'What' }, memo: '', createdAt: T, updatedAt: T });

  it('brings relation codes and relations in; a relation code named like a stored one is that one; a stored relation is kept', async () => {
    const store = teamProject();
    const run = runner(store);
    const exported = await store.read((r) => projectBundle(r, HEAD));
    if (!exported.ok) throw new Error(exported.error.message);
    const first = { ...exported.value, relationCodes: [relationCode('rc-1', 'answers')], relations: [relation('r-1', 'rc-1')] };
    applied(await run(importBundle, { bundle: throughFile(first), source: 'a.threadmark.json' }));
    // A second file: its "Answers" is the stored "answers"; r-1 is stored already, r-2 is new.
    const second = { ...exported.value, relationCodes: [relationCode('rc-2', 'Answers'), relationCode('rc-3', 'quotes')], relations: [{ ...relation('r-1', 'rc-2'), memo: 'changed' }, relation('r-2', 'rc-2'), relation('r-3', 'rc-3')] };
    applied(await run(importBundle, { bundle: throughFile(second), source: 'b.threadmark.json' }));
    expect((await store.read((r) => r.relationCodes())).map((c) => [c.id, c.name]).sort()).toEqual([['rc-1', 'answers'], ['rc-3', 'quotes']]);
    expect((await store.read((r) => r.relations())).map((r) => [r.id, r.relationCodeId, r.memo]).sort()).toEqual([['r-1', 'rc-1', ''], ['r-2', 'rc-1', ''], ['r-3', 'rc-3', '']]);
  });
});

import { describe, expect, it } from 'vitest';

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

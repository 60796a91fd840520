import { describe, expect, it } from 'vitest';

import { BEN, CY } from '@shared/project/testing/round-fixtures.test-helpers';

import { bundleOf } from '../codebook/codebook-cli.test-helpers';
import { run } from '../run';
import { packageCommand } from './package';
import { deps, LEAD, leadIo, T } from './team-fixture.test-helpers';

const BEN_FILE = 'out/pilot-study-round-1-ben.threadmark.json';
const CY_FILE = 'out/pilot-study-round-1-cy.threadmark.json';

describe('threadmark package', () => {
  it('starts a round in the project and writes one package per coder', async () => {
    const m = await leadIo();
    expect(await packageCommand([LEAD, '--coders', 'Ben, cy', '--threads', 't-1,t-2', '--instructions', 'Code claims only.', '-o', 'out'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    expect(m.stdout()).toBe(
      [
        'Started Round 1: 6 posts for Ben and Cy',
        `wrote ${BEN_FILE} (Ben, 6 posts)`,
        `wrote ${CY_FILE} (Cy, 6 posts)`,
        `wrote ${LEAD}: journal entry #1`,
        '',
      ].join('\n'),
    );
    const lead = bundleOf(m.files.get(LEAD));
    const [round] = lead.rounds ?? [];
    expect(round).toMatchObject({ number: 1, name: 'Round 1', coderIds: [BEN.id, CY.id], sample: null, instructions: 'Code claims only.', createdAt: T });
    expect(lead.codebookVersions?.map((v) => v.name)).toEqual(['Round 1']);
    expect(lead.assignments?.map((a) => [a.coderId, a.roundId])).toEqual([
      [BEN.id, round!.id],
      [CY.id, round!.id],
    ]);
    const ben = bundleOf(m.files.get(BEN_FILE));
    expect(ben.project.package).toMatchObject({ projectId: lead.project.id, roundId: round!.id, coderName: 'Ben', instructions: 'Code claims only.', preparedAt: T });
    expect(ben.coders.map((c) => c.name)).toEqual(['Ben']);
  });

  it('draws a seeded, stratified sample: the same seed draws the same posts', async () => {
    const draw = async () => {
      const m = await leadIo();
      expect(await packageCommand([LEAD, '--coders', 'Ben', '--sample', '3', '--seed', '42', '--stratify', 'platform', '--name', 'Pilot', '-o', 'out'], m.io, deps())).toBe(0);
      return bundleOf(m.files.get(LEAD)).rounds?.[0];
    };
    const round = await draw();
    expect(round).toMatchObject({ name: 'Pilot', sample: { unit: 'post', size: 3, seed: 42, stratifyBy: 'platform' } });
    expect(round?.postIds).toHaveLength(3);
    expect((await draw())?.postIds).toEqual(round?.postIds);
  });

  it('names an unknown coder or a refused round and writes nothing', async () => {
    const m = await leadIo();
    const before = m.files.get(LEAD);
    expect(await packageCommand([LEAD, '--coders', 'Ben,Zed', '--threads', 't-1', '-o', 'out'], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe(`threadmark: ${LEAD} has no coder “Zed” (its coders: Ada, Ben, Cy)\n`);
    expect(await packageCommand([LEAD, '--coders', 'Ben', '--threads', 't-9', '-o', 'out'], m.io, deps())).toBe(1);
    expect(m.stderr()).toContain(`${LEAD}: thread t-9 threadIds: the thread does not exist\nthreadmark: nothing written\n`);
    expect(m.files.get(LEAD)).toBe(before);
    expect([...m.files.keys()]).toEqual([LEAD]);
  });

  it('leaves the project without the round when a package cannot be written', async () => {
    const m = await leadIo();
    const before = m.files.get(LEAD);
    expect(await packageCommand([LEAD, '--coders', 'Ben', '--threads', 't-1', '-o', '/readonly'], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe(`threadmark: cannot write /readonly/pilot-study-round-1-ben.threadmark.json: permission denied\nthreadmark: ${LEAD} is not changed (no round started)\n`);
    expect(m.files.get(LEAD)).toBe(before);
  });

  it.each([
    [[LEAD, '--coders', 'Ben', '--threads', 't-1'], /^missing -o <dir>/],
    [[LEAD, '--threads', 't-1', '-o', 'out'], /^missing --coders A,B/],
    [[LEAD, '--coders', 'Ben', '-o', 'out'], /^choose the posts: --threads ID,\.\.\. or --sample N --seed S$/],
    [[LEAD, '--coders', 'Ben', '--sample', '5', '-o', 'out'], /^--sample needs --seed S/],
    [[LEAD, '--coders', 'Ben', '--threads', 't-1', '--seed', '1', '-o', 'out'], /^--seed is for --sample$/],
    [[LEAD, '--coders', 'Ben', '--sample', 'x', '--seed', '1', '-o', 'out'], /^--sample needs a number/],
    [[LEAD, '--coders', 'Ben', '--sample', '5', '--seed', '1', '--unit', 'word', '-o', 'out'], /^unknown --unit "word"/],
    [['--coders', 'Ben', '--threads', 't-1', '-o', 'out'], /^missing <project>$/],
  ])('%j is a usage error', async (args, reason) => {
    const m = await leadIo();
    expect(await run(['package', ...args], m.io)).toBe(2);
    const [first, usage] = m.stderr().split('\n');
    expect(first?.replace(/^threadmark: /, '')).toMatch(reason);
    expect(usage).toMatch(/^Usage: threadmark package <project>/);
  });
});

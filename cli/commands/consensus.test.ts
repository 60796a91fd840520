import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import { validateBundle } from '@shared/bundle/validate';
import { codedSegmentsCsv } from '@shared/export/coded-segments-csv';
import { coderCodings } from '@shared/export/coder-codings';
import { CONSENSUS_CODER_ID, type Coding, type Round } from '@shared/model/records';
import { bundleFromStore } from '@shared/project/bundle-store';
import { BEN, CEM, coding, DEE, round, teamProject } from '@shared/project/testing/team-fixtures.test-helpers';

import { bundleOf } from '../codebook/codebook-cli.test-helpers';
import { memoryIo } from '../memory-io.test-helpers';
import { CLI_ACTOR, cliActor } from '../project/bundle-file';
import { run } from '../run';
import { consensusCommand } from './consensus';

const T = '2026-03-20T10:00:00.000Z';
const deps = () => {
  let n = 0;
  return { clock: { now: () => T }, ids: { newId: () => `cli-${++n}` } };
};

const CODINGS: Coding[] = [
  coding('b-2', 'p-2', 'c-what', BEN.id, 0, 4),
  coding('c-2', 'p-2', 'c-what', CEM.id, 0, 16),
  coding('d-2', 'p-2', 'c-what', DEE.id, 0, 4),
  coding('c-2f', 'p-2', 'c-false', CEM.id, 0, 4),
  coding('b-3', 'p-3', 'c-false', BEN.id, 8, 27),
  coding('c-3', 'p-3', 'c-false', CEM.id, 10, 27),
  coding('b-5', 'p-5', 'c-derail', BEN.id, 0, 9),
  coding('c-5', 'p-5', 'c-derail', CEM.id, 0, 9),
  coding('d-5', 'p-5', 'c-derail', DEE.id, 0, 9),
];

async function teamFile(rounds: Round[]): Promise<string> {
  const bundle = await bundleFromStore(teamProject({ codings: CODINGS, rounds }), { exportedAt: T, app: { name: 'Threadmark', version: 'test' } });
  if (!bundle.ok) throw new Error(bundle.error.message);
  return serializeBundle(bundle.value);
}

const threeCoderRounds = () => [round('r-1', 1, [BEN.id, CEM.id, DEE.id], ['p-2', 'p-3', 'p-5']), round('r-2', 2, [BEN.id, CEM.id], ['p-6'])];

describe('threadmark consensus', () => {
  it('--rule majority --round N decides the round’s disagreements and seeds its agreed units, as one journal entry', async () => {
    const m = memoryIo({ 'team.json': await teamFile(threeCoderRounds()) });
    expect(await consensusCommand(['team.json', '--rule', 'majority', '--round', '1', '-o', 'out.json'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    expect(m.stdout()).toBe(
      'Decided 3 disagreements by the majority rule (0 disagreements left; 1 agreed unit, 1 coding added, 0 codings removed)\nconsensus layer: 3 codings\nwrote out.json: journal entry #1\n',
    );
    const out = bundleOf(m.files.get('out.json')!);
    expect(validateBundle(out).ok).toBe(true);
    expect(out.coders.map((c) => c.id)).toContain(CONSENSUS_CODER_ID);
    expect(out.decisions?.map((d) => [d.id, d.outcome, d.proposed, d.roundId, d.decidedBy])).toEqual([
      ['p-2|c-false', 'none', false, 'r-1', 'coder-ada'],
      ['p-2|c-what', 'accept', false, 'r-1', 'coder-ada'],
      ['p-3|c-false', 'accept', false, 'r-1', 'coder-ada'],
    ]);
    const layer = out.codings.filter((c) => c.coderId === CONSENSUS_CODER_ID);
    expect(layer.map((c) => [c.postId, c.codeId, c.quote, c.provenance?.decisionId])).toEqual([
      ['p-2', 'c-what', 'What', 'p-2|c-what'],
      ['p-3', 'c-false', 'a false equivalence', 'p-3|c-false'],
      ['p-5', 'c-derail', 'Whatabout', 'agreed:p-5|c-derail'],
    ]);
    // The adjudicator is the first person among the coders, never the consensus layer.
    expect(out.journal?.at(-1)).toMatchObject({ seq: 1, at: T, actorId: 'coder-ada', operation: 'consensus.rule' });
  });

  it('--rule coder:NAME accepts that coder’s codings; running it again changes nothing; export --coder consensus writes the layer', async () => {
    const m = memoryIo({ 'team.json': await teamFile(threeCoderRounds()) });
    const d = deps();
    expect(await consensusCommand(['team.json', '--rule', 'coder:cem', '-o', 'team.json'], m.io, d)).toBe(0);
    const first = m.files.get('team.json')!;
    expect(m.stdout()).toMatch(/^Decided 3 disagreements by the coder rule: Cem \(0 disagreements left; 1 agreed unit/);
    expect(await consensusCommand(['team.json', '--rule', 'coder:Cem', '-o', 'team.json'], m.io, d)).toBe(0);
    expect(m.stdout()).toMatch(/wrote team\.json \(nothing changed\)\n$/);
    expect(bundleOf(m.files.get('team.json')!).journal).toEqual(bundleOf(first).journal);

    expect(await run(['export', 'team.json', '--identified', '--to', 'csv', '--coder', 'consensus', '-o', 'consensus.csv'], m.io)).toBe(0);
    const bundle = bundleOf(m.files.get('team.json')!);
    const layer = coderCodings(bundle, 'consensus');
    if (!layer.ok) throw new Error(layer.error.message);
    expect(m.files.get('consensus.csv')).toBe(codedSegmentsCsv(layer.value));
    const rows = m.files.get('consensus.csv')!.trimEnd().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',')[8])).toEqual(['consensus', 'consensus', 'consensus', 'consensus']);
    expect(m.stdout()).toMatch(/wrote 4 codings to consensus\.csv\n$/);
  });

  it('never acts as the consensus layer, even when it sorts first among the coders', () => {
    expect(cliActor({ coders: [{ id: CONSENSUS_CODER_ID, name: 'consensus' }, { id: 'coder-dee', name: 'dee' }] })).toEqual({ id: 'coder-dee', name: 'dee' });
    expect(cliActor({ coders: [{ id: CONSENSUS_CODER_ID, name: 'consensus' }] })).toEqual(CLI_ACTOR);
  });

  it('refuses what it cannot do, and writes nothing', async () => {
    const m = memoryIo({ 'team.json': await teamFile(threeCoderRounds()) });
    const usage = 'Usage: threadmark consensus <bundle> --rule majority|coder:NAME [--round N] -o <bundle.threadmark.json>\n';
    expect(await run(['consensus', 'team.json', '-o', 'out.json'], m.io)).toBe(2);
    expect(m.stderr()).toBe(`threadmark: missing --rule majority|coder:NAME\n${usage}`);
    expect(await run(['consensus', 'team.json', '--rule', 'vote', '-o', 'out.json'], m.io)).toBe(2);
    expect(m.stderr()).toContain('threadmark: unknown rule "vote" (majority, or coder:NAME)\n');
    expect(await run(['consensus', 'team.json', '--rule', 'majority', '--round', 'one', '-o', 'out.json'], m.io)).toBe(2);
    expect(await run(['consensus', 'team.json', '--rule', 'majority', '--round', '7', '-o', 'out.json'], m.io)).toBe(1);
    expect(m.stderr()).toContain('threadmark: team.json has no round 7 (rounds: 1, 2)\n');
    expect(await run(['consensus', 'team.json', '--rule', 'coder:Eve', '-o', 'out.json'], m.io)).toBe(1);
    expect(m.stderr()).toContain('team.json: consensus rule: no coder “Eve” (coders: Ben, Cem, Dee)\nthreadmark: nothing written\n');
    expect(await run(['export', 'team.json', '--to', 'qdc', '--coder', 'consensus', '-o', 'x.qdc'], m.io)).toBe(2);
    expect(m.stderr()).toContain('threadmark: --coder is for csv, the analysis and the annotation exports, not qdc\n');
    expect(await run(['export', 'team.json', '--identified', '--to', 'csv', '--coder', 'Zed', '-o', 'x.csv'], m.io)).toBe(1);
    expect(m.stderr()).toContain('team.json: no coder “Zed” (coders: Ada, Ben, Cem, Dee)\nthreadmark: nothing written\n');
    expect([...m.files.keys()]).toEqual(['team.json']);
  });
});

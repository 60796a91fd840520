import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { parseBundleText } from '@shared/bundle/validate';
import { CONSENSUS_CODER_ID } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { runConsensusScript } from '@shared/project/testing/consensus-script.test-helpers';

import { DexieProjectStore } from './dexie-project-store';
import { freshDb, testClock, testIds } from './testing/test-support';

describe('adjudication: one core, two adapters', () => {
  it('the same decisions through Dexie and through the bundle adapter export byte-identical bundles', async () => {
    const db = freshDb();
    const viaDexie = await runConsensusScript(new DexieProjectStore(db), { clock: testClock(), ids: testIds() });
    const viaBundle = await runConsensusScript(new MemoryProjectStore(), { clock: testClock(), ids: testIds() });
    expect(viaDexie).toBe(viaBundle);

    // And what both wrote is what the script meant.
    const parsed = parseBundleText(viaDexie);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
    const bundle = parsed.value;
    const codeName = new Map(bundle.codes.map((c) => [c.id, c.name]));
    expect(bundle.decisions?.map((d) => [d.postId, codeName.get(d.codeId), d.outcome, d.proposed, d.memo])).toEqual([
      ['p-2', 'Whataboutism', 'both', false, 'the 👩‍👩‍👧 is the point'],
      ['p-2', 'False equivalence', 'accept', false, 'coder rule: Cem'],
      ['p-3', 'False equivalence', 'adjust', false, 'shorter'],
      ['p-6', 'Whataboutism', 'accept', false, 'coder rule: Cem'],
    ]);
    const layer = bundle.codings.filter((c) => c.coderId === CONSENSUS_CODER_ID);
    expect(layer.map((c) => [c.postId, codeName.get(c.codeId), c.quote, c.provenance?.sourceCodingIds.length, c.provenance?.decisionId.startsWith('agreed:')])).toEqual([
      ['p-2', 'Whataboutism', 'What', 2, false],
      ['p-2', 'Whataboutism', 'What about 👩‍👩‍👧', 1, false],
      ['p-2', 'False equivalence', '👩‍👩‍👧', 1, false],
      ['p-3', 'False equivalence', 'false', 2, false],
      ['p-5', 'Derailing', 'Whatabout', 3, true],
    ]);
    expect(layer.every((c) => c.codebookVersionId === bundle.rounds![0]!.codebookVersionId)).toBe(true);
    expect(bundle.journal!.map((e) => e.operation).slice(-6)).toEqual(['consensus.propose', 'consensus.decide', 'consensus.decide', 'consensus.decide', 'revert', 'consensus.rule']);
    await db.delete();
  });
});

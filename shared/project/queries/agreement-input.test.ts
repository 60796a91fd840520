import { describe, expect, it } from 'vitest';

import { CONSENSUS_CODER_ID, CONSENSUS_CODER_NAME } from '../../model/records';
import { ADA } from '../testing/core-fixtures.test-helpers';
import { BEN, CEM, coding, DEE, teamProject } from '../testing/team-fixtures.test-helpers';
import { agreementSource } from './agreement-input';

describe('agreementSource', () => {
  it('leaves the consensus layer out: it is what coders are compared to settle, not a rater', async () => {
    const store = teamProject({
      coders: [ADA, BEN, CEM, DEE, { id: CONSENSUS_CODER_ID, name: CONSENSUS_CODER_NAME }],
      codings: [coding('b-1', 'p-1', 'c-what', BEN.id, 0, 3), coding('c-1', 'p-1', 'c-what', CEM.id, 0, 3), coding('k-1', 'p-1', 'c-what', CONSENSUS_CODER_ID, 0, 3)],
    });
    const { input, codingCounts } = await store.read((r) => agreementSource(r));
    expect(input.coders.map((c) => c.name)).not.toContain(CONSENSUS_CODER_NAME);
    expect(input.codings.map((c) => c.coderId).sort()).toEqual([BEN.id, CEM.id]);
    expect(codingCounts.has(CONSENSUS_CODER_ID)).toBe(false);
  });
});

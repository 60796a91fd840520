/** The core's adjudication types the view works with (docs/team-loop.md). */
export type { DecideInput } from '@shared/project/operations/consensus';
export type { Disagreement, DisagreementCoder } from '@shared/project/queries/disagreements';

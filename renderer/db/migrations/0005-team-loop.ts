import type { Migration } from './migration';

/**
 * The team loop (docs/team-loop.md): rounds, and the decisions adjudication writes into the
 * consensus layer. Nothing stored changes: both tables start empty, and codings, assignments and
 * the project record only gain optional fields.
 */
export const teamLoopMigration: Migration = {
  version: 5,
  stores: {
    rounds: 'id',
    decisions: 'id, postId',
  },
};

import type { Migration } from './migration';

/**
 * The relation codebook and relations between posts (or spans) of a thread. Nothing stored
 * changes: both tables start empty; relations are found by thread (the thread view) and by
 * coder (agreement).
 */
export const relationsMigration: Migration = {
  version: 7,
  stores: {
    relationCodes: 'id',
    relations: 'id, threadId, coderId, relationCodeId',
  },
};

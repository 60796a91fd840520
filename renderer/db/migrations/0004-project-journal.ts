import type { CodebookChange, Coder } from '@shared/model/records';
import { journalFromChangeLog } from '@shared/project/journal-from-change-log';

import type { Migration } from './migration';

/**
 * The codebook's change log becomes the project journal (docs/decisions/0007-project-journal.md):
 * every operation on the project is journaled from now on, with each record before and after.
 * Stored change-log rows become one entry per operation. Records written from now on carry
 * `updatedAt`; those already stored are left as they are (they have no later change to date).
 */
export const projectJournalMigration: Migration = {
  version: 4,
  stores: {
    codebookChanges: null,
    journal: 'id, &seq',
    assignments: 'id, coderId',
  },
  upgrade: async (tx) => {
    const [changes, coders] = (await Promise.all([tx.table('codebookChanges').toArray(), tx.table('coders').toArray()])) as [CodebookChange[], Coder[]];
    const entries = journalFromChangeLog(changes, new Map(coders.map((c) => [c.id, c.name])));
    await tx.table('journal').bulkAdd(entries);
  },
};

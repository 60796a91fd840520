import type { Migration } from './migration';

/**
 * The structured codebook: a code's one-line `description` becomes its `definition`, and it gains
 * inclusion and exclusion criteria, examples, exemplar codings, a shortcut, and the codable and
 * retired flags (defaults as in EMPTY_CODE_FIELDS, written out here because a released migration
 * must not change when the model does). Two new tables: the codebook's change log, looked up by
 * operation (undo, "what did this merge do"), by code (a code's history) and by time; and named
 * versions, listed by time. Tables not named here keep their version 1 schema.
 */
export const structuredCodebookMigration: Migration = {
  version: 2,
  stores: {
    codebookChanges: 'id, operationId, codeId, at',
    codebookVersions: 'id, createdAt',
  },
  upgrade: async (tx) => {
    await tx
      .table('codes')
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        const { description } = row;
        delete row.description;
        row.definition ??= typeof description === 'string' ? description : '';
        row.inclusion ??= '';
        row.exclusion ??= '';
        row.examples ??= [];
        row.exemplarCodingIds ??= [];
        row.shortcut ??= null;
        row.codable ??= true;
        row.retired ??= false;
      });
  },
};

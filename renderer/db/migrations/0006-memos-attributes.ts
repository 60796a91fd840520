import type { Migration } from './migration';

/**
 * Memos on the project, threads, posts and codes, and user-defined author and thread attributes
 * with their values. Nothing stored changes: the three tables start empty.
 */
export const memosAttributesMigration: Migration = {
  version: 6,
  stores: {
    memos: 'id',
    attributes: 'id',
    attributeValues: 'id',
  },
};

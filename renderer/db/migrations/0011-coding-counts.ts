import type { Table } from 'dexie';

import type { Coding } from '@shared/model/records';

import { countStoredCodings } from '../coding-counts';
import type { Migration } from './migration';

/**
 * Coding counts (issue 15): codings per code and coder as numbers, keyed by the pair, so the
 * codebook's tallies after each coding read a few rows instead of counting every coding of the
 * project. Filled here through the codings' indexes (no coding is read); kept in step from then on
 * by the Dexie adapter's apply step (renderer/db/coding-counts.ts).
 */
export const codingCountsMigration: Migration = {
  version: 11,
  stores: {
    codingCounts: '[codeId+coderId]',
  },
  upgrade: async (tx) => {
    const rows = await countStoredCodings(tx.table('codings') as Table<Coding, string>);
    if (rows.length > 0) await tx.table('codingCounts').bulkAdd(rows);
  },
};

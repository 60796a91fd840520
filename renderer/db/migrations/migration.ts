import type { Transaction } from 'dexie';

/**
 * One schema step. Every released step stays in the list forever: a user still on an older schema
 * cannot open the database without it (docs/storage.md, "Schema versions and migrations").
 */
export interface Migration {
  version: number;
  /** Dexie store specs; `null` deletes a table. */
  stores: Readonly<Record<string, string | null>>;
  /** Runs inside the atomic upgrade transaction; must return its promise so a failure rolls back. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/**
 * Codings per code and coder, kept as numbers (migration 0011) so the codebook's tallies never
 * count the codings: a coding used to re-count every coding of the project through the indexes,
 * 3.5 s of main-thread CPU at a million posts (bench/scale-browser.mjs). The Dexie adapter's apply
 * step keeps the rows in step with every change-set, in the change's own transaction.
 */
import type { Table } from 'dexie';

import type { Coding } from '@shared/model/records';
import type { RowChange } from '@shared/project/change-set';

import type { ThreadmarkDB } from './database';

/** One code's codings by one coder; a pair with none has no row. */
export interface CodingCountRow {
  codeId: string;
  coderId: string;
  count: number;
}

type Pair = [codeId: string, coderId: string];

/** What a change-set's coding rows do to the counts: +1 per coding added, −1 per coding removed. */
function deltasOf(rows: ReadonlyArray<RowChange<Coding>>): Map<string, { pair: Pair; delta: number }> {
  const deltas = new Map<string, { pair: Pair; delta: number }>();
  const add = (c: Coding, delta: number) => {
    const key = `${c.codeId}\u0000${c.coderId}`;
    const d = deltas.get(key);
    if (d) d.delta += delta;
    else deltas.set(key, { pair: [c.codeId, c.coderId], delta });
  };
  for (const { before, after } of rows) {
    if (before) add(before, -1);
    if (after) add(after, +1);
  }
  return deltas;
}

/**
 * Applies a change-set's coding rows to the counts (inside the caller's transaction). A count never
 * goes below zero: a coding that reached the store outside the core (a damaged database the
 * integrity repair cleans up) was never counted.
 */
export async function applyCodingCounts(db: ThreadmarkDB, rows: ReadonlyArray<RowChange<Coding>>): Promise<void> {
  const changed = [...deltasOf(rows).values()].filter((d) => d.delta !== 0);
  if (changed.length === 0) return;
  const stored = await db.codingCounts.bulkGet(changed.map((d) => d.pair));
  const put: CodingCountRow[] = [];
  const gone: Pair[] = [];
  changed.forEach(({ pair, delta }, i) => {
    const count = Math.max(0, (stored[i]?.count ?? 0) + delta);
    if (count > 0) put.push({ codeId: pair[0], coderId: pair[1], count });
    else if (stored[i]) gone.push(pair);
  });
  if (gone.length > 0) await db.codingCounts.bulkDelete(gone);
  if (put.length > 0) await db.codingCounts.bulkPut(put);
}

/** Codings per code, then per coder. */
export async function readCodingCounts(db: ThreadmarkDB): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>();
  for (const { codeId, coderId, count } of await db.codingCounts.toArray()) {
    let byCoder = counts.get(codeId);
    if (!byCoder) counts.set(codeId, (byCoder = new Map()));
    byCoder.set(coderId, count);
  }
  return counts;
}

/**
 * The counts of the codings stored, counted through the codeId and coderId indexes without reading
 * a coding: each code's total by IndexedDB; with two or more coders, each code's coding ids are
 * checked against every coder's but the largest one's, whose share is the rest. What migration 0011
 * fills the table with.
 */
export async function countStoredCodings(codings: Table<Coding, string>): Promise<CodingCountRow[]> {
  const distinct = async (index: 'codeId' | 'coderId') => (await codings.orderBy(index).uniqueKeys()).filter((k): k is string => typeof k === 'string');
  const [codeIds, coderIds] = await Promise.all([distinct('codeId'), distinct('coderId')]);
  const byCoder = await Promise.all(coderIds.map((id) => codings.where('coderId').equals(id).count()));
  const largest = coderIds.reduce<number>((best, _, i) => (best < 0 || byCoder[i]! > byCoder[best]! ? i : best), -1);
  if (largest < 0) return [];
  const others = coderIds.filter((_, i) => i !== largest);
  const idsOf = await Promise.all(others.map(async (id) => new Set(await codings.where('coderId').equals(id).primaryKeys())));
  const rows: CodingCountRow[] = [];
  for (const codeId of codeIds) {
    const ids = others.length > 0 ? await codings.where('codeId').equals(codeId).primaryKeys() : null;
    let rest = ids ? ids.length : await codings.where('codeId').equals(codeId).count();
    others.forEach((coderId, i) => {
      let n = 0;
      for (const id of ids!) if (idsOf[i]!.has(id)) n++;
      if (n > 0) rows.push({ codeId, coderId, count: n });
      rest -= n;
    });
    if (rest > 0) rows.push({ codeId, coderId: coderIds[largest]!, count: rest });
  }
  return rows;
}

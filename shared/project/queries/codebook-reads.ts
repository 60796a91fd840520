/** Reads of the codebook the app's views need, through any store's reader (the CLI can use them too). */
import { codesInTreeOrder, subtreeIds } from '../../codebook/code-tree';
import type { Code, CodebookChange, CodebookVersion, Coder, Coding, Post } from '../../model/records';
import type { ProjectReader } from '../project-store';
import { compareStrings } from '../record-order';
import { codebookChanges } from './codebook-changes';

/** The codebook in tree order (pre-order, siblings by `order`). */
export async function codebookInTreeOrder(reader: ProjectReader): Promise<Code[]> {
  return codesInTreeOrder(await reader.codes());
}

/** Codings per code id, all coders; every code listed, 0 when unused. */
export async function codingCountsOfCodes(reader: ProjectReader): Promise<Map<string, number>> {
  const [codes, counts] = await Promise.all([reader.codes(), reader.codingCountsByCode()]);
  return new Map(codes.map((c) => [c.id, counts.get(c.id) ?? 0]));
}

/** A code's codings: all coders' total and each coder's share (coders by name, then id; none with 0). */
export interface CodingTally {
  total: number;
  byCoder: { coderId: string; name: string; count: number }[];
}

/** Each code's codings per coder; every code listed (an empty tally when unused). Counted, not read. */
export async function codingTallies(reader: ProjectReader): Promise<Map<string, CodingTally>> {
  const [codes, coders, counts] = await Promise.all([reader.codes(), codersByName(reader), reader.codingCountsByCodeAndCoder()]);
  return talliesOf(codes, coders, counts);
}

/** `codingTallies` from what it reads: the codes, the coders by name, the counts per code and coder. */
export function talliesOf(codes: readonly Code[], coders: readonly Coder[], counts: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, CodingTally> {
  return new Map(
    codes.map((code) => {
      const own = counts.get(code.id);
      const byCoder = own ? coders.flatMap((c) => ((own.get(c.id) ?? 0) > 0 ? [{ coderId: c.id, name: c.name, count: own.get(c.id)! }] : [])) : [];
      // A coding whose coder record is missing still counts in the total.
      const total = own ? [...own.values()].reduce((a, b) => a + b, 0) : 0;
      return [code.id, { total, byCoder }];
    }),
  );
}

/** The count a view shows: one coder's codings when it shows only theirs (`onlyCoderId`), else all. */
export function tallyCount(tally: CodingTally | undefined, onlyCoderId: string | null): number {
  if (!tally) return 0;
  return onlyCoderId === null ? tally.total : (tally.byCoder.find((c) => c.coderId === onlyCoderId)?.count ?? 0);
}

/** Adds tallies up (a category's codings are those of the codes below it). */
export function sumTallies(tallies: readonly CodingTally[]): CodingTally {
  const byCoder = new Map<string, { coderId: string; name: string; count: number }>();
  let total = 0;
  for (const t of tallies) {
    total += t.total;
    for (const c of t.byCoder) {
      const seen = byCoder.get(c.coderId);
      if (seen) seen.count += c.count;
      else byCoder.set(c.coderId, { ...c });
    }
  }
  return { total, byCoder: [...byCoder.values()].sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.coderId, b.coderId)) };
}

/** "12 codings: Ada 7, Ben 5"; "0 codings". */
export function describeTally(tally: CodingTally): string {
  const head = `${tally.total} ${tally.total === 1 ? 'coding' : 'codings'}`;
  return tally.byCoder.length === 0 ? head : `${head}: ${tally.byCoder.map((c) => `${c.name} ${c.count}`).join(', ')}`;
}

/** Codings of the code and of every code below it (what deleting it would remove). */
export async function codingsUnderCode(reader: ProjectReader, codeId: string): Promise<number> {
  const ids = subtreeIds(await reader.codes(), codeId);
  const counts = await reader.codingCountsOf(ids);
  return ids.reduce((n, id) => n + (counts.get(id) ?? 0), 0);
}

/** Named versions, newest first. */
export async function versionsNewestFirst(reader: ProjectReader): Promise<CodebookVersion[]> {
  return (await reader.versions()).sort((a, b) => compareStrings(b.createdAt, a.createdAt) || compareStrings(b.id, a.id));
}

/** Coders by name, then id. */
export async function codersByName(reader: ProjectReader): Promise<Coder[]> {
  return (await reader.coders()).sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
}

/** The codebook's change log, newest first (a view of the journal). */
export async function codebookChangeLog(reader: ProjectReader, filter: { codeId?: string } = {}): Promise<CodebookChange[]> {
  return codebookChanges(await reader.journal(), filter);
}

export interface CodingsWithContext {
  codings: Coding[];
  posts: Map<string, Post>;
  coders: Map<string, Coder>;
}

/** Codings with their posts and coders: a code's codings oldest first, or the given codings in that order. */
export async function codingsWithContext(reader: ProjectReader, source: { codeId: string } | { codingIds: readonly string[] }): Promise<CodingsWithContext> {
  const codings =
    'codeId' in source
      ? (await reader.codingsOfCodes([source.codeId])).sort((a, b) => compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id))
      : await reader.codingsByIds(source.codingIds).then((found) => source.codingIds.flatMap((id) => (found.has(id) ? [found.get(id)!] : [])));
  const [posts, coders] = await Promise.all([reader.posts(codings.map((c) => c.postId)), reader.coders()]);
  return { codings, posts, coders: new Map(coders.map((c) => [c.id, c])) };
}

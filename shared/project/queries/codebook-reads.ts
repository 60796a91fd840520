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

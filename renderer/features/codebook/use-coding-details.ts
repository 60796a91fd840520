import { useLiveQuery } from 'dexie-react-hooks';

import type { Coding } from '@shared/model/records';

import { useServices } from '../../app/services';
import type { ThreadmarkDB } from '../../db/database';
import { getPosts } from '../../db/post-store';

export interface CodingDetail {
  coding: Coding;
  /** The post's author ("a removed post" when the post is gone). */
  author: string;
  coderName: string;
}

/** The codings of a code (oldest first), or the given codings in the given order. */
export type CodingSource = { codeId: string } | { codingIds: readonly string[] };

/** Codings with who wrote the post and who coded it, kept live (a removed coding drops out). */
export function useCodingDetails(source: CodingSource): CodingDetail[] | undefined {
  const { db } = useServices();
  const key = 'codeId' in source ? `code ${source.codeId}` : `ids ${source.codingIds.join(' ')}`;
  // `key` stands for `source`, whose object identity changes on every render.
  return useLiveQuery(() => readDetails(db, source), [db, key]);
}

async function readDetails(db: ThreadmarkDB, source: CodingSource): Promise<CodingDetail[]> {
  const codings =
    'codeId' in source
      ? (await db.codings.where('codeId').equals(source.codeId).toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      : (await db.codings.bulkGet([...source.codingIds])).filter((c): c is Coding => c !== undefined);
  const coderIds = [...new Set(codings.map((c) => c.coderId))];
  const [posts, coders] = await Promise.all([getPosts(db, codings.map((c) => c.postId)), db.coders.bulkGet(coderIds)]);
  const coderNames = new Map(coderIds.map((id, i) => [id, coders[i]?.name ?? 'an unknown coder']));
  return codings.map((coding) => ({
    coding,
    author: posts.get(coding.postId)?.author ?? 'a removed post',
    coderName: coderNames.get(coding.coderId) ?? 'an unknown coder',
  }));
}

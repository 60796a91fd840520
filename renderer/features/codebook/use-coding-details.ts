import type { Coding } from '@shared/model/records';
import { codingsWithContext } from '@shared/project/queries/codebook-reads';

import { useServices } from '../../app/services';
import { useProjectQuery } from '../../db/use-project-query';

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
  return useProjectQuery(
    db,
    async (reader) => {
      const { codings, posts, coders } = await codingsWithContext(reader, source);
      return codings.map((coding) => ({
        coding,
        author: posts.get(coding.postId)?.author ?? 'a removed post',
        coderName: coders.get(coding.coderId)?.name ?? 'an unknown coder',
      }));
    },
    [key],
  );
}

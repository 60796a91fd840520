import type { AgreementInput } from '@shared/agreement/units/coding-layers';
import type { Coding, Post } from '@shared/model/records';
import { codePointLength } from '@shared/text/offsets';

import type { ThreadmarkDB } from '../../db/database';
import { listCoders } from '../../db/repositories/coders-repository';
import { listCodes } from '../../db/repositories/codes-repository';
import { listThreads, postsOfThread } from '../../db/repositories/threads-repository';

export interface AgreementSource {
  input: AgreementInput;
  postsById: ReadonlyMap<string, Post>;
  /** Codings per coder, to offer only coders who coded something. */
  codingCounts: ReadonlyMap<string, number>;
}

/**
 * Everything agreement needs from the project: posts in reading order (thread by thread, the
 * continuum for unitizing), codes, coders and every coder's codings.
 */
export async function loadAgreementSource(db: ThreadmarkDB): Promise<AgreementSource> {
  const threads = await listThreads(db);
  const [postLists, codes, coders, codings] = await Promise.all([
    Promise.all(threads.map((t) => postsOfThread(db, t.id))),
    listCodes(db),
    listCoders(db),
    db.codings.toArray(),
  ]);
  const posts = postLists.flat();
  const codingCounts = new Map<string, number>();
  for (const c of codings) codingCounts.set(c.coderId, (codingCounts.get(c.coderId) ?? 0) + 1);
  return {
    input: {
      posts: posts.map((p) => ({ id: p.id, length: codePointLength(p.text) })),
      codes,
      coders: coders.map((c) => ({ id: c.id, name: c.name })),
      codings: codings.map(({ postId, codeId, coderId, start, end }: Coding) => ({ postId, codeId, coderId, start, end })),
    },
    postsById: new Map(posts.map((p) => [p.id, p])),
    codingCounts,
  };
}

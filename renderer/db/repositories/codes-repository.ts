import { codesInTreeOrder } from '@shared/codebook/code-tree';
import type { Code } from '@shared/model/records';

import type { ThreadmarkDB } from '../database';

/** The codebook in tree order (pre-order, siblings by `order`), for the workspace's live view. */
export async function listCodes(db: ThreadmarkDB): Promise<Code[]> {
  return codesInTreeOrder(await db.codes.toArray());
}

import type { AgreementInput } from '@shared/agreement/units/coding-layers';
import type { Post } from '@shared/model/records';
import { agreementSource } from '@shared/project/queries/agreement-input';

import { storeOf, type ThreadmarkDB } from '../../db/project-store';

export interface AgreementSource {
  input: AgreementInput;
  postsById: ReadonlyMap<string, Post>;
  /** Codings per coder, to offer only coders who coded something. */
  codingCounts: ReadonlyMap<string, number>;
}

/**
 * What agreement compares, read through the core's query (shared/project/queries/agreement-input.ts),
 * the same one `threadmark agree` runs: so both print the same numbers for the same files.
 */
export async function loadAgreementSource(db: ThreadmarkDB): Promise<AgreementSource> {
  const { input, posts, codingCounts } = await storeOf(db).read((reader) => agreementSource(reader));
  return { input, postsById: new Map(posts.map((p) => [p.id, p])), codingCounts };
}

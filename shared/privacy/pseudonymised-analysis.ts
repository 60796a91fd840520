/**
 * The analysis tabs' CSVs as the pseudonymised project has them: the Attributes tab and
 * `threadmark attributes` (author cases keyed by alias, thread titles and text values rewritten),
 * the Memos tab and `threadmark export --to memos-csv` (targets, thread titles and memo texts
 * rewritten). Each reads the bundle prepareExport returned (export-privacy.ts), so the app and the
 * CLI give one alias per person; run on an identified bundle they give the identified tables.
 */
import { attributeTables, type ProjectAttributes } from '../analysis/attributes/attributes-of';
import { postFactsOf } from '../project/post-facts';
import { memoList, type MemoRow } from '../analysis/memos/memo-list';
import type { Bundle } from '../bundle/bundle';
import { storeFromBundle } from '../project/bundle-store';

export function bundleAttributeTables(bundle: Bundle): ProjectAttributes {
  return attributeTables(bundle.threads, bundle.posts.map(postFactsOf), bundle.attributes ?? [], bundle.attributeValues ?? []);
}

/** Every memo of `bundle` (memoList, as the memos CSV lists them); `keep`: only these rows (a filtered list), by kind and id. */
export async function bundleMemoRows(bundle: Bundle, keep?: ReadonlyArray<Pick<MemoRow, 'kind' | 'id'>>): Promise<MemoRow[]> {
  const rows = await storeFromBundle(bundle).read(memoList);
  if (keep === undefined) return rows;
  const wanted = new Set(keep.map((r) => `${r.kind}:${r.id}`));
  return rows.filter((r) => wanted.has(`${r.kind}:${r.id}`));
}

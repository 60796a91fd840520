/**
 * The change-log entries of one codebook import: kind 'import', one entry per changed code, all
 * sharing one operationId, by the bundle's first coder (a coder "threadmark-cli" is added to a
 * bundle that has none, since every entry names who made it).
 */
import type { AppliedChange } from '@shared/codebook/apply-codebook-diff';
import type { CodebookChange, Coder } from '@shared/model/records';
import type { IdSource } from '@shared/util/clock';

export const CLI_CODER_NAME = 'threadmark-cli';

/** The coder the entries name, and the bundle's coders with it. */
export function importCoder(coders: readonly Coder[], ids: IdSource): { coderId: string; coders: Coder[] } {
  const first = coders[0];
  if (first) return { coderId: first.id, coders: [...coders] };
  const coder = { id: ids.newId(), name: CLI_CODER_NAME };
  return { coderId: coder.id, coders: [coder] };
}

export function importChanges(applied: readonly AppliedChange[], at: string, coderId: string, ids: IdSource): CodebookChange[] {
  if (applied.length === 0) return [];
  const operationId = ids.newId();
  return applied.map((change) => ({
    id: ids.newId(),
    operationId,
    at,
    coderId,
    kind: 'import',
    codeId: change.codeId,
    summary: change.summary,
    before: change.before,
    after: change.after,
  }));
}

/** Reads an ids-only file (ids-only.ts) with every field checked; a bad one is a Problem naming it. */
import { z } from 'zod';

import type { Problem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';
import { IDS_ONLY_FORMAT, IDS_ONLY_FORMAT_VERSION, type IdsOnlyFile } from './ids-only';

const id = z.string().min(1, { error: 'must not be empty' });
const offset = z.int().nonnegative({ error: 'must not be negative' });

const idsOnlySchema = z.strictObject({
  format: z.literal(IDS_ONLY_FORMAT),
  formatVersion: z.literal(IDS_ONLY_FORMAT_VERSION),
  exportedAt: z.string(),
  projectId: id,
  hash: z.literal('sha256-utf8-nfc'),
  codes: z.array(z.strictObject({ id, name: z.string(), parentId: id.nullable() })),
  coders: z.array(z.strictObject({ id, name: z.string() })),
  threads: z.array(z.strictObject({ id, platform: z.string(), rootPlatformId: z.string().nullable(), instance: z.string().optional(), collectedAt: z.string().optional() })),
  posts: z.array(
    z.strictObject({
      id,
      platform: z.string(),
      platformId: z.string().nullable(),
      threadId: id,
      parentId: id.nullable(),
      textSha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hex digits (SHA-256)' }),
      codings: z.array(
        z
          .strictObject({ codeId: id, coderId: id, start: offset, end: offset, quoted: z.enum(['verbatim', 'paraphrased']).optional() })
          .refine((c) => c.start < c.end, { error: 'start must be before end' }),
      ),
    }),
  ),
});

export function readIdsOnly(text: string, file: string): Result<IdsOnlyFile, Problem> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err({ file, message: `not JSON: ${(e as Error).message}` });
  }
  const parsed = idsOnlySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const [table, index, ...rest] = issue.path.map(String);
    const record = table === undefined ? 'ids-only file' : index === undefined ? table : `${table}[${index}]`;
    return err({ file, record, ...(rest.length > 0 ? { field: rest.join('.') } : {}), message: issue.message });
  }
  return ok(parsed.data as IdsOnlyFile);
}

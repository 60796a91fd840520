/**
 * Shape of bundle format version 2 (docs/formats.md); version 1 is migrated to it first
 * (migrate-v1.ts). Records are strict: a field v1 does not know
 * is reported rather than silently dropped, because dropping it would lose the user's data.
 * Cross-record rules (ids, references, offsets) live in bundle-rules.ts.
 */
import * as z from 'zod';

import type { AttributeScope, AttributeType, CodebookChangeKind, DecisionOutcome, MemoTargetKind, Platform } from '../model/records';
import type { TableName } from '../project/tables';
import { unlessMissing } from './zod-problems';

export const PLATFORMS = [
  'threadmark',
  'reddit',
  'twitter',
  'mastodon',
  'bluesky',
  'youtube',
  '4cat',
  'csv',
  'text',
] as const satisfies readonly Platform[];

// Fails to compile if records.ts gains a platform this list lacks.
type MissingPlatform = Exclude<Platform, (typeof PLATFORMS)[number]>;
const allPlatformsListed: MissingPlatform extends never ? true : MissingPlatform = true;
void allPlatformsListed;

export const isoTime = z.iso.datetime({
  error: unlessMissing('expected an ISO 8601 UTC time such as "2024-05-01T12:00:00Z"'),
});
const id = z.string().min(1, { error: 'must not be empty' });
const offset = z.int().nonnegative({ error: 'must not be negative' });

export const appSchema = z.strictObject({ name: z.string(), version: z.string() });

const updatedAt = isoTime.optional();

export const packageRefSchema = z.strictObject({
  projectId: id,
  projectName: z.string(),
  roundId: id,
  roundName: z.string(),
  coderId: id,
  coderName: z.string(),
  codebookVersionId: id,
  previousCodebookVersionId: id.nullable(),
  instructions: z.string(),
  preparedAt: isoTime,
  leadMemos: z.array(z.strictObject({ target: z.strictObject({ kind: z.enum(['project', 'code']), id }), by: z.string(), text: z.string(), updatedAt: isoTime })).optional(),
});

/** "YYYY-MM-DD": a dataset's expiry (platform terms). */
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date written "YYYY-MM-DD"' });

export const platformTermsSchema = z.strictObject({ key: z.string().min(1, { error: 'must not be empty' }), terms: z.string() });

export const deletionLogRecordSchema = z.strictObject({
  id,
  appliedAt: isoTime,
  appliedBy: z.string(),
  listKind: z.enum(['posts', 'users']),
  listed: offset,
  unmatched: offset,
  posts: offset,
  codings: offset,
  perThread: z.array(z.strictObject({ threadId: id, posts: offset, codings: offset })),
});

export const projectSchema = z.strictObject({
  id,
  name: z.string(),
  createdAt: isoTime,
  package: packageRefSchema.optional(),
  platformTerms: z.array(platformTermsSchema).optional(),
  expiresAt: isoDay.optional(),
  deletionLog: z.array(deletionLogRecordSchema).optional(),
  pseudonymSecret: z.string().regex(/^[0-9a-f]{32,128}$/, 'a project secret is 32 to 128 lowercase hex digits').optional(),
  updatedAt,
});

export const threadSchema = z.strictObject({
  id,
  title: z.string(),
  platform: z.enum(PLATFORMS),
  rootPostId: id,
  importedAt: isoTime,
  source: z.string(),
  collectedAt: isoTime.optional(),
  collectedWith: z.string().optional(),
  instance: z.string().optional(),
  terms: z.string().optional(),
  expiresAt: isoDay.optional(),
  updatedAt,
});

export const postSchema = z.strictObject({
  id,
  threadId: id,
  parentId: id.nullable(),
  author: z.string(),
  createdAt: isoTime.nullable(),
  text: z.string(),
  platform: z.enum(PLATFORMS),
  platformId: z.string().nullable(),
  url: z.string().nullable(),
  meta: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.null()], {
      error: 'expected a string, number, boolean or null',
    }),
  ),
  deletedOnPlatform: isoTime.optional(),
});

const codeFields = {
  id,
  name: z.string().min(1, { error: 'must not be empty' }),
  parentId: id.nullable(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour written "#rrggbb"' }),
  /** Optional on read: a code without `order` takes its array index (tolerant restore). */
  order: z.number().optional(),
  definition: z.string(),
  inclusion: z.string(),
  exclusion: z.string(),
  examples: z.array(z.string()),
  exemplarCodingIds: z.array(id),
  shortcut: z.string().regex(/^[a-z0-9]$/, { error: 'expected one character a–z or 0–9' }).nullable(),
  codable: z.boolean(),
  retired: z.boolean(),
  updatedAt,
};

export const codeSchema = z.strictObject(codeFields);

/** A code as the change log and versions record it: a snapshot, so `order` is required. */
export const codeSnapshotSchema = z.strictObject({ ...codeFields, order: z.number() });

export const CODEBOOK_CHANGE_KINDS = ['add', 'edit', 'move', 'delete', 'merge', 'split', 'import'] as const satisfies readonly CodebookChangeKind[];

// Fails to compile if records.ts gains a change kind this list lacks.
type MissingKind = Exclude<CodebookChangeKind, (typeof CODEBOOK_CHANGE_KINDS)[number]>;
const allKindsListed: MissingKind extends never ? true : MissingKind = true;
void allKindsListed;

export const codebookChangeSchema = z.strictObject({
  id,
  operationId: id,
  at: isoTime,
  coderId: id,
  kind: z.enum(CODEBOOK_CHANGE_KINDS),
  codeId: id,
  summary: z.string(),
  before: codeSnapshotSchema.nullable(),
  after: codeSnapshotSchema.nullable(),
});

export const codebookVersionSchema = z.strictObject({
  id,
  name: z.string().min(1, { error: 'must not be empty' }),
  createdAt: isoTime,
  coderId: id,
  codes: z.array(codeSnapshotSchema),
  updatedAt,
});

export const coderSchema = z.strictObject({ id, name: z.string(), updatedAt });

export const codingSchema = z.strictObject({
  id,
  postId: id,
  codeId: id,
  coderId: id,
  start: offset,
  end: offset,
  quote: z.string(),
  memo: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  codebookVersionId: id.optional(),
  provenance: z.strictObject({ sourceCodingIds: z.array(id), decidedBy: id, decidedAt: isoTime, decisionId: id }).optional(),
  quoted: z.enum(['verbatim', 'paraphrased']).optional(),
});

export const assignmentSchema = z.strictObject({ id, coderId: id, postIds: z.array(id), source: z.string(), roundId: id.optional(), updatedAt });

export const roundSchema = z.strictObject({
  id,
  number: z.int().positive({ error: 'must be 1 or more' }),
  name: z.string(),
  createdAt: isoTime,
  codebookVersionId: id,
  coderIds: z.array(id),
  postIds: z.array(id),
  sample: z
    .strictObject({
      unit: z.enum(['post', 'thread']),
      size: z.int().positive({ error: 'must be 1 or more' }),
      seed: z.int(),
      stratifyBy: z.enum(['thread', 'platform']).nullable(),
    })
    .nullable(),
  instructions: z.string(),
  updatedAt,
});

export const DECISION_OUTCOMES = ['accept', 'both', 'none', 'adjust', 'add'] as const satisfies readonly DecisionOutcome[];

export const decisionSchema = z.strictObject({
  id,
  postId: id,
  codeId: id,
  roundId: id.nullable(),
  outcome: z.enum(DECISION_OUTCOMES),
  acceptedCoderIds: z.array(id),
  consensusCodingIds: z.array(id),
  memo: z.string(),
  decidedBy: id,
  decidedAt: isoTime,
  proposed: z.boolean(),
  updatedAt,
});

export const MEMO_TARGET_KINDS = ['project', 'thread', 'post', 'code'] as const satisfies readonly MemoTargetKind[];
export const ATTRIBUTE_SCOPES = ['author', 'thread'] as const satisfies readonly AttributeScope[];
export const ATTRIBUTE_TYPES = ['text', 'number', 'date'] as const satisfies readonly AttributeType[];

export const memoSchema = z.strictObject({
  id,
  target: z.strictObject({ kind: z.enum(MEMO_TARGET_KINDS), id }),
  coderId: id,
  text: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const attributeSchema = z.strictObject({
  id,
  scope: z.enum(ATTRIBUTE_SCOPES),
  name: z.string().min(1, { error: 'must not be empty' }),
  type: z.enum(ATTRIBUTE_TYPES),
  createdAt: isoTime,
  updatedAt,
});

export const attributeValueSchema = z.strictObject({
  id,
  attributeId: id,
  subject: z.string(),
  value: z.union([z.string(), z.number()], { error: 'expected a string or a number' }),
  updatedAt,
});

export const relationCodeSchema = z.strictObject({
  id,
  name: z.string().min(1, { error: 'must not be empty' }),
  definition: z.string(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour written "#rrggbb"' }),
  order: z.number(),
  createdAt: isoTime,
  updatedAt,
});

/** A whole post (no offsets) or a span of it: start, end and quote together. */
const relationEndSchema = z
  .strictObject({ postId: id, start: offset.optional(), end: offset.optional(), quote: z.string().optional() })
  .refine((e) => (e.start === undefined) === (e.end === undefined) && (e.start === undefined) === (e.quote === undefined), {
    error: 'a span end needs start, end and quote together (a whole-post end has none)',
  });

export const relationSchema = z.strictObject({
  id,
  relationCodeId: id,
  coderId: id,
  threadId: id,
  from: relationEndSchema,
  to: relationEndSchema,
  memo: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

/** The records a journal change may carry, by table (a coding keeps its `threadId` there). */
const journalRecordSchemas = {
  projects: projectSchema,
  threads: threadSchema,
  posts: postSchema,
  codes: codeSnapshotSchema,
  coders: coderSchema,
  codings: codingSchema.extend({ threadId: id }),
  codebookVersions: codebookVersionSchema,
  assignments: assignmentSchema,
  rounds: roundSchema,
  decisions: decisionSchema,
  memos: memoSchema,
  attributes: attributeSchema,
  attributeValues: attributeValueSchema,
  relationCodes: relationCodeSchema,
  relations: relationSchema,
} as const satisfies Record<TableName, z.ZodType>;

const JOURNAL_TABLES = Object.keys(journalRecordSchemas) as [TableName, ...TableName[]];

export const journalChangeSchema = z
  .strictObject({
    table: z.enum(JOURNAL_TABLES),
    id,
    before: z.unknown(),
    after: z.unknown(),
  })
  .superRefine((change, ctx) => {
    // Each side is a whole record of its table: a revert writes it back, so it is checked like one.
    for (const side of ['before', 'after'] as const) {
      const value = change[side];
      if (value === null) continue;
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', path: [side], message: 'missing (a record, or null)' });
        continue;
      }
      const parsed = journalRecordSchemas[change.table].safeParse(value);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [side, ...issue.path] as PropertyKey[], message: issue.message });
      else if ((parsed.data as { id: string }).id !== change.id) ctx.addIssue({ code: 'custom', path: [side, 'id'], message: `is not the change's id ${JSON.stringify(change.id)}` });
    }
  });

export const journalEntrySchema = z.strictObject({
  id,
  seq: z.int().positive({ error: 'must be 1 or more' }),
  at: isoTime,
  actorId: id,
  actorName: z.string(),
  operation: z.string().min(1, { error: 'must not be empty' }),
  summary: z.string(),
  changes: z.array(journalChangeSchema),
  addedPosts: z.array(z.strictObject({ threadId: id, postIds: z.array(id) })),
  reverts: id.nullable(),
});

/** The record arrays of a bundle, in the order they are written and checked. */
export const recordSchemas = {
  threads: threadSchema,
  posts: postSchema,
  codes: codeSchema,
  coders: coderSchema,
  codings: codingSchema,
  codebookVersions: codebookVersionSchema,
  rounds: roundSchema,
  assignments: assignmentSchema,
  decisions: decisionSchema,
  memos: memoSchema,
  attributes: attributeSchema,
  attributeValues: attributeValueSchema,
  relationCodes: relationCodeSchema,
  relations: relationSchema,
  journal: journalEntrySchema,
} as const;

export type RecordArrayName = keyof typeof recordSchemas;
export const RECORD_ARRAYS = Object.keys(recordSchemas) as RecordArrayName[];

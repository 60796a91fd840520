/**
 * Reading a bundle: shape (zod) first, record by record, then the cross-record rules. Every problem
 * is reported, not just the first, so a hand-edited file can be fixed in one pass.
 */
import type { Problem } from '../problem/problem';
import type * as z from 'zod';

import type { Result } from '../util/result';
import { err, ok } from '../util/result';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle } from './bundle';
import { appSchema, isoTime, projectSchema, RECORD_ARRAYS, type RecordArrayName } from './bundle-schema';
import { locateJsonError } from './json-error-location';
import { duplicateKeyMessage, firstDuplicateKey } from '../util/json-duplicate-keys';
import { migrateBundleV1 } from './migrate-v1';
import { migrateBundleV2 } from './migrate-v2';
import { RecordCheck } from './record-check';
import { describeValue, issueMessage, issuesToProblems } from './zod-problems';


export { formatProblem } from '../problem/problem';

type Raw = Record<string, unknown>;

const OPTIONAL_ARRAYS: ReadonlySet<RecordArrayName> = new Set(['journal', 'codebookVersions', 'assignments', 'rounds', 'decisions', 'memos', 'attributes', 'attributeValues', 'relationCodes', 'relations']);

/**
 * A bundle, or every problem found in it. Versions 1 and 2 are migrated to version 3 first
 * (migrate-v1.ts, migrate-v2.ts); a missing `journal` or `codebookVersions` reads as empty.
 * Unknown top-level keys are ignored (a later minor addition must not lock older readers out) and
 * are not carried into the result. A code without `order` gets its array index (tolerant restore
 * of hand-made codebooks).
 *
 * `streamed`: the record arrays a streamed read already fed, record by record, to a RecordCheck
 * (read-bundle-stream.ts; only for a version 3 file, which needs no migration); `json` holds them
 * as empty arrays.
 */
export function validateBundle(json: unknown, streamed?: RecordCheck): Result<Bundle, Problem[]> {
  const records = streamed ?? new RecordCheck();
  const checkedEnvelope = checkEnvelope(json, records);
  if (!checkedEnvelope.ok) return checkedEnvelope;
  const { exportedAt, app, project } = checkedEnvelope.value;
  const checked = records.checked;
  return ok({
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt,
    app,
    project,
    threads: checked.threads.map((r) => r.value),
    posts: checked.posts.map((r) => r.value),
    codes: checked.codes.map(({ index, value }) => ({ ...value, order: value.order ?? index })),
    coders: checked.coders.map((r) => r.value),
    codings: checked.codings.map((r) => r.value),
    journal: checked.journal.map((r) => r.value) as Bundle['journal'],
    codebookVersions: checked.codebookVersions.map((r) => r.value),
    assignments: checked.assignments.map((r) => r.value),
    // Like serializeBundle, present only when the project has them (a project outside the team loop).
    ...(checked.rounds.length > 0 ? { rounds: checked.rounds.map((r) => r.value) } : {}),
    ...(checked.decisions.length > 0 ? { decisions: checked.decisions.map((r) => r.value) } : {}),
    ...(checked.memos.length > 0 ? { memos: checked.memos.map((r) => r.value) } : {}),
    ...(checked.attributes.length > 0 ? { attributes: checked.attributes.map((r) => r.value) } : {}),
    ...(checked.attributeValues.length > 0 ? { attributeValues: checked.attributeValues.map((r) => r.value) } : {}),
    ...(checked.relationCodes.length > 0 ? { relationCodes: checked.relationCodes.map((r) => r.value) } : {}),
    ...(checked.relations.length > 0 ? { relations: checked.relations.map((r) => r.value) } : {}),
  });
}

/** Where records go to be checked: RecordCheck, or BoundedRecordCheck (a bounded read). */
export interface RecordChecker {
  readonly fed: ReadonlySet<RecordArrayName>;
  add(array: RecordArrayName, records: readonly unknown[]): void;
  problems(): Problem[];
}

/** A valid bundle's head. */
export interface Envelope {
  exportedAt: string;
  app: Bundle['app'];
  project: Bundle['project'];
}

/**
 * The bundle around its records: identity (migrating versions 1 and 2), exportedAt, app and project,
 * and each record array present and an array, fed to `records` unless already fed as streamed; every
 * problem, the records' included.
 */
export function checkEnvelope(json: unknown, records: RecordChecker): Result<Envelope, Problem[]> {
  if (!isObject(json)) return err([{ record: 'bundle', message: `expected a JSON object, got ${describeValue(json)}` }]);
  const identity = checkIdentity(json);
  if (identity.length > 0) return err(identity);
  const v2 = json.formatVersion === 1 ? migrateBundleV1(json) : json;
  let input = v2;
  if (v2.formatVersion === 2) {
    const migrated = migrateBundleV2(v2);
    if (!migrated.ok) return err(migrated.error);
    input = migrated.value;
  }

  const problems: Problem[] = [];
  const exportedAt = parsePart(isoTime, input, 'exportedAt', problems);
  const app = parsePart(appSchema, input, 'app', problems);
  const project = parsePart(projectSchema, input, 'project', problems);

  for (const array of RECORD_ARRAYS) {
    if (records.fed.has(array)) continue;
    const value = input[array];
    // A bundle written without a codebook history (the CLI import, a hand-made file) has none.
    if (value === undefined && OPTIONAL_ARRAYS.has(array)) continue;
    if (!Array.isArray(value)) {
      problems.push({ record: 'bundle', field: array, message: value === undefined ? 'missing (expected an array)' : `expected an array, got ${describeValue(value)}` });
      continue;
    }
    records.add(array, value);
  }
  problems.push(...records.problems());
  if (problems.length > 0 || exportedAt === undefined || app === undefined || project === undefined) return err(problems);
  return ok({ exportedAt, app, project });
}

/** Text of a `*.threadmark.json` file → bundle. A leading BOM is allowed; syntax errors name line and column. */
export function parseBundleText(text: string): Result<Bundle, Problem[]> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return err([{ record: 'bundle', message: 'the file is empty' }]);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const at = locateJsonError(body);
    const message = at
      ? `not valid JSON: line ${at.line}, column ${at.column}: ${at.message}`
      : `not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
    return err([{ record: 'bundle', message }]);
  }
  const duplicate = firstDuplicateKey(body);
  if (duplicate) return err([{ record: 'bundle', message: `not accepted as JSON: ${duplicateKeyMessage(duplicate)}` }]);
  return validateBundle(json);
}

/** Not a Threadmark bundle, or a version we cannot read: one clear problem instead of a flood. */
function checkIdentity(input: Raw): Problem[] {
  const { format, formatVersion } = input;
  if (format !== BUNDLE_FORMAT) {
    const got = format === undefined ? 'it is missing' : `got ${describeValue(format)}`;
    return [{ record: 'bundle', field: 'format', message: `not a Threadmark bundle: expected "${BUNDLE_FORMAT}", ${got}` }];
  }
  if (formatVersion === BUNDLE_FORMAT_VERSION || formatVersion === 1 || formatVersion === 2) return [];
  const message =
    typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > BUNDLE_FORMAT_VERSION
      ? `format version ${formatVersion} is newer than this version of Threadmark can read (${BUNDLE_FORMAT_VERSION}); update Threadmark`
      : `unknown format version ${formatVersion === undefined ? '(missing)' : describeValue(formatVersion)}; this version of Threadmark reads versions 1 to ${BUNDLE_FORMAT_VERSION}`;
  return [{ record: 'bundle', field: 'formatVersion', message }];
}

function parsePart<T>(schema: z.ZodType<T>, input: Raw, key: string, problems: Problem[]): T | undefined {
  const value = input[key];
  if (value === undefined) {
    problems.push({ record: 'bundle', field: key, message: 'missing' });
    return undefined;
  }
  const parsed = schema.safeParse(value, { error: issueMessage });
  if (parsed.success) return parsed.data;
  // exportedAt is a plain value on the envelope; app and project are records of their own.
  const asRecord = isObject(value) && key !== 'exportedAt';
  problems.push(...issuesToProblems(parsed.error.issues, asRecord ? key : 'bundle', asRecord ? [] : [key]));
  return undefined;
}

function isObject(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A bundle that breaks the format's cross-record rules (a coding on a missing post, a loop in the
 * code tree) is refused by validateBundle, but that is exactly what the integrity check
 * (queries/integrity.ts) is for. This opens such a file anyway: every record that is well-formed
 * on its own is kept, each one that is not is listed, and the rules between records are left to
 * the check. Only the current format (3); older files go through validateBundle's migration.
 */
import type { Bundle } from '../bundle/bundle';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from '../bundle/bundle';
import { projectSchema, recordSchemas, RECORD_ARRAYS, type RecordArrayName } from '../bundle/bundle-schema';
import { recordLabel } from '../bundle/problem';
import { validateBundle } from '../bundle/validate';
import { issueMessage, issuesToProblems } from '../bundle/zod-problems';
import type { Coding } from '../model/records';
import type { Problem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';
import { storeFromBundle } from './bundle-store';
import { MemoryProjectStore, type ProjectData } from './memory-store';

/** The thread of a coding whose post is missing. */
export const UNKNOWN_THREAD = 'unknown-thread';

export interface LenientOpen {
  store: MemoryProjectStore;
  /** Records left out because they are not well-formed on their own; empty for a valid bundle. */
  unreadable: Problem[];
  /** The bundle as validated when it passed every rule. */
  bundle: Bundle | null;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function openBundleLeniently(json: unknown): Result<LenientOpen, Problem[]> {
  const strict = validateBundle(json);
  if (strict.ok) return ok({ store: storeFromBundle(strict.value), unreadable: [], bundle: strict.value });
  if (!isObject(json) || json.format !== BUNDLE_FORMAT || json.formatVersion !== BUNDLE_FORMAT_VERSION) return err(strict.error);
  const project = projectSchema.safeParse(json.project);
  if (!project.success) return err(strict.error);

  const unreadable: Problem[] = [];
  const records = {} as Record<RecordArrayName, unknown[]>;
  for (const array of RECORD_ARRAYS) {
    const raw = Array.isArray(json[array]) ? (json[array] as unknown[]) : [];
    records[array] = [];
    raw.forEach((record, index) => {
      const parsed = recordSchemas[array].safeParse(record, { error: issueMessage });
      if (parsed.success) records[array].push(parsed.data);
      else unreadable.push(...issuesToProblems(parsed.error.issues, recordLabel(array, index, isObject(record) ? record.id : undefined)));
    });
  }
  const posts = records.posts as ProjectData['posts'];
  const threadOf = new Map(posts.map((p) => [p.id, p.threadId]));
  // A coding on a missing post has no thread; the journal of its removal still needs one named.
  const codings = (records.codings as Array<Omit<Coding, 'threadId'>>).map((c): Coding => ({ ...c, threadId: threadOf.get(c.postId) ?? UNKNOWN_THREAD }));
  const codes = (records.codes as ProjectData['codes']).map((c, index) => ({ ...c, order: c.order ?? index }));
  const store = new MemoryProjectStore({
    project: project.data,
    threads: records.threads as ProjectData['threads'],
    posts,
    codes,
    coders: records.coders as ProjectData['coders'],
    codings,
    codebookVersions: records.codebookVersions as ProjectData['codebookVersions'],
    assignments: records.assignments as ProjectData['assignments'],
    rounds: records.rounds as ProjectData['rounds'],
    decisions: records.decisions as ProjectData['decisions'],
    memos: records.memos as ProjectData['memos'],
    attributes: records.attributes as ProjectData['attributes'],
    attributeValues: records.attributeValues as ProjectData['attributeValues'],
    relationCodes: records.relationCodes as ProjectData['relationCodes'],
    relations: records.relations as ProjectData['relations'],
    journal: records.journal as ProjectData['journal'],
  });
  return ok({ store, unreadable, bundle: null });
}

/**
 * Brings a validated bundle into the project: records whose id is not stored yet are added, stored
 * ones are never overwritten (skipped and counted). New posts of a stored thread go after its posts.
 * An added code whose shortcut a stored code has loses it. Into an empty project (opening a bundle),
 * the bundle's journal is kept as the project's history; into a project with records it is not
 * (it tells another project's story) and the import is one entry of this project's journal.
 */
import type { Bundle, BundleCoding } from '../../bundle/bundle';
import type { Assignment, Attribute, AttributeValue, Code, CodebookVersion, Coder, Coding, Decision, Memo, Post, Project, Relation, RelationCode, Round, Thread } from '../../model/records';
import { codePointLength, sliceCodePoints } from '../../text/offsets';
import { err, ok } from '../../util/result';
import type { JournalEntry } from '../journal-entry';
import { defineOperation } from '../operation';
import { readSmallTables } from '../small-tables';
import { memosAndAttributesToAdd } from './memos-attributes-import';

const plural = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export type RecordCounts = Record<'threads' | 'posts' | 'codes' | 'coders' | 'codings' | 'codebookVersions', number>;

export interface BundleImportSummary {
  added: RecordCounts;
  skipped: RecordCounts;
  /** True when the bundle's journal became the project's history (the project was empty). */
  historyKept: boolean;
}

export interface BundleImportSnapshot {
  project: Project | undefined;
  threads: Thread[];
  storedPosts: Map<string, Post>;
  codes: Code[];
  coders: Coder[];
  storedCodings: Set<string>;
  versions: CodebookVersion[];
  /** The team loop's records: a coder package's assignment, a lead's rounds and decisions. */
  assignments: Assignment[];
  rounds: Round[];
  decisions: Decision[];
  memos: Memo[];
  attributes: Attribute[];
  attributeValues: AttributeValue[];
  relationCodes: RelationCode[];
  relationIds: Set<string>;
  lastSeq: number;
}

export const importBundle = defineOperation<{ bundle: Bundle; source: string }, BundleImportSnapshot, BundleImportSummary>({
  kind: 'bundle.import',
  async read(reader, { bundle }) {
    const postIds = [...new Set([...bundle.posts.map((p) => p.id), ...bundle.codings.map((c) => c.postId)])];
    const [small, storedPosts, codings, lastSeq] = await Promise.all([readSmallTables(reader), reader.posts(postIds), reader.codingsByIds(bundle.codings.map((c) => c.id)), reader.lastSeq()]);
    const { codebookVersions: versions, relations, ...rest } = small;
    return { ...rest, storedPosts, storedCodings: new Set(codings.keys()), versions, relationIds: new Set(relations.map((r) => r.id)), lastSeq };
  },
  plan(s, { bundle, source }) {
    const notIn = <T extends { id: string }>(stored: readonly { id: string }[] | ReadonlySet<string>, records: readonly T[]): T[] => {
      const ids = stored instanceof Set ? stored : new Set((stored as readonly { id: string }[]).map((r) => r.id));
      return records.filter((r) => !ids.has(r.id));
    };
    const threads = notIn(s.threads, bundle.threads);
    const posts = bundle.posts.filter((p) => !s.storedPosts.has(p.id));
    const codes = withFreeShortcuts(notIn(s.codes, bundle.codes), s.codes);
    const coders = notIn(s.coders, bundle.coders);
    const bundleCodings = bundle.codings.filter((c) => !s.storedCodings.has(c.id));
    const versions = notIn(s.versions, bundle.codebookVersions ?? []);
    const rounds = notIn(s.rounds, bundle.rounds ?? []);
    const assignments = notIn(s.assignments, bundle.assignments ?? []);
    const decisions = notIn(s.decisions, bundle.decisions ?? []);
    const { memos, attributes, attributeValues } = memosAndAttributesToAdd(s, bundle);
    const { relationCodes, relations } = relationsToAdd(s, bundle);
    const bundlePosts = new Map(bundle.posts.map((p) => [p.id, p]));
    const codings: Coding[] = [];
    for (const coding of bundleCodings) {
      const post = s.storedPosts.get(coding.postId) ?? bundlePosts.get(coding.postId);
      const placed = post ? withThread(coding, post) : null;
      if (!placed) return err({ file: source, record: `coding ${coding.id}`, field: 'postId', message: `its range or quote does not match the text of post ${coding.postId}` });
      codings.push(placed);
    }
    const empty = s.project === undefined && s.lastSeq === 0;
    const adopted: JournalEntry[] = empty ? (bundle.journal ?? []) : [];
    const counts = (a: number[]): RecordCounts => ({ threads: a[0]!, posts: a[1]!, codes: a[2]!, coders: a[3]!, codings: a[4]!, codebookVersions: a[5]! });
    const added = counts([threads.length, posts.length, codes.length, coders.length, codings.length, versions.length]);
    const all = [bundle.threads.length, bundle.posts.length, bundle.codes.length, bundle.coders.length, bundle.codings.length, (bundle.codebookVersions ?? []).length];
    const skipped = counts(all.map((n, i) => n - Object.values(added)[i]!));
    return ok({
      summary: `Opened “${source}”: ${[plural(added.threads, 'thread'), plural(added.posts, 'post'), plural(added.codes, 'code'), plural(added.codings, 'coding')].join(', ')}`,
      changes: {
        projects: s.project ? [] : [{ before: null, after: bundle.project }],
        threads: threads.map((after) => ({ before: null, after })),
        posts: posts.map((after) => ({ before: null, after })),
        codes: codes.map((after) => ({ before: null, after })),
        coders: coders.map((after) => ({ before: null, after })),
        codings: codings.map((after) => ({ before: null, after })),
        codebookVersions: versions.map((after) => ({ before: null, after })),
        rounds: rounds.map((after) => ({ before: null, after })),
        assignments: assignments.map((after) => ({ before: null, after })),
        decisions: decisions.map((after) => ({ before: null, after })),
        memos: memos.map((after) => ({ before: null, after })),
        attributes: attributes.map((after) => ({ before: null, after })),
        attributeValues: attributeValues.map((after) => ({ before: null, after })),
        relationCodes: relationCodes.map((after) => ({ before: null, after })),
        relations: relations.map((after) => ({ before: null, after })),
      },
      result: { added, skipped, historyKept: adopted.length > 0 },
      adoptJournal: adopted,
    });
  },
});

/**
 * Relation codes and relations not stored yet: a relation code named like a stored one (names are
 * unique, case aside) is that one, and its relations follow it; a stored relation is never overwritten.
 */
function relationsToAdd(s: Pick<BundleImportSnapshot, 'relationCodes' | 'relationIds'>, bundle: Bundle): { relationCodes: RelationCode[]; relations: Relation[] } {
  const storedIds = new Set(s.relationCodes.map((c) => c.id));
  const byName = new Map(s.relationCodes.map((c) => [c.name.toLowerCase(), c.id]));
  const codeId = new Map<string, string>();
  const relationCodes: RelationCode[] = [];
  for (const code of bundle.relationCodes ?? []) {
    const same = storedIds.has(code.id) ? code.id : byName.get(code.name.toLowerCase());
    if (same !== undefined) codeId.set(code.id, same);
    else {
      relationCodes.push(code);
      byName.set(code.name.toLowerCase(), code.id);
    }
  }
  const relations = (bundle.relations ?? []).filter((r) => !s.relationIds.has(r.id)).map((r) => (codeId.has(r.relationCodeId) ? { ...r, relationCodeId: codeId.get(r.relationCodeId)! } : r));
  return { relationCodes, relations };
}

/** The stored codebook keeps its shortcut keys; an added code whose key is taken goes without. */
function withFreeShortcuts(adding: readonly Code[], stored: readonly Code[]): Code[] {
  const taken = new Set(stored.map((c) => c.shortcut).filter((k) => k !== null));
  return adding.map((code) => (code.shortcut !== null && taken.has(code.shortcut) ? { ...code, shortcut: null } : code));
}

function withThread(coding: BundleCoding, post: Post): Coding | null {
  const fits =
    Number.isSafeInteger(coding.start) &&
    Number.isSafeInteger(coding.end) &&
    coding.start >= 0 &&
    coding.start < coding.end &&
    coding.end <= codePointLength(post.text) &&
    sliceCodePoints(post.text, coding.start, coding.end) === coding.quote;
  return fits ? { ...coding, threadId: post.threadId } : null;
}

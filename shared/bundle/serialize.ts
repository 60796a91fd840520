/**
 * Writes a bundle deterministically: the same content always gives the same bytes, whatever key
 * order the objects were built with, so exports diff cleanly and export → import → export is
 * byte-identical. Key order is the one documented in docs/formats.md. Fields a record carries
 * beyond the format (e.g. a Coding's `threadId` inside the app) are not written.
 */
import type { Assignment, Attribute, AttributeValue, Code, CodebookVersion, CoderPackageRef, Coder, Coding, Decision, DeletionLogRecord, Memo, Post, PostMeta, Project, Relation, RelationCode, RelationEnd, Round, Thread } from '../model/records';
import type { JournalChange, JournalEntry } from '../project/journal-entry';
import type { Bundle, BundleCoding } from './bundle';

export function serializeBundle(b: Bundle): string {
  const ordered = {
    format: b.format,
    formatVersion: b.formatVersion,
    exportedAt: b.exportedAt,
    app: { name: b.app.name, version: b.app.version },
    project: project(b.project),
    threads: b.threads.map(thread),
    posts: b.posts.map(post),
    codes: b.codes.map(code),
    coders: b.coders.map(coder),
    codings: b.codings.map(coding),
    codebookVersions: (b.codebookVersions ?? []).map(version),
    // Written only when the project has them, so a project outside the team loop keeps its bytes.
    ...(b.rounds?.length ? { rounds: b.rounds.map(round) } : {}),
    assignments: (b.assignments ?? []).map(assignment),
    ...(b.decisions?.length ? { decisions: b.decisions.map(decision) } : {}),
    // Like rounds: written only when the project has them, so older bundles keep their bytes.
    ...(b.memos?.length ? { memos: b.memos.map(memo) } : {}),
    ...(b.attributes?.length ? { attributes: b.attributes.map(attribute) } : {}),
    ...(b.attributeValues?.length ? { attributeValues: b.attributeValues.map(attributeValue) } : {}),
    ...(b.relationCodes?.length ? { relationCodes: b.relationCodes.map(relationCode) } : {}),
    ...(b.relations?.length ? { relations: b.relations.map(relation) } : {}),
    journal: (b.journal ?? []).map(entry),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** `updatedAt` is written where a record has one (records stored before the journal have none). */
const stamp = (r: { updatedAt?: string }): { updatedAt?: string } => (r.updatedAt === undefined ? {} : { updatedAt: r.updatedAt });

const project = (p: Project): Project => ({
  id: p.id,
  name: p.name,
  createdAt: p.createdAt,
  ...(p.package ? { package: packageRef(p.package) } : {}),
  ...(p.platformTerms && p.platformTerms.length > 0 ? { platformTerms: p.platformTerms.map((t) => ({ key: t.key, terms: t.terms })) } : {}),
  ...(p.expiresAt ? { expiresAt: p.expiresAt } : {}),
  ...(p.deletionLog && p.deletionLog.length > 0 ? { deletionLog: p.deletionLog.map(deletionLogRecord) } : {}),
  // Written only when the project has one: older bundles keep their bytes, shareable ones carry none.
  ...(p.pseudonymSecret ? { pseudonymSecret: p.pseudonymSecret } : {}),
  ...stamp(p),
});

const deletionLogRecord = (r: DeletionLogRecord): DeletionLogRecord => ({
  id: r.id,
  appliedAt: r.appliedAt,
  appliedBy: r.appliedBy,
  listKind: r.listKind,
  listed: r.listed,
  unmatched: r.unmatched,
  posts: r.posts,
  codings: r.codings,
  perThread: r.perThread.map((t) => ({ threadId: t.threadId, posts: t.posts, codings: t.codings })),
});

/** Optional text fields are written only when non-empty, so bundles without them keep their bytes. */
const nonEmpty = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value ? ({ [key]: value } as Record<K, string>) : {});

const packageRef = (r: CoderPackageRef): CoderPackageRef => ({
  projectId: r.projectId,
  projectName: r.projectName,
  roundId: r.roundId,
  roundName: r.roundName,
  coderId: r.coderId,
  coderName: r.coderName,
  codebookVersionId: r.codebookVersionId,
  previousCodebookVersionId: r.previousCodebookVersionId,
  instructions: r.instructions,
  preparedAt: r.preparedAt,
  // Only when the lead wrote some: packages without keep their bytes.
  ...(r.leadMemos && r.leadMemos.length > 0 ? { leadMemos: r.leadMemos.map((m) => ({ target: { kind: m.target.kind, id: m.target.id }, by: m.by, text: m.text, updatedAt: m.updatedAt })) } : {}),
});

const thread = (t: Thread): Thread => ({
  id: t.id,
  title: t.title,
  platform: t.platform,
  rootPostId: t.rootPostId,
  importedAt: t.importedAt,
  source: t.source,
  ...nonEmpty('collectedAt', t.collectedAt),
  ...nonEmpty('collectedWith', t.collectedWith),
  ...nonEmpty('instance', t.instance),
  ...nonEmpty('terms', t.terms),
  ...nonEmpty('expiresAt', t.expiresAt),
  ...stamp(t),
});

const post = (p: Post): Post => ({
  id: p.id,
  threadId: p.threadId,
  parentId: p.parentId,
  author: p.author,
  createdAt: p.createdAt,
  text: p.text,
  platform: p.platform,
  platformId: p.platformId,
  url: p.url,
  meta: sortedMeta(p.meta),
  ...nonEmpty('deletedOnPlatform', p.deletedOnPlatform),
});

const code = (c: Code): Code => ({
  id: c.id,
  name: c.name,
  parentId: c.parentId,
  color: c.color,
  order: c.order,
  definition: c.definition,
  inclusion: c.inclusion,
  exclusion: c.exclusion,
  examples: [...c.examples],
  exemplarCodingIds: [...c.exemplarCodingIds],
  shortcut: c.shortcut,
  codable: c.codable,
  retired: c.retired,
  ...stamp(c),
});

const entry = (e: JournalEntry): JournalEntry => ({
  id: e.id,
  seq: e.seq,
  at: e.at,
  actorId: e.actorId,
  actorName: e.actorName,
  operation: e.operation,
  summary: e.summary,
  reverts: e.reverts,
  addedPosts: e.addedPosts.map((a) => ({ threadId: a.threadId, postIds: [...a.postIds] })),
  changes: e.changes.map(journalChange),
});

const journalChange = (c: JournalChange): JournalChange => ({
  table: c.table,
  id: c.id,
  before: c.before === null ? null : journalRecord(c.table, c.before),
  after: c.after === null ? null : journalRecord(c.table, c.after),
});

function journalRecord(table: JournalChange['table'], r: NonNullable<JournalChange['before']>): NonNullable<JournalChange['before']> {
  switch (table) {
    case 'projects':
      return project(r as Project);
    case 'threads':
      return thread(r as Thread);
    case 'posts':
      return post(r as Post);
    case 'codes':
      return code(r as Code);
    case 'coders':
      return coder(r as Coder);
    case 'codings':
      return { ...coding(r as Coding), threadId: (r as Coding).threadId } as Coding;
    case 'codebookVersions':
      return version(r as CodebookVersion);
    case 'assignments':
      return assignment(r as Assignment);
    case 'rounds':
      return round(r as Round);
    case 'decisions':
      return decision(r as Decision);
    case 'memos':
      return memo(r as Memo);
    case 'attributes':
      return attribute(r as Attribute);
    case 'attributeValues':
      return attributeValue(r as AttributeValue);
    case 'relationCodes':
      return relationCode(r as RelationCode);
    case 'relations':
      return relation(r as Relation);
  }
}

const version = (v: CodebookVersion): CodebookVersion => ({
  id: v.id,
  name: v.name,
  createdAt: v.createdAt,
  coderId: v.coderId,
  codes: v.codes.map(code),
  ...stamp(v),
});

const assignment = (a: Assignment): Assignment => ({
  id: a.id,
  coderId: a.coderId,
  postIds: [...a.postIds],
  source: a.source,
  ...(a.roundId === undefined ? {} : { roundId: a.roundId }),
  ...stamp(a),
});

const round = (r: Round): Round => ({
  id: r.id,
  number: r.number,
  name: r.name,
  createdAt: r.createdAt,
  codebookVersionId: r.codebookVersionId,
  coderIds: [...r.coderIds],
  postIds: [...r.postIds],
  sample: r.sample === null ? null : { unit: r.sample.unit, size: r.sample.size, seed: r.sample.seed, stratifyBy: r.sample.stratifyBy },
  instructions: r.instructions,
  ...stamp(r),
});

const decision = (d: Decision): Decision => ({
  id: d.id,
  postId: d.postId,
  codeId: d.codeId,
  roundId: d.roundId,
  outcome: d.outcome,
  acceptedCoderIds: [...d.acceptedCoderIds],
  consensusCodingIds: [...d.consensusCodingIds],
  memo: d.memo,
  decidedBy: d.decidedBy,
  decidedAt: d.decidedAt,
  proposed: d.proposed,
  ...stamp(d),
});

const memo = (m: Memo): Memo => ({
  id: m.id,
  target: { kind: m.target.kind, id: m.target.id },
  coderId: m.coderId,
  text: m.text,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});

const attribute = (a: Attribute): Attribute => ({ id: a.id, scope: a.scope, name: a.name, type: a.type, createdAt: a.createdAt, ...stamp(a) });

const attributeValue = (v: AttributeValue): AttributeValue => ({ id: v.id, attributeId: v.attributeId, subject: v.subject, value: v.value, ...stamp(v) });

const relationCode = (c: RelationCode): RelationCode => ({ id: c.id, name: c.name, definition: c.definition, color: c.color, order: c.order, createdAt: c.createdAt, ...stamp(c) });

const relationEnd = (e: RelationEnd): RelationEnd => ({ postId: e.postId, ...(e.start === undefined ? {} : { start: e.start, end: e.end, quote: e.quote }) });

const relation = (r: Relation): Relation => ({
  id: r.id,
  relationCodeId: r.relationCodeId,
  coderId: r.coderId,
  threadId: r.threadId,
  from: relationEnd(r.from),
  to: relationEnd(r.to),
  memo: r.memo,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const coder = (c: Coder): Coder => ({ id: c.id, name: c.name, ...stamp(c) });

const coding = (c: BundleCoding): BundleCoding => ({
  id: c.id,
  postId: c.postId,
  codeId: c.codeId,
  coderId: c.coderId,
  start: c.start,
  end: c.end,
  quote: c.quote,
  memo: c.memo,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  ...(c.codebookVersionId === undefined ? {} : { codebookVersionId: c.codebookVersionId }),
  ...(c.provenance === undefined
    ? {}
    : { provenance: { sourceCodingIds: [...c.provenance.sourceCodingIds], decidedBy: c.provenance.decidedBy, decidedAt: c.provenance.decidedAt, decisionId: c.provenance.decisionId } }),
  ...(c.quoted === undefined ? {} : { quoted: c.quoted }),
});

/** Meta keys come from many platforms in any order; sorting makes the output order-independent. */
function sortedMeta(meta: PostMeta): PostMeta {
  const keys = Object.keys(meta);
  // Most posts carry a few keys or none: no entries array per post (a million of them at scale).
  if (keys.length === 0) return {};
  if (keys.includes('__proto__')) {
    // fromEntries defines own properties, so even a "__proto__" key is written as data.
    return Object.fromEntries(keys.sort().map((key) => [key, meta[key] ?? null]));
  }
  const out: PostMeta = {};
  for (const key of keys.sort()) out[key] = meta[key] ?? null;
  return out;
}

/** Each array serialize-chunks.ts streams, a record as serializeBundle writes it (key order, meta sorted, absent fields left out). */
export const writtenRecord = { threads: thread, posts: post, codes: code, coders: coder, codings: coding, codebookVersions: version, assignments: assignment, journal: entry } as const;

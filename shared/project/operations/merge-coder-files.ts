/**
 * The lead takes the returned coder files back into the round (docs/team-loop.md). Each file is
 * checked against the package it came from — this project, an existing round, a coder of it, the
 * round's codebook version, the posts assigned to that coder with the same text — and one file
 * that fails refuses them all, naming the file and the field: nothing is written. A file is its
 * coder's layer for the posts it was assigned: its codings are added or updated with their own
 * ids, and the coder's codings of those posts it no longer has are removed. So merging the same
 * file twice changes nothing, and a file coded further replaces what was merged before.
 */
import { diffCodebooks, type CodebookDiffEntry } from '../../codebook/codebook-diff';
import type { Assignment, Code, CodebookVersion, Coder, Coding, CoderPackageRef, Memo, Post, Project, Round } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { ChangeSet, RowChange } from '../change-set';
import { defineOperation } from '../operation';
import type { ProjectReader } from '../project-store';
import { restorePackageFile } from '../../privacy/restore-returned';
import { projectPeople } from '../queries/author-aliases';
import type { CoderFile } from '../queries/coder-files';
import { sameRecord } from '../same-record';
import { planCoderMemos, type MergedMemoCounts } from './merge-coder-memos';
import { memoKey } from './memos';

export interface MergeCoderFilesInput {
  files: CoderFile[];
}

export interface MergedFileReport {
  file: string;
  coderName: string;
  roundName: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  /** How the file's codebook differs from the round's pinned version: codes the coder added, renamed… */
  codebookChanges: CodebookDiffEntry[];
  /** The coder's post, thread and code memos (merge-coder-memos.ts). */
  memos: MergedMemoCounts;
}

export interface MergeReport {
  files: MergedFileReport[];
}

interface MergeSnapshot {
  project: Project | undefined;
  rounds: Round[];
  versions: CodebookVersion[];
  coders: Coder[];
  codes: Code[];
  assignments: Assignment[];
  /** This project's copies of the posts the files hold. */
  posts: Map<string, Post>;
  /** Stored codings of the posts the files hold (every coder's). */
  codingsOfPosts: Coding[];
  /** Stored codings sharing an id with a coding of a file. */
  sameIds: Map<string, Coding>;
  threadIds: Set<string>;
  /** Every stored memo, by memoKey (one per target and coder). */
  memos: Map<string, Memo>;
  /** The files, each returned package prepared pseudonymised carried back to the stored texts (restorePackageFile). */
  files: readonly CoderFile[];
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: Problem };

/** One consistent read of everything the check and the plan need. */
async function readMerge(reader: ProjectReader, files: readonly CoderFile[]): Promise<MergeSnapshot> {
  const [project, rounds, versions, coders, codes, assignments, threads, memos] = await Promise.all([
    reader.project(),
    reader.rounds(),
    reader.versions(),
    reader.coders(),
    reader.codes(),
    reader.assignments(),
    reader.threads(),
    reader.memos(),
  ]);
  const postIds = [...new Set(files.flatMap((f) => f.bundle.posts.map((p) => p.id)))];
  const [posts, codingsOfPosts, sameIds] = await Promise.all([
    reader.posts(postIds),
    reader.codingsOfPosts(postIds),
    reader.codingsByIds(files.flatMap((f) => f.bundle.codings.map((c) => c.id))),
  ]);
  // A package prepared pseudonymised (the default) holds rewritten texts: read the project's people only then.
  const rewritten = files.some((f) => f.bundle.posts.some((p) => posts.has(p.id) && posts.get(p.id)!.text !== p.text));
  const people = rewritten ? await projectPeople(reader) : null;
  return {
    files: people ? files.map((f) => ({ ...f, bundle: restorePackageFile(f.bundle, posts, people) })) : files,
    project,
    rounds,
    versions,
    coders,
    codes,
    assignments,
    posts,
    codingsOfPosts,
    sameIds,
    threadIds: new Set(threads.map((t) => t.id)),
    memos: new Map(memos.map((m) => [memoKey(m), m])),
  };
}

/** What merging the files would do, read only: the report the lead confirms, or the refusal. */
export async function previewMergeCoderFiles(reader: ProjectReader, files: readonly CoderFile[]): Promise<Result<MergeReport, Problem>> {
  const snapshot = await readMerge(reader, files);
  const planned = planMerge(snapshot, snapshot.files);
  return planned.ok ? ok(planned.value.report) : planned;
}

export const mergeCoderFiles = defineOperation<MergeCoderFilesInput, MergeSnapshot, MergeReport>({
  kind: 'round.merge',
  read: (reader, { files }) => readMerge(reader, files),
  plan(snapshot) {
    const planned = planMerge(snapshot, snapshot.files);
    if (!planned.ok) return planned;
    const { changes, report } = planned.value;
    return ok({ summary: summaryOf(report), changes, result: report });
  },
});

/** A file that passed its checks: whose layer it is, for which posts. */
interface CheckedFile {
  file: CoderFile;
  ref: CoderPackageRef;
  round: Round;
  coder: Coder;
  /** The posts the file was assigned: the posts whose layer it is. */
  scope: Set<string>;
}

function planMerge(snapshot: MergeSnapshot, files: readonly CoderFile[]): Checked<{ changes: ChangeSet; report: MergeReport }> {
  if (files.length === 0) return err({ record: 'files', message: 'no coder files to merge' });
  const checkedFiles: CheckedFile[] = [];
  const seenLayers = new Map<string, string>();
  for (const file of files) {
    const checked = checkFile(snapshot, file);
    if (!checked.ok) return checked;
    const layer = `${checked.value.round.id}\u0000${checked.value.coder.id}`;
    const earlier = seenLayers.get(layer);
    if (earlier !== undefined) {
      return err({ file: file.name, record: 'project', field: 'package', message: `is ${checked.value.coder.name}'s file of “${checked.value.round.name}”, as is ${earlier}: merge one of them` });
    }
    seenLayers.set(layer, file.name);
    checkedFiles.push(checked.value);
  }

  const codes = new Map(snapshot.codes.map((c) => [c.id, c]));
  const addedCodes = new Map<string, Code>();
  const codings: Array<RowChange<Coding>> = [];
  const removedIds = new Set<string>();
  const fileOfCoding = new Map<string, string>();
  const memos: Array<RowChange<Memo>> = [];
  const fileOfMemo = new Map<string, string>();
  const report: MergedFileReport[] = [];
  for (const checked of checkedFiles) {
    const layer = planLayer(snapshot, checked, codes, addedCodes, fileOfCoding);
    if (!layer.ok) return layer;
    codings.push(...layer.value.rows);
    for (const row of layer.value.rows) if (row.after === null) removedIds.add(row.before!.id);
    const fileCodes = new Map(checked.file.bundle.codes.map((c) => [c.id, c]));
    const targets = { threadIds: snapshot.threadIds, postIds: new Set(snapshot.posts.keys()), code: (id: string) => codes.get(id) ?? addCode(id, fileCodes, codes, addedCodes) };
    const memoPlan = planCoderMemos(checked.file, checked.coder, snapshot.memos, targets, fileOfMemo);
    if (!memoPlan.ok) return memoPlan;
    memos.push(...memoPlan.value.rows);
    const version = snapshot.versions.find((v) => v.id === checked.round.codebookVersionId);
    report.push({
      file: checked.file.name,
      coderName: checked.coder.name,
      roundName: checked.round.name,
      ...layer.value.counts,
      codebookChanges: version ? diffCodebooks(version.codes, checked.file.bundle.codes).entries : [],
      memos: memoPlan.value.counts,
    });
  }
  // A removed coding stops being an exemplar, as when it is removed by hand.
  const exemplarFixes: Array<RowChange<Code>> = snapshot.codes
    .filter((c) => c.exemplarCodingIds.some((id) => removedIds.has(id)))
    .map((c) => ({ before: c, after: { ...c, exemplarCodingIds: c.exemplarCodingIds.filter((id) => !removedIds.has(id)) } }));
  const changes: ChangeSet = {
    codes: [...exemplarFixes, ...[...addedCodes.values()].map((c) => ({ before: null, after: c }))],
    codings,
    ...(memos.length > 0 ? { memos } : {}),
  };
  return ok({ changes, report: { files: report } });
}

/** The package checks, in the order a lead would want them named. */
function checkFile(snapshot: MergeSnapshot, file: CoderFile): Checked<CheckedFile> {
  const refuse = (record: string, field: string, message: string) => err({ file: file.name, record, field, message });
  const ref = file.bundle.project.package;
  if (!ref) return refuse('project', 'package', 'is not a returned coder package (its project has no package: prepare packages with the round and merge what the coders return)');
  const project = snapshot.project;
  if (!project || ref.projectId !== project.id) return refuse('project', 'package.projectId', `comes from another project (${ref.projectName})`);
  const round = snapshot.rounds.find((r) => r.id === ref.roundId);
  if (!round) return refuse('project', 'package.roundId', `names round “${ref.roundName}” (${ref.roundId}), which this project does not have`);
  const coder = snapshot.coders.find((c) => c.id === ref.coderId);
  if (!coder || !round.coderIds.includes(ref.coderId)) return refuse('project', 'package.coderId', `${ref.coderName} is not a coder of “${round.name}”`);
  if (ref.codebookVersionId !== round.codebookVersionId) {
    const name = (id: string) => snapshot.versions.find((v) => v.id === id)?.name ?? file.bundle.codebookVersions?.find((v) => v.id === id)?.name ?? id;
    return refuse('project', 'package.codebookVersionId', `was coded under “${name(ref.codebookVersionId)}”, but “${round.name}” pins “${name(round.codebookVersionId)}”`);
  }

  const roundPosts = new Set(roundAssignments(snapshot.assignments, round, coder.id));
  const filePosts = new Map(file.bundle.posts.map((p) => [p.id, p]));
  const own = (file.bundle.assignments ?? []).filter((a) => a.coderId === ref.coderId);
  // A project that lost its assignment on the way (opened by a version that does not keep
  // assignments) is still the coder's layer for the round's posts it holds; context posts are not.
  const assigned = own.length > 0 ? own.flatMap((a) => a.postIds) : file.bundle.posts.filter((p) => roundPosts.has(p.id)).map((p) => p.id);
  const scope = new Set<string>();
  for (const postId of assigned) {
    if (!roundPosts.has(postId)) return refuse(`post ${postId}`, 'id', `is not among the posts “${round.name}” assigned to ${coder.name}`);
    const stored = snapshot.posts.get(postId);
    if (!stored) return refuse(`post ${postId}`, 'id', 'is not in this project');
    if (filePosts.get(postId)?.text !== stored.text) return refuse(`post ${postId}`, 'text', 'differs from the text in this project: the file was changed after it was prepared');
    scope.add(postId);
  }
  return ok({ file, ref, round, coder, scope });
}

/** Every post the round assigned to the coder (the round's posts when no assignment says). */
function roundAssignments(assignments: readonly Assignment[], round: Round, coderId: string): string[] {
  const own = assignments.filter((a) => a.roundId === round.id && a.coderId === coderId);
  return own.length === 0 ? round.postIds : own.flatMap((a) => a.postIds);
}

interface LayerPlan {
  rows: Array<RowChange<Coding>>;
  counts: { added: number; changed: number; removed: number; unchanged: number };
}

/** One file's codings against the coder's stored codings of its posts. */
function planLayer(
  snapshot: MergeSnapshot,
  { file, coder, scope }: CheckedFile,
  codes: ReadonlyMap<string, Code>,
  addedCodes: Map<string, Code>,
  fileOfCoding: Map<string, string>,
): Checked<LayerPlan> {
  const refuse = (record: string, field: string, message: string) => err({ file: file.name, record, field, message });
  const fileCodes = new Map(file.bundle.codes.map((c) => [c.id, c]));
  const stored = new Map(snapshot.codingsOfPosts.filter((c) => c.coderId === coder.id && scope.has(c.postId)).map((c) => [c.id, c]));
  const rows: Array<RowChange<Coding>> = [];
  const counts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  const kept = new Set<string>();
  for (const c of file.bundle.codings) {
    const record = `coding ${c.id}`;
    if (c.coderId !== coder.id) return refuse(record, 'coderId', `is by coder ${c.coderId}, not ${coder.name} whose package this is`);
    if (!scope.has(c.postId)) return refuse(record, 'postId', `post ${c.postId} is not one of the posts assigned to ${coder.name}: only those are merged`);
    const other = fileOfCoding.get(c.id);
    if (other !== undefined) return refuse(record, 'id', `is in ${other} too`);
    fileOfCoding.set(c.id, file.name);
    const clash = snapshot.sameIds.get(c.id);
    if (clash && !stored.has(c.id)) return refuse(record, 'id', `this project already has coding ${c.id}, on post ${clash.postId} by coder ${clash.coderId}`);
    const code = codes.get(c.codeId) ?? addCode(c.codeId, fileCodes, codes, addedCodes);
    if (!code) return refuse(record, 'codeId', `code ${c.codeId} is in neither the file nor this project`);
    if (!code.codable) return refuse(record, 'codeId', `“${code.name}” is a category in this project: nothing can be coded with it`);
    const post = snapshot.posts.get(c.postId)!;
    // Field by field, so nothing but a coding's fields (no provenance: a coder's own coding) is stored.
    const after: Coding = {
      id: c.id,
      postId: post.id,
      threadId: post.threadId,
      codeId: code.id,
      coderId: coder.id,
      start: c.start,
      end: c.end,
      quote: c.quote,
      memo: c.memo,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      ...(c.codebookVersionId === undefined ? {} : { codebookVersionId: c.codebookVersionId }),
    };
    kept.add(c.id);
    const before = stored.get(c.id);
    if (!before) {
      counts.added++;
      rows.push({ before: null, after });
    } else if (sameCoding(before, after)) {
      counts.unchanged++;
    } else {
      counts.changed++;
      rows.push({ before, after });
    }
  }
  for (const before of stored.values()) {
    if (kept.has(before.id)) continue;
    counts.removed++;
    rows.push({ before, after: null });
  }
  return ok({ rows, counts });
}

/**
 * The same coding but for `updatedAt`: a merged change is stamped with the merge's time, so the
 * stored time never equals the file's again, and merging the same file twice must change nothing.
 */
function sameCoding(a: Coding, b: Coding): boolean {
  return sameRecord({ ...a, updatedAt: '' }, { ...b, updatedAt: '' });
}

/**
 * A code the coder added and used: added here with the file's id, under its parent (added too when
 * this project lacks it), after its new siblings; without exemplars or shortcut, as a coder file's
 * codes come in (coder-layer-plan.ts). Returns undefined when the file lacks the code.
 */
function addCode(codeId: string, fileCodes: ReadonlyMap<string, Code>, codes: ReadonlyMap<string, Code>, added: Map<string, Code>): Code | undefined {
  const existing = added.get(codeId);
  if (existing) return existing;
  const code = fileCodes.get(codeId);
  if (!code) return undefined;
  const parent = code.parentId === null ? null : (codes.get(code.parentId) ?? addCode(code.parentId, fileCodes, codes, added) ?? null);
  const parentId = parent?.id ?? null;
  const siblings = [...codes.values(), ...added.values()].filter((c) => c.parentId === parentId);
  const order = siblings.length === 0 ? 0 : Math.max(...siblings.map((c) => c.order)) + 1;
  const made: Code = { ...code, parentId, order, examples: [...code.examples], exemplarCodingIds: [], shortcut: null };
  added.set(made.id, made);
  return made;
}

function summaryOf(report: MergeReport): string {
  const total = { added: 0, changed: 0, removed: 0 };
  for (const f of report.files) {
    total.added += f.added;
    total.changed += f.changed;
    total.removed += f.removed;
  }
  const memos = report.files.reduce((n, f) => n + f.memos.added + f.memos.changed, 0);
  const counts = `${total.added} coding${total.added === 1 ? '' : 's'} added, ${total.changed} changed, ${total.removed} removed${memos > 0 ? `; ${memos} memo${memos === 1 ? '' : 's'} added or changed` : ''}`;
  const [only] = report.files;
  if (report.files.length === 1 && only) return `Merged ${only.coderName}'s “${only.roundName}” file “${only.file}” (${counts})`;
  return `Merged ${report.files.length} coder files (${report.files.map((f) => f.coderName).join(', ')}): ${counts}`;
}


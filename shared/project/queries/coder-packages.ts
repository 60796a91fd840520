/**
 * The files of the team loop (docs/team-loop.md). A coder package is a bundle the coder opens as
 * a blind project of their own: the round's posts assigned to them, with the posts they answer as
 * context, the pinned codebook version's codes, no codings and no other coder. Its project id is
 * derived from the lead's project, the round and the coder, so preparing the package again opens
 * as the same project. The returned file is that blind project: its package ref, posts, codes and
 * the coder's codings, which mergeCoderFiles checks against the round.
 */
import { BUNDLE_EXTENSION, BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle } from '../../bundle/bundle';
import { codesInTreeOrder } from '../../codebook/code-tree';
import type { Assignment, CodebookVersion, Coder, CoderPackageRef, LeadMemo, Memo, Post, Project, Round, Thread } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { derivedId } from '../../util/derived-id';
import { fileStem } from '../../util/file-name';
import { err, ok, type Result } from '../../util/result';
import type { ProjectReader } from '../project-store';
import { byImportThenId, compareStrings } from '../record-order';
import { pseudonymiseWith } from '../../privacy/pseudonymise-bundle';
import { projectPeople } from './author-aliases';
import { projectBundle, type BundleHead } from './project-bundle';

export interface CoderPackage {
  coderId: string;
  coderName: string;
  /** `<project>-<round>-<coder>.threadmark.json`, unique among the round's packages. */
  fileName: string;
  bundle: Bundle;
}

/**
 * One package per coder of the round, in the round's coder order; `head.exportedAt` is when it was
 * prepared. Pseudonymised by default (a package leaves the lead's machine): authors and mentions as
 * the project's aliases, links naming people replaced; mergeCoderFiles carries the returned
 * codings back to the stored texts. A project without a secret gets identified packages.
 */
export async function coderPackages(reader: ProjectReader, roundId: string, head: BundleHead, options: { pseudonymize?: boolean } = {}): Promise<Result<CoderPackage[], Problem>> {
  const [project, rounds, versions, coders, assignments, threads, memos] = await Promise.all([
    reader.project(),
    reader.rounds(),
    reader.versions(),
    reader.coders(),
    reader.assignments(),
    reader.threads(),
    reader.memos(),
  ]);
  if (!project) return err({ record: 'project', message: 'the project has no records yet' });
  if (project.package) return err({ record: 'project', field: 'package', message: `is ${project.package.coderName}'s package: packages are prepared in the lead's project` });
  const round = rounds.find((r) => r.id === roundId);
  if (!round) return err({ record: `round ${roundId}`, field: 'id', message: 'the round does not exist' });
  const version = versions.find((v) => v.id === round.codebookVersionId);
  if (!version) return err({ record: `round “${round.name}”`, field: 'codebookVersionId', message: `codebook version ${round.codebookVersionId} does not exist` });

  const threadPosts = new Map<string, Post[]>();
  const postsOf = async (threadId: string): Promise<Post[]> => {
    let posts = threadPosts.get(threadId);
    if (!posts) threadPosts.set(threadId, (posts = await reader.postsOfThread(threadId)));
    return posts;
  };
  const leadMemos = leadMemosOf(memos, coders, round, project, version);
  const usedNames = new Set<string>();
  const packages: CoderPackage[] = [];
  for (const coderId of round.coderIds) {
    const coder = coders.find((c) => c.id === coderId);
    if (!coder) return err({ record: `round “${round.name}”`, field: 'coderIds', message: `coder ${coderId} does not exist` });
    const assignment = roundAssignment(assignments, round, coder.id);
    const assigned = new Set(assignment.postIds);
    const located = await reader.posts(assignment.postIds);
    const threadIds = new Set([...located.values()].map((p) => p.threadId));
    const chosenThreads = threads.filter((t) => threadIds.has(t.id)).sort(byImportThenId);
    const posts = (await Promise.all(chosenThreads.map(async (t) => withContext(await postsOf(t.id), t, assigned)))).flat();
    const previous = previousVersion(rounds, versions, round, coder.id);
    const ref: CoderPackageRef = {
      projectId: project.id,
      projectName: project.name,
      roundId: round.id,
      roundName: round.name,
      coderId: coder.id,
      coderName: coder.name,
      codebookVersionId: version.id,
      previousCodebookVersionId: previous?.id ?? null,
      instructions: round.instructions,
      preparedAt: head.exportedAt,
      ...(leadMemos.length > 0 ? { leadMemos } : {}),
    };
    packages.push({
      coderId: coder.id,
      coderName: coder.name,
      fileName: uniqueName(`${fileStem(project.name)}-${fileStem(round.name)}-${fileStem(coder.name)}`, usedNames),
      bundle: packageBundle(project, ref, { threads: chosenThreads, posts, coder, version, previous, assignment }, head),
    });
  }
  const people = options.pseudonymize === false ? null : await projectPeople(reader);
  if (people === null) return ok(packages);
  return ok(packages.map((p) => ({ ...p, bundle: pseudonymiseWith(p.bundle, people).bundle })));
}

/**
 * A blind project's file as the coder returns it: its package ref, threads, posts and codes, the
 * coder and their codings and assignment; no journal, versions, rounds or decisions.
 */
export async function returnFile(reader: ProjectReader, head: BundleHead): Promise<Result<Bundle, Problem>> {
  const exported = await projectBundle(reader, head);
  if (!exported.ok) return exported;
  const bundle = exported.value;
  const ref = bundle.project.package;
  if (!ref) return err({ record: 'project', field: 'package', message: 'is not a coder package: only a project opened from a package is returned to the lead' });
  const { rounds, decisions, ...rest } = bundle;
  void rounds;
  void decisions;
  // The lead's memos went out for reading: they are the lead's, not part of what comes back.
  const { leadMemos: _lead, ...returnedRef } = ref;
  return ok({
    ...rest,
    project: { ...bundle.project, package: returnedRef },
    coders: bundle.coders.filter((c) => c.id === ref.coderId),
    codings: bundle.codings.filter((c) => c.coderId === ref.coderId),
    assignments: (bundle.assignments ?? []).filter((a) => a.coderId === ref.coderId),
    codebookVersions: [],
    journal: [],
  });
}

/**
 * The lead's memos a package carries: those on the project and on the version's codes, by someone
 * who codes no post of the round (so no coder sees another's memos), project first, then codes in
 * tree order, each by its writer's name.
 */
function leadMemosOf(memos: readonly Memo[], coders: readonly Coder[], round: Round, project: Project, version: CodebookVersion): LeadMemo[] {
  const inRound = new Set(round.coderIds);
  const nameOf = new Map(coders.map((c) => [c.id, c.name]));
  const codeRank = new Map(codesInTreeOrder(version.codes).map((c, i) => [c.id, i]));
  const rank = (m: Memo): number => (m.target.kind === 'project' ? -1 : (codeRank.get(m.target.id) ?? Infinity));
  return memos
    .filter((m) => !inRound.has(m.coderId) && m.text.trim() !== '' && ((m.target.kind === 'project' && m.target.id === project.id) || (m.target.kind === 'code' && codeRank.has(m.target.id))))
    .map((m) => ({ memo: m, by: nameOf.get(m.coderId) ?? m.coderId }))
    .sort((a, b) => rank(a.memo) - rank(b.memo) || compareStrings(a.by, b.by))
    .map(({ memo, by }) => ({ target: { kind: memo.target.kind as 'project' | 'code', id: memo.target.id }, by, text: memo.text, updatedAt: memo.updatedAt }));
}

/** The coder's posts in the round: their round assignment, else every post of the round. */
function roundAssignment(assignments: readonly Assignment[], round: Round, coderId: string): Assignment {
  const own = assignments.filter((a) => a.roundId === round.id && a.coderId === coderId).sort((a, b) => compareStrings(a.id, b.id));
  const postIds = own.length === 0 ? round.postIds : [...new Set(own.flatMap((a) => a.postIds))];
  // The Round record is the lead's (it names every coder), so the package's assignment carries no roundId: the package ref names the round.
  return { id: own[0]?.id ?? derivedId(round.id, coderId, 'assignment'), coderId, postIds, source: 'round' };
}

/** A thread's assigned posts with every post they answer up to the root, in reading order. */
function withContext(threadPosts: readonly Post[], thread: Thread, assigned: ReadonlySet<string>): Post[] {
  const byId = new Map(threadPosts.map((p) => [p.id, p]));
  const keep = new Set<string>([thread.rootPostId]);
  for (const post of threadPosts) {
    if (!assigned.has(post.id)) continue;
    for (let at: Post | undefined = post; at !== undefined && !keep.has(at.id); at = at.parentId === null ? undefined : byId.get(at.parentId)) keep.add(at.id);
  }
  return threadPosts.filter((p) => keep.has(p.id));
}

/** The version of the coder's latest earlier round, when there was one. */
function previousVersion(rounds: readonly Round[], versions: readonly CodebookVersion[], round: Round, coderId: string): CodebookVersion | undefined {
  const earlier = rounds.filter((r) => r.number < round.number && r.coderIds.includes(coderId)).sort((a, b) => b.number - a.number)[0];
  return earlier === undefined ? undefined : versions.find((v) => v.id === earlier.codebookVersionId);
}

interface PackageParts {
  threads: Thread[];
  posts: Post[];
  coder: Coder;
  version: CodebookVersion;
  previous: CodebookVersion | undefined;
  assignment: Assignment;
}

function packageBundle(lead: Project, ref: CoderPackageRef, parts: PackageParts, head: BundleHead): Bundle {
  const { threads, posts, coder, version, previous, assignment } = parts;
  const project: Project = {
    id: derivedId(lead.id, ref.roundId, coder.id),
    name: `${lead.name} — ${ref.roundName} — ${coder.name}`,
    createdAt: head.exportedAt,
    package: ref,
  };
  // The blind project holds one coder, so the versions it shows are attributed to them (a version
  // must name a coder of its project); who named them in the lead's project is not the coder's concern.
  const versions = [version, ...(previous && previous.id !== version.id ? [previous] : [])]
    .map((v) => ({ ...v, coderId: coder.id, codes: v.codes.map((c) => ({ ...c, exemplarCodingIds: [] })) }))
    .sort((a, b) => compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id));
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: head.exportedAt,
    app: { name: head.app.name, version: head.app.version },
    project,
    threads,
    posts,
    // Exemplars are the lead's codings, which a package does not carry.
    codes: codesInTreeOrder(version.codes).map((c) => ({ ...c, exemplarCodingIds: [] })),
    coders: [coder],
    codings: [],
    codebookVersions: versions,
    assignments: [assignment],
    journal: [],
  };
}

/** `<stem>.threadmark.json`, or `<stem>-2…` when two coders' names make the same stem. */
function uniqueName(stem: string, used: Set<string>): string {
  let name = `${stem}${BUNDLE_EXTENSION}`;
  for (let n = 2; used.has(name); n++) name = `${stem}-${n}${BUNDLE_EXTENSION}`;
  used.add(name);
  return name;
}

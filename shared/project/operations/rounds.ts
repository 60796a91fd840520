/**
 * Starting a round of the team loop (docs/team-loop.md): which posts — threads chosen by hand or a
 * seeded sample — which coders code, under which codebook version, with the lead's instructions.
 * The codebook is pinned in the same operation: when it differs from the latest named version (or
 * none is named), the round names a new version after itself, so every package of the round and
 * every coding made in it points at one fixed set of definitions.
 */
import { diffCodebooks } from '../../codebook/codebook-diff';
import { CONSENSUS_CODER_ID, type Assignment, type Code, type CodebookVersion, type Coder, type Post, type Project, type Round, type SampleSpec, type Thread } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { drawSample, isSampleable, type SamplePost } from '../../team/sample';
import { err, ok } from '../../util/result';
import { defineOperation } from '../operation';
import type { ProjectReader } from '../project-store';
import { isPlaceholder } from '../queries/agreement-input';
import { byImportThenId } from '../record-order';
import { latestVersion } from '../version-in-force';
import { versionNamed, versionSnapshot } from './codebook';

export type RoundSelection = { kind: 'threads'; threadIds: string[] } | { kind: 'sample'; spec: SampleSpec; threadIds?: string[] };

export interface StartRoundInput {
  /** Default "Round N". */
  name?: string;
  coderIds: string[];
  selection: RoundSelection;
  instructions: string;
}

interface RoundSnapshot {
  project: Project | undefined;
  coders: Coder[];
  threads: Thread[];
  rounds: Round[];
  versions: CodebookVersion[];
  codes: Code[];
  /** The posts the selection chooses from, threads by import time, each in reading order. */
  pool: Post[];
}

const threadIdsOf = (selection: RoundSelection): string[] | undefined => (selection.kind === 'threads' ? selection.threadIds : selection.threadIds);

export const startRound = defineOperation<StartRoundInput, RoundSnapshot, Round>({
  kind: 'round.start',
  async read(reader, { selection }) {
    const [project, coders, threads, rounds, versions, codes] = await Promise.all([
      reader.project(),
      reader.coders(),
      reader.threads(),
      reader.rounds(),
      reader.versions(),
      reader.codes(),
    ]);
    return { project, coders, threads, rounds, versions, codes, pool: await readPool(reader, threads, threadIdsOf(selection)) };
  },
  plan(snapshot, input, context) {
    const { project, coders, threads, rounds, versions, codes, pool } = snapshot;
    if (project?.package) return err({ record: 'project', field: 'package', message: `is ${project.package.coderName}'s package of “${project.package.roundName}”: rounds are started in the lead's project` });
    const chosen = chosenCoders(coders, input.coderIds);
    if (!chosen.ok) return chosen;
    const known = new Set(threads.map((t) => t.id));
    const unknownThread = (threadIdsOf(input.selection) ?? []).find((id) => !known.has(id));
    if (unknownThread !== undefined) return err({ record: `thread ${unknownThread}`, field: 'threadIds', message: 'the thread does not exist' });
    const postIds = selectPosts(pool, input.selection);
    if (!postIds.ok) return postIds;
    if (postIds.value.length === 0) return err({ record: 'round', field: 'selection', message: 'the selection holds no posts to code (placeholders and posts without text are never coded)' });

    const number = rounds.reduce((max, r) => Math.max(max, r.number), 0) + 1;
    const name = input.name?.trim() || `Round ${number}`;
    const clash = rounds.find((r) => r.name.trim().normalize('NFC').toLowerCase() === name.normalize('NFC').toLowerCase());
    if (clash) return err({ record: 'round', field: 'name', message: `a round named “${clash.name}” already exists (round ${clash.number})` });

    const latest = latestVersion(versions);
    const pinned = latest && sameCodebook(latest.codes, codes) ? latest : versionSnapshot(codes, freeVersionName(versions, name), context);
    const round: Round = {
      id: context.ids.newId(),
      number,
      name,
      createdAt: context.at,
      codebookVersionId: pinned.id,
      coderIds: chosen.value.map((c) => c.id),
      postIds: postIds.value,
      sample: input.selection.kind === 'sample' ? { ...input.selection.spec } : null,
      instructions: input.instructions,
    };
    const assignments: Assignment[] = chosen.value.map((c) => ({ id: context.ids.newId(), coderId: c.id, postIds: [...round.postIds], source: 'round', roundId: round.id }));
    return ok({
      summary: `Started ${name}: ${round.postIds.length} post${round.postIds.length === 1 ? '' : 's'} for ${nameList(chosen.value.map((c) => c.name))}`,
      changes: {
        codebookVersions: pinned === latest ? [] : [{ before: null, after: pinned }],
        rounds: [{ before: null, after: round }],
        assignments: assignments.map((a) => ({ before: null, after: a })),
      },
      result: round,
    });
  },
});

/** The selection's threads (every thread when none is named), by import time, posts in reading order. */
async function readPool(reader: ProjectReader, threads: readonly Thread[], threadIds: readonly string[] | undefined): Promise<Post[]> {
  const wanted = threadIds === undefined ? null : new Set(threadIds);
  const chosen = threads.filter((t) => wanted === null || wanted.has(t.id)).sort(byImportThenId);
  return (await Promise.all(chosen.map((t) => reader.postsOfThread(t.id)))).flat();
}

function chosenCoders(coders: readonly Coder[], coderIds: readonly string[]): { ok: true; value: Coder[] } | { ok: false; error: Problem } {
  if (coderIds.length === 0) return err({ record: 'round', field: 'coderIds', message: 'a round needs at least one coder' });
  const byId = new Map(coders.map((c) => [c.id, c]));
  const chosen: Coder[] = [];
  for (const id of new Set(coderIds)) {
    if (id === CONSENSUS_CODER_ID) return err({ record: `coder ${id}`, field: 'coderIds', message: 'the consensus layer is written by adjudication, not coded in a round' });
    const coder = byId.get(id);
    if (!coder) return err({ record: `coder ${id}`, field: 'coderIds', message: 'the coder does not exist' });
    chosen.push(coder);
  }
  return ok(chosen);
}

function selectPosts(pool: readonly Post[], selection: RoundSelection): { ok: true; value: string[] } | { ok: false; error: Problem } {
  const candidates: SamplePost[] = pool.map((p) => ({ id: p.id, threadId: p.threadId, platform: p.platform, text: p.text, placeholder: isPlaceholder(p) }));
  if (selection.kind === 'threads') {
    if (selection.threadIds.length === 0) return err({ record: 'round', field: 'selection', message: 'choose at least one thread' });
    return ok(candidates.filter(isSampleable).map((p) => p.id));
  }
  const { spec } = selection;
  if (!Number.isSafeInteger(spec.size) || spec.size < 1) return err({ record: 'round', field: 'sample.size', message: `must be a whole number of 1 or more (got ${spec.size})` });
  if (!Number.isSafeInteger(spec.seed)) return err({ record: 'round', field: 'sample.seed', message: `must be a whole number (got ${spec.seed})` });
  return ok(drawSample(candidates, spec));
}

/** The same codes with the same definitions and places (diffCodebooks' sense), matched by id. */
function sameCodebook(named: readonly Code[], current: readonly Code[]): boolean {
  const ids = new Set(named.map((c) => c.id));
  return named.length === current.length && current.every((c) => ids.has(c.id)) && diffCodebooks(named, current).entries.length === 0;
}

/** The round's name, or "Round 2 (2)"… when a version already has it (version names are unique). */
function freeVersionName(versions: readonly CodebookVersion[], name: string): string {
  let candidate = name;
  for (let n = 2; versionNamed(versions, candidate); n++) candidate = `${name} (${n})`;
  return candidate;
}

/** "Ada", "Ada and Ben", "Ada, Ben and Cy". */
function nameList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

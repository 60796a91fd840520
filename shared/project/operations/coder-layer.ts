/**
 * "Add coder file": another coder's bundle comes in as that coder's layer (coder-layer-plan.ts
 * matches posts, codes and coders). A coder already present is replaced only when the researcher
 * ticked it; otherwise nothing of theirs changes. Adding the same file twice adds nothing new.
 */
import type { Bundle } from '../../bundle/bundle';
import { planCoderLayer, type CoderLayerPlan, type ProjectSnapshot } from '../../bundle/coder-layer-plan';
import type { Assignment, Code, Coding } from '../../model/records';
import type { IdSource } from '../../util/clock';
import { err, ok } from '../../util/result';
import type { RowChange } from '../change-set';
import { defineOperation } from '../operation';
import type { ProjectReader } from '../project-store';
import { extrasChanges, planLayerExtras, type ExtrasSnapshot } from './coder-layer-extras';
import { withTeamCoderIds } from './coder-layer-team-ids';
import type { CoderIdPolicy } from './coders';

export interface CoderLayerInput {
  incoming: Bundle;
  /** The file's name, for the journal. */
  source: string;
  /** projectCoderIds of coders already present whose codings the researcher agreed to replace. */
  replace: ReadonlySet<string>;
  /**
   * How many stored codings of each replaced coder the researcher was shown: refused when a coder
   * has another number now (one coded meanwhile must not vanish unconfirmed).
   */
  confirmedCounts?: ReadonlyMap<string, number>;
  /** `team` in a project connected to a team server: new coders get their name's team id (coder-layer-team-ids.ts). */
  idPolicy?: CoderIdPolicy;
}

export interface CoderLayerSummary {
  addedCodings: number;
  replacedCodings: number;
  addedCoders: number;
  addedCodes: number;
  /** Coders already present and not replaced: nothing of theirs changed. */
  keptCoders: string[];
  skipped: CoderLayerPlan['skipped'];
  /** The added coders' memos added or updated, relations and relation codes added (coder-layer-extras.ts). */
  memos: number;
  relations: number;
}

interface LayerSnapshot {
  project: ProjectSnapshot;
  assignments: Assignment[];
  /** Stored codings of coders that may be replaced (what a replace deletes). */
  replaceable: Coding[];
  codes: Code[];
  extras: ExtrasSnapshot;
}

/** One consistent read of what matching needs. */
export async function readLayerSnapshot(reader: ProjectReader): Promise<ProjectSnapshot> {
  const [posts, codes, coders, codings] = await Promise.all([reader.allPosts(), reader.codes(), reader.coders(), reader.allCodings()]);
  const counts = new Map<string, number>();
  for (const c of codings) counts.set(c.coderId, (counts.get(c.coderId) ?? 0) + 1);
  return {
    posts: posts.map(({ id, threadId, author, text, platform, platformId }) => ({ id, threadId, author, text, platform, platformId })),
    codes,
    coders,
    codingIds: new Set(codings.map((c) => c.id)),
    codingCountByCoder: counts,
  };
}

/** What the file's memos and relations are planned against; empty reads when the file has none. */
async function readExtrasSnapshot(reader: ProjectReader, incoming: Bundle, posts: ProjectSnapshot['posts']): Promise<ExtrasSnapshot> {
  const none = (incoming.memos ?? []).length === 0 && (incoming.relations ?? []).length === 0;
  const [project, memos, relationCodes, relations] = none ? [null, [], [], []] : await Promise.all([reader.project(), reader.memos(), reader.relationCodes(), reader.relations()]);
  return { projectId: project?.id ?? '', threadOfPost: new Map(posts.map((p) => [p.id, p.threadId])), memos, relationCodes, relations };
}

function planWithExtras(project: ProjectSnapshot, extras: ExtrasSnapshot, incoming: Bundle, ids: IdSource, idPolicy: CoderIdPolicy = 'local'): CoderLayerPlan {
  const planned = planCoderLayer(project, incoming, { ids });
  const plan = idPolicy === 'team' ? withTeamCoderIds(planned, project) : planned;
  if ((incoming.memos ?? []).length === 0 && (incoming.relations ?? []).length === 0) return plan;
  return { ...plan, extras: planLayerExtras(extras, incoming, plan, ids) };
}

/** What adding the file would do, read only (the preview before the researcher confirms). */
export async function previewCoderLayer(reader: ProjectReader, incoming: Bundle, ids: IdSource, idPolicy: CoderIdPolicy = 'local'): Promise<CoderLayerPlan> {
  const project = await readLayerSnapshot(reader);
  return planWithExtras(project, await readExtrasSnapshot(reader, incoming, project.posts), incoming, ids, idPolicy);
}

export const addCoderLayer = defineOperation<CoderLayerInput, LayerSnapshot, CoderLayerSummary>({
  kind: 'coders.add-layer',
  async read(reader, input) {
    const project = await readLayerSnapshot(reader);
    const replaceable = (await Promise.all([...input.replace].map((id) => reader.codingsOfCoder(id)))).flat();
    return { project, replaceable, codes: [...project.codes], assignments: await reader.assignments(), extras: await readExtrasSnapshot(reader, input.incoming, project.posts) };
  },
  plan({ project, replaceable, codes, assignments, extras }, input, { ids }) {
    const plan = planWithExtras(project, extras, input.incoming, ids, input.idPolicy);
    const applied = plan.coders.filter((c) => c.isNew || input.replace.has(c.projectCoderId));
    const newCoders = applied.filter((c) => c.isNew);
    const replacedIds = new Set(applied.filter((c) => !c.isNew).map((c) => c.projectCoderId));
    const codings = applied.flatMap((c) => plan.codingsByCoder.get(c.projectCoderId) ?? []);
    const addedCodes = codesUsed(plan.codesToAdd, codings);
    const gone = replaceable.filter((c) => replacedIds.has(c.coderId));
    for (const coder of applied.filter((c) => !c.isNew)) {
      const shown = input.confirmedCounts?.get(coder.projectCoderId);
      const now = gone.filter((c) => c.coderId === coder.projectCoderId).length;
      if (shown !== undefined && shown !== now) {
        return err({ record: `coder “${coder.name}”`, field: 'codings', message: `now has ${now} codings, not the ${shown} confirmed for replacement: add the file again to see what would change` });
      }
    }
    const goneIds = new Set(gone.map((c) => c.id));
    const more = extrasChanges(plan.extras, extras.memos, new Set(applied.map((c) => c.projectCoderId)));
    const summary: CoderLayerSummary = {
      addedCodings: codings.length,
      replacedCodings: gone.length,
      addedCoders: newCoders.length,
      addedCodes: addedCodes.length,
      keptCoders: plan.coders.filter((c) => !applied.includes(c)).map((c) => c.name),
      skipped: { ...plan.skipped },
      memos: more.memos.length,
      relations: more.relations.length,
    };
    const exemplarFixes: Array<RowChange<Code>> = codes
      .filter((c) => c.exemplarCodingIds.some((id) => goneIds.has(id)))
      .map((c) => ({ before: c, after: { ...c, exemplarCodingIds: c.exemplarCodingIds.filter((id) => !goneIds.has(id)) } }));
    const names = applied.map((c) => c.name).join(', ');
    return ok({
      summary: applied.length === 0 ? `Added nothing from “${input.source}”` : `Added ${names}'s codings from “${input.source}” (${codings.length}${extrasCount(summary)})`,
      changes: {
        coders: newCoders.map((c) => ({ before: null, after: { id: c.projectCoderId, name: c.name } })),
        codes: [...exemplarFixes, ...addedCodes.map((c) => ({ before: null, after: c }))],
        codings: [...gone.map((c) => ({ before: c, after: null })), ...codings.map((c) => ({ before: null, after: c }))],
        ...(more.memos.length > 0 ? { memos: more.memos } : {}),
        ...(more.relations.length > 0 ? { relations: more.relations, relationCodes: more.relationCodes } : {}),
        // What each added coder rated: the posts their file held (agreement compares only those).
        assignments: [
          ...assignments.filter((a) => replacedIds.has(a.coderId)).map((a) => ({ before: a, after: null })),
          ...applied.map((c) => ({ before: null, after: { id: ids.newId(), coderId: c.projectCoderId, postIds: [...plan.matchedPostIds], source: 'file' } })),
        ],
      },
      result: summary,
    });
  },
});

/** The planned codes the codings use, with the planned ancestors they hang from, parents first. */
function codesUsed(codesToAdd: readonly Code[], codings: readonly Coding[]): Code[] {
  const planned = new Map(codesToAdd.map((c) => [c.id, c]));
  const used = new Set<string>();
  for (const coding of codings) {
    let code = planned.get(coding.codeId);
    while (code !== undefined && !used.has(code.id)) {
      used.add(code.id);
      code = code.parentId === null ? undefined : planned.get(code.parentId);
    }
  }
  return codesToAdd.filter((c) => used.has(c.id));
}

/** ", 2 memos, 1 relation" when the file brought any. */
function extrasCount({ memos, relations }: CoderLayerSummary): string {
  const n = (count: number, noun: string): string => (count === 0 ? '' : `, ${count} ${noun}${count === 1 ? '' : 's'}`);
  return `${n(memos, 'memo')}${n(relations, 'relation')}`;
}

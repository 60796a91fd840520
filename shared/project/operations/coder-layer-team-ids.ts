/**
 * A coder file added to a project connected to a team server: the file's new coders are team
 * members, so each gets the team id of their name (`teamCoderId`, as `coders.add` gives with the
 * `team` id policy; docs/sync.md "Coders and users"). The file's “Ada” and Ada's own app are then
 * one coder record, never two. A coder of the project already holding that id is that person: kept,
 * or replaced when ticked, like a coder matched by name. Coders matched by name keep their ids
 * (records made before the project was connected keep theirs, as with `coders.add`).
 */
import type { CoderLayerPlan, PlannedCoder, ProjectSnapshot } from '../../bundle/coder-layer-plan';
import type { Coding } from '../../model/records';
import { teamCoderId } from '../../sync/names';

export function withTeamCoderIds(plan: CoderLayerPlan, project: Pick<ProjectSnapshot, 'coders' | 'codingCountByCoder'>): CoderLayerPlan {
  if (!plan.coders.some((c) => c.isNew && c.projectCoderId !== teamCoderId(c.name))) return plan;
  const stored = new Map(project.coders.map((c) => [c.id, c]));
  const coders = new Map<string, PlannedCoder>();
  const codingsByCoder = new Map<string, Coding[]>();
  for (const planned of plan.coders) {
    const id = planned.isNew ? teamCoderId(planned.name) : planned.projectCoderId;
    const codings = (plan.codingsByCoder.get(planned.projectCoderId) ?? []).map((c) => (c.coderId === id ? c : { ...c, coderId: id }));
    const already = coders.get(id);
    if (already) {
      // Two of the file's coders whose names differ only in case are one team member.
      already.incomingCodings += planned.incomingCodings;
      codingsByCoder.get(id)!.push(...codings);
      continue;
    }
    const existing = planned.isNew ? stored.get(id) : undefined;
    coders.set(
      id,
      existing
        ? { ...planned, name: existing.name, projectCoderId: id, isNew: false, existingCodings: project.codingCountByCoder.get(id) ?? 0 }
        : { ...planned, projectCoderId: id },
    );
    codingsByCoder.set(id, codings);
  }
  return { ...plan, coders: [...coders.values()], codingsByCoder };
}

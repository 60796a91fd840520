import type { Bundle } from '@shared/bundle/bundle';
import type { CoderLayerPlan } from '@shared/bundle/coder-layer-plan';

import type { Services } from '../../app/services';
import { applyCoderLayer, planCoderFile } from '../../db/project-store';
import { journalStep } from '../coding/journal-step';
import { type ImportReport, openBundleFile } from './file-actions';

export interface CoderFileProposal {
  fileName: string;
  bundle: Bundle;
  plan: CoderLayerPlan;
}

/**
 * Reads another coder's bundle and plans adding their codings as their layer. Nothing is
 * written until the researcher confirms the plan (replacing a coder already present needs a tick).
 */
export async function proposeCoderFile(services: Services): Promise<CoderFileProposal | ImportReport | null> {
  const opened = await openBundleFile(services, 'Add another coder’s bundle');
  if (opened === null || 'problems' in opened) return opened;
  const { name, bundle } = opened;
  try {
    return { fileName: name, bundle, plan: await planCoderFile(services.db, bundle, services.ids) };
  } catch (error) {
    return { fileName: name, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/** What the dialog showed for each coder already present: the codings a replace would delete. */
function shownCounts(proposal: CoderFileProposal): Map<string, number> {
  return new Map(proposal.plan.coders.filter((c) => !c.isNew).map((c) => [c.projectCoderId, c.existingCodings]));
}

export async function applyCoderFile(services: Services, proposal: CoderFileProposal, replace: ReadonlySet<string>): Promise<void> {
  try {
    const { summary, entryId } = await services.tracker.track(
      'add coder file',
      applyCoderLayer(services.db, proposal.bundle, proposal.fileName, replace, { clock: services.clock, ids: services.ids }, shownCounts(proposal)),
    );
    if (entryId !== null) services.history.push(journalStep(services, `adding ${proposal.fileName}`, entryId));
    const kept = summary.keptCoders.length > 0 ? ` Kept as they were: ${summary.keptCoders.join(', ')}.` : '';
    const replaced = summary.replacedCodings > 0 ? `, replacing ${summary.replacedCodings}` : '';
    services.announce(`Added ${summary.addedCodings} codings from ${proposal.fileName}${replaced}.${kept} Ctrl+Z undoes it.`);
  } catch (error) {
    services.announce(`${proposal.fileName} was not added: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

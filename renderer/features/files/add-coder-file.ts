import { type CoderLayerPlan, planCoderLayer } from '@shared/bundle/coder-layer-plan';

import type { Services } from '../../app/services';
import { applyCoderLayer, readProjectSnapshot } from '../../db/coder-layer-import';
import { type ImportReport, openBundleFile } from './file-actions';

export interface CoderFileProposal {
  fileName: string;
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
    const snapshot = await readProjectSnapshot(services.db);
    return { fileName: name, plan: planCoderLayer(snapshot, bundle, { ids: services.ids }) };
  } catch (error) {
    return { fileName: name, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

export async function applyCoderFile(services: Services, proposal: CoderFileProposal, replace: ReadonlySet<string>): Promise<void> {
  try {
    const summary = await services.tracker.track('add coder file', applyCoderLayer(services.db, proposal.plan, { replace }));
    const kept = summary.keptCoders.length > 0 ? ` Kept as they were: ${summary.keptCoders.join(', ')}.` : '';
    const replaced = summary.replacedCodings > 0 ? `, replacing ${summary.replacedCodings}` : '';
    services.announce(`Added ${summary.addedCodings} codings from ${proposal.fileName}${replaced}.${kept}`);
  } catch (error) {
    services.announce(`${proposal.fileName} was not added: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

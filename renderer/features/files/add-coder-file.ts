import { type CoderLayerPlan, planCoderLayer } from '@shared/bundle/coder-layer-plan';
import { formatProblem, parseBundleText } from '@shared/bundle/validate';

import type { Services } from '../../app/services';
import { applyCoderLayer, readProjectSnapshot } from '../../db/coder-layer-import';
import type { ImportReport } from './file-actions';

export interface CoderFileProposal {
  fileName: string;
  plan: CoderLayerPlan;
}

/**
 * Reads another coder's bundle and plans adding their codings as their layer. Nothing is
 * written until the researcher confirms the plan (replacing a coder already present needs a tick).
 */
export async function proposeCoderFile(services: Services): Promise<CoderFileProposal | ImportReport | null> {
  const opened = await services.platform.openTextFile('Add another coder’s bundle', [{ name: 'Threadmark project bundle', extensions: ['json'] }]);
  if (!opened.ok) {
    services.announce(opened.error, 'error');
    return null;
  }
  if (!opened.value) return null;
  const { name, content } = opened.value;
  const parsed = parseBundleText(content);
  if (!parsed.ok) return { fileName: name, problems: parsed.error.map(formatProblem) };
  try {
    const snapshot = await readProjectSnapshot(services.db);
    return { fileName: name, plan: planCoderLayer(snapshot, parsed.value, { ids: services.ids }) };
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

/**
 * What the app's exports write: the project read as a bundle, pseudonymised unless the researcher
 * unticked "Pseudonymise authors and mentions" (shared/privacy/export-privacy.ts, the same step
 * `threadmark export` runs, so both give one alias per person). A project without its secret yet
 * gets one first (the core's `project.pseudonym-secret`), so aliases never change afterwards.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { secretFromIds } from '@shared/privacy/aliases';
import type { DeidentificationReport } from '@shared/privacy/deidentification-report';
import { prepareExport, type ExportPrivacy } from '@shared/privacy/export-privacy';
import { ensurePseudonymSecret } from '@shared/project/operations/project';
import { runOperation } from '@shared/project/run-operation';

import { APP_INFO } from '../../app/app-info';
import type { Services } from '../../app/services';
import { APP_ACTOR, currentActor, exportBundle, storeOf } from '../../db/project-store';

export interface PrivacyChoice {
  pseudonymize: boolean;
}

export const PSEUDONYMISED: PrivacyChoice = { pseudonymize: true };

/** The project's secret, made now if it has none (journaled as the coder at the keyboard). */
export async function ensureSecret({ db, clock, ids }: Pick<Services, 'db' | 'clock' | 'ids'>): Promise<void> {
  const actor = (await currentActor(db)) ?? APP_ACTOR;
  // Refused only for a project without a record; the export then uses a one-off secret.
  await runOperation(storeOf(db), ensurePseudonymSecret, {}, { clock, ids, actor });
}

export async function bundleToExport(services: Pick<Services, 'db' | 'clock' | 'ids'>, choice: PrivacyChoice): Promise<ExportPrivacy> {
  if (choice.pseudonymize) await ensureSecret(services);
  const bundle: Bundle = await exportBundle(services.db, { clock: services.clock, app: APP_INFO });
  return prepareExport(bundle, choice.pseudonymize, () => secretFromIds(() => services.ids.newId()));
}

/** One sentence for the status line after an export. */
export function privacySentence(report: DeidentificationReport | null): string {
  if (report === null) return ' Identified: real author names, not pseudonymised.';
  const links = report.urls + report.postUrls + report.platformIds;
  return ` Pseudonymised: ${report.authors} ${report.authors === 1 ? 'author' : 'authors'}, ${report.mentions + report.names} ${report.mentions + report.names === 1 ? 'mention' : 'mentions'}, ${links} ${links === 1 ? 'link' : 'links'} replaced.`;
}

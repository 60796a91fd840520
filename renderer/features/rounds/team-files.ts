/**
 * The team loop's files, written through the platform (a save dialog on the desktop, a download in
 * the web runtime): one package per coder of a round, and a blind coder's returned codings.
 */
import { BUNDLE_EXTENSION } from '@shared/bundle/bundle';
import { serializeBundle } from '@shared/bundle/serialize';
import type { CoderPackageRef } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { coderPackages, returnFile } from '@shared/project/queries/coder-packages';
import { fileStem } from '@shared/util/file-name';

import { APP_INFO } from '../../app/app-info';
import type { Services } from '../../app/services';
import { storeOf } from '../../db/project-store';
import { ensureSecret } from '../files/export-privacy';

const BUNDLE_FILTERS = [{ name: 'Threadmark project bundle', extensions: ['json'] }];

export interface WrittenPackages {
  /** Where each file went (a path, or the download's name), in the round's coder order. */
  written: { coderName: string; location: string }[];
  /** Coders whose save was cancelled. */
  skipped: string[];
}

/** Writes one package per coder of the round; null (said in the status line) when the core refuses. */
export async function writeCoderPackages(services: Services, roundId: string): Promise<WrittenPackages | null> {
  const { db, platform, clock, announce } = services;
  const head = { exportedAt: clock.now(), app: APP_INFO };
  // Packages leave the lead's machine: pseudonymised with the project's aliases (made now if none yet).
  await ensureSecret(services);
  const packages = await storeOf(db).read((reader) => coderPackages(reader, roundId, head));
  if (!packages.ok) {
    announce(`No packages were written: ${formatProblem(packages.error)}.`, 'error');
    return null;
  }
  const outcome: WrittenPackages = { written: [], skipped: [] };
  for (const pkg of packages.value) {
    const saved = await platform.saveTextFile(pkg.fileName, serializeBundle(pkg.bundle), BUNDLE_FILTERS);
    if (!saved.ok) {
      announce(`${pkg.fileName} was not written: ${saved.error}`, 'error');
      return outcome;
    }
    if (saved.value === null) outcome.skipped.push(pkg.coderName);
    else outcome.written.push({ coderName: pkg.coderName, location: saved.value });
  }
  announce(packagesSentence(outcome));
  return outcome;
}

/** "Wrote 2 coder packages: a.threadmark.json (Ben), b.threadmark.json (Cy). Send each coder their file." */
export function packagesSentence({ written, skipped }: WrittenPackages): string {
  const files = written.map((w) => `${w.location} (${w.coderName})`).join(', ');
  const wrote = written.length === 0 ? 'No package was written.' : `Wrote ${written.length === 1 ? 'one coder package' : `${written.length} coder packages`}: ${files}. Send each coder their file.`;
  return skipped.length === 0 ? wrote : `${wrote} Not saved: ${skipped.join(', ')}.`;
}

/** The returned file's name: the package's, with "-returned". */
export const returnFileName = (ref: Pick<CoderPackageRef, 'projectName' | 'roundName' | 'coderName'>): string =>
  `${fileStem(ref.projectName)}-${fileStem(ref.roundName)}-${fileStem(ref.coderName)}-returned${BUNDLE_EXTENSION}`;

/** Saves a blind project's codings for the lead ("Return my codings…"). */
export async function returnMyCodings({ db, platform, clock, announce }: Services): Promise<void> {
  const head = { exportedAt: clock.now(), app: APP_INFO };
  const bundle = await storeOf(db).read((reader) => returnFile(reader, head));
  if (!bundle.ok) {
    announce(`Nothing was returned: ${formatProblem(bundle.error)}.`, 'error');
    return;
  }
  const ref = bundle.value.project.package!;
  const saved = await platform.saveTextFile(returnFileName(ref), serializeBundle(bundle.value), BUNDLE_FILTERS);
  if (!saved.ok) announce(`Your codings were not saved: ${saved.error}`, 'error');
  else if (saved.value) {
    const n = bundle.value.codings.length;
    announce(`Saved your ${n === 1 ? 'coding' : `${n} codings`} of ${ref.roundName} to ${saved.value}. Send this file to the lead of ${ref.projectName}.`);
  }
}

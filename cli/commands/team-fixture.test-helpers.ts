/**
 * Test-only: the team loop through files, as the CLI sees it. The lead's project (shared's
 * round fixture: Ada leads, Ben and Cy code) is a file in a memory io; a coder opens their package,
 * codes it with the core's operations and returns it as a file.
 */
import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import type { Coder } from '@shared/model/records';
import { storeFromBundle } from '@shared/project/bundle-store';
import { addCoding, type AddCodingInput } from '@shared/project/operations/codings';
import { returnFile } from '@shared/project/queries/coder-packages';
import { runOperation } from '@shared/project/run-operation';
import { HEAD, projectBytes, teamProject } from '@shared/project/testing/round-fixtures.test-helpers';

import { memoryIo } from '../memory-io.test-helpers';

export const LEAD = 'lead.threadmark.json';
export const T = '2026-03-14T10:00:00.000Z';

/** A fixed clock and counted ids, as the commands take them. */
export function deps(prefix = 'cli') {
  let n = 0;
  return { clock: { now: () => T }, ids: { newId: () => `${prefix}-${++n}` } };
}

/** A memory io holding the lead's project file. */
export async function leadIo() {
  return memoryIo({ [LEAD]: await projectBytes(teamProject()) });
}

/** The package's text, opened, coded by its coder and returned: the file's text. */
export async function codedReturn(packageText: string, coder: Coder, codings: readonly AddCodingInput[]): Promise<string> {
  const parsed = parseBundleText(packageText);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  const blind = storeFromBundle(parsed.value);
  const env = { ...deps(coder.name.toLowerCase()), actor: coder };
  for (const input of codings) {
    const done = await runOperation(blind, addCoding, input, env);
    if (!done.ok) throw new Error(done.error.message);
  }
  const file = await blind.read((r) => returnFile(r, HEAD));
  if (!file.ok) throw new Error(file.error.message);
  return serializeBundle(file.value);
}

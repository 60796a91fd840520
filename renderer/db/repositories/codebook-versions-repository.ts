import type { CodebookProblem } from '@shared/codebook/codebook-problem';
import type { CodebookVersion } from '@shared/model/records';
import type { Clock, IdSource } from '@shared/util/clock';
import { err, ok, type Result } from '@shared/util/result';

import { codesInTreeOrder } from '../code-tree';
import type { ThreadmarkDB } from '../database';

import { getCurrentCoderId } from './settings-repository';

const problem = (message: string, field = 'name'): CodebookProblem => ({ record: 'codebook version', field, message });

/**
 * Names the codebook as it is now ("v2, sent to coders 12 March"): a snapshot of every code in
 * tree order, by the current coder. Refused: an empty name, a name another version has (ignoring
 * case), no current coder.
 */
export async function nameVersion(db: ThreadmarkDB, name: string, deps: { clock: Clock; ids: IdSource }): Promise<Result<CodebookVersion, CodebookProblem>> {
  const trimmed = name.trim();
  if (trimmed === '') return err(problem('a version needs a name'));
  const createdAt = deps.clock.now();
  return db.transaction('rw', [db.meta, db.coders, db.codes, db.codebookVersions], async () => {
    const coderId = await getCurrentCoderId(db);
    if (coderId === null) return err(problem('no coder is chosen: say who is coding before naming a version', 'coderId'));
    const key = trimmed.normalize('NFC').toLowerCase();
    const clash = (await db.codebookVersions.toArray()).find((v) => v.name.normalize('NFC').toLowerCase() === key);
    if (clash) return err(problem(`a version named “${clash.name}” already exists (${clash.createdAt})`));
    const version: CodebookVersion = { id: deps.ids.newId(), name: trimmed, createdAt, coderId, codes: codesInTreeOrder(await db.codes.toArray()) };
    await db.codebookVersions.add(version);
    return ok(version);
  });
}

/** Every named version, newest first. */
export async function listVersions(db: ThreadmarkDB): Promise<CodebookVersion[]> {
  return db.codebookVersions.orderBy('createdAt').reverse().toArray();
}

/** One named version with its codes, or undefined. */
export async function getVersion(db: ThreadmarkDB, id: string): Promise<CodebookVersion | undefined> {
  return db.codebookVersions.get(id);
}

/** Test-only: the shared example bundle as a format 3 file would hold it (its change log as journal entries). */
import type { Bundle } from '@shared/bundle/bundle';
import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import type { CodebookChange } from '@shared/model/records';
import { journalFromChangeLog } from '@shared/project/journal-from-change-log';

export function exampleV3Bundle(): Bundle {
  const { codebookChanges, ...rest } = exampleBundle() as Bundle & { codebookChanges?: CodebookChange[] };
  const names = new Map(rest.coders.map((c) => [c.id, c.name]));
  return { ...rest, formatVersion: 3, journal: rest.journal ?? journalFromChangeLog(codebookChanges ?? [], names) };
}

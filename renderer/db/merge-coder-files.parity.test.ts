import 'fake-indexeddb/auto';

import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { importBundle } from '@shared/project/operations/bundle-import';
import { addCoding } from '@shared/project/operations/codings';
import { mergeCoderFiles } from '@shared/project/operations/merge-coder-files';
import { writeMemo } from '@shared/project/operations/memos';
import { startRound } from '@shared/project/operations/rounds';
import type { ProjectStore } from '@shared/project/project-store';
import { coderPackages } from '@shared/project/queries/coder-packages';
import { projectBundle } from '@shared/project/queries/project-bundle';
import { ADA, applied, counterIds, runner, steppingClock } from '@shared/project/testing/core-fixtures.test-helpers';
import { BEN, CY, HEAD, openPackage, returned, teamProject } from '@shared/project/testing/round-fixtures.test-helpers';

import { DexieProjectStore } from './dexie-project-store';
import { freshDb } from './testing/test-support';

/** The lead's project, a round, Ben's blind coding with memos, his file merged back: the project's bytes after. */
async function mergedWithMemos(store: ProjectStore): Promise<string> {
  const lead = await teamProject().read((r) => projectBundle(r, HEAD));
  if (!lead.ok) throw new Error(lead.error.message);
  const run = runner(store, steppingClock(), counterIds('lead'));
  applied(await run(importBundle, { bundle: lead.value, source: 'lead' }));
  applied(await run(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'Ada: the definition' }, ADA));
  const round = applied(await run(startRound, { coderIds: [BEN.id, CY.id], selection: { kind: 'threads', threadIds: ['t-1'] }, instructions: '' })).result;
  const packages = await store.read((r) => coderPackages(r, round.id, HEAD));
  if (!packages.ok) throw new Error(packages.error.message);
  const ben = openPackage(packages.value[0]!);
  const asBen = runner(ben, steppingClock(), counterIds('ben'));
  applied(await asBen(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }, BEN));
  applied(await asBen(writeMemo, { target: { kind: 'post', id: 'p-2' }, text: 'families 👩‍👩‍👧 as a deflection' }, BEN));
  applied(await asBen(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'Ben: hard to tell from irony' }, BEN));
  applied(await run(mergeCoderFiles, { files: [{ name: 'ben.threadmark.json', bundle: await returned(ben) }] }));
  const after = await store.read((r) => projectBundle(r, HEAD));
  if (!after.ok) throw new Error(after.error.message);
  return serializeBundle(after.value);
}

describe('merging a returned package with its memos: the app and the CLI', () => {
  it('give byte-identical projects through Dexie and through the bundle adapter', async () => {
    const db = freshDb();
    const viaDexie = await mergedWithMemos(new DexieProjectStore(db));
    const viaBundle = await mergedWithMemos(new MemoryProjectStore());
    expect(viaDexie).toBe(viaBundle);
    expect(viaDexie).toContain('Ben: hard to tell from irony');
    expect(viaDexie).toContain('Ada: the definition');
    await db.delete();
  });
});

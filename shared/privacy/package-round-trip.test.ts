import { describe, expect, it } from 'vitest';

import { MemoryProjectStore } from '../project/memory-store';
import { addCoding } from '../project/operations/codings';
import { writeMemo } from '../project/operations/memos';
import { mergeCoderFiles } from '../project/operations/merge-coder-files';
import { startRound } from '../project/operations/rounds';
import { coderPackages } from '../project/queries/coder-packages';
import { applied, code, counterIds, post, runner, steppingClock, T0, thread } from '../project/testing/core-fixtures.test-helpers';
import { BEN, HEAD, openPackage, returned } from '../project/testing/round-fixtures.test-helpers';

/** A Reddit thread whose authors mention each other, in a project with its secret. */
function leadProject(): MemoryProjectStore {
  return new MemoryProjectStore({
    project: { id: 'lead', name: 'Pilot', createdAt: T0, pseudonymSecret: '34'.repeat(32) },
    threads: [thread()],
    posts: [
      { ...post('p-1', 'Men are victims too, says u/bob_the_b', null), author: 'alice_w' },
      { ...post('p-2', 'u/alice_w what about families?'), author: 'bob_the_b' },
    ],
    codes: [code('c-what', 'Whataboutism', { order: 0 })],
    coders: [BEN, { id: 'lead-coder', name: 'Lee' }],
  });
}

describe('a coder package, pseudonymised by default, and its return', () => {
  it('names no author in the package; the coder’s span on an alias comes back on the stored name', async () => {
    const lead = leadProject();
    const run = runner(lead, steppingClock(), counterIds('lead'));
    const round = applied(await run(startRound, { coderIds: [BEN.id], selection: { kind: 'threads', threadIds: ['t-1'] }, instructions: '' })).result;
    const packages = await lead.read((r) => coderPackages(r, round.id, HEAD));
    if (!packages.ok) throw new Error(packages.error.message);
    const pkg = packages.value[0]!.bundle;
    expect(JSON.stringify(pkg)).not.toMatch(/alice_w|bob_the_b/);
    const reply = pkg.posts.find((p) => p.id === 'p-2')!;
    const alias = pkg.posts.find((p) => p.id === 'p-1')!.author;
    expect(reply.text).toBe(`u/${alias} what about families?`);
    // Identified packages on request.
    const identified = await lead.read((r) => coderPackages(r, round.id, HEAD, { pseudonymize: false }));
    expect(identified.ok && identified.value[0]!.bundle.posts[1]!.text).toBe('u/alice_w what about families?');

    // Ben codes "u/Author NNNN what" in his blind project and returns it.
    const blind = openPackage(packages.value[0]!);
    const end = [...`u/${alias} what`].length;
    applied(await runner(blind, steppingClock(), counterIds('ben'))(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end }, BEN));
    const file = { name: 'ben.threadmark.json', bundle: await returned(blind) };
    applied(await run(mergeCoderFiles, { files: [file] }));
    const merged = await lead.read((r) => r.allCodings());
    expect(merged.map((c) => [c.postId, c.start, c.end, c.quote])).toEqual([['p-2', 0, 14, 'u/alice_w what']]);
  });

  it('pseudonymises the lead’s memos it carries as any memo', async () => {
    const lead = leadProject();
    const run = runner(lead, steppingClock(), counterIds('lead'));
    applied(await run(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'See how u/bob_the_b deflects', coderId: 'lead-coder' }));
    const round = applied(await run(startRound, { coderIds: [BEN.id], selection: { kind: 'threads', threadIds: ['t-1'] }, instructions: '' })).result;
    const packages = await lead.read((r) => coderPackages(r, round.id, HEAD));
    if (!packages.ok) throw new Error(packages.error.message);
    const pkg = packages.value[0]!.bundle;
    const alias = pkg.posts.find((p) => p.id === 'p-2')!.author;
    expect(pkg.project.package?.leadMemos?.map((m) => [m.by, m.text])).toEqual([['Lee', `See how u/${alias} deflects`]]);
    expect(JSON.stringify(pkg)).not.toMatch(/alice_w|bob_the_b/);
  });
});

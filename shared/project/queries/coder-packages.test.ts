import { describe, expect, it } from 'vitest';

import { defineAttribute, setAttributeValue } from '../operations/attributes';
import { nameVersion } from '../operations/codebook';
import { addCoding } from '../operations/codings';
import { writeMemo } from '../operations/memos';
import { startRound } from '../operations/rounds';
import { applied, counterIds, runner, smallProject } from '../testing/core-fixtures.test-helpers';
import { BEN, CY, HEAD, openPackage, returned, teamProject, throughFile } from '../testing/round-fixtures.test-helpers';
import { memoList } from '../../analysis/memos/memo-list';
import { mergeCoderFiles } from '../operations/merge-coder-files';
import { coderPackages, returnFile } from './coder-packages';

async function packagesOf(store = teamProject(), threadIds = ['t-1']) {
  const run = runner(store, undefined, counterIds('lead'));
  const round = applied(await run(startRound, { coderIds: [BEN.id, CY.id], selection: { kind: 'threads', threadIds }, instructions: 'Code claims only.' })).result;
  const packages = await store.read((r) => coderPackages(r, round.id, HEAD));
  if (!packages.ok) throw new Error(packages.error.message);
  return { store, run, round, packages: packages.value };
}

describe('coderPackages', () => {
  it('one valid package per coder: their posts with the posts they answer, the pinned codes, the coder alone', async () => {
    const { round, packages } = await packagesOf();
    expect(packages.map((p) => [p.coderName, p.fileName])).toEqual([
      ['Ben', 'pilot-study-round-1-ben.threadmark.json'],
      ['Cy', 'pilot-study-round-1-cy.threadmark.json'],
    ]);
    const ben = throughFile(packages[0]!.bundle);
    // p-5 answers the placeholder p-4: it comes along as context, not as an assigned post.
    expect(ben.posts.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5']);
    expect(ben.threads.map((t) => t.id)).toEqual(['t-1']);
    expect(ben.assignments).toEqual([{ id: expect.any(String), coderId: BEN.id, postIds: ['p-1', 'p-2', 'p-3', 'p-5'], source: 'round' }]);
    expect(ben.coders).toEqual([BEN]);
    expect(ben.codings).toEqual([]);
    expect(ben.codes.map((c) => c.id)).toEqual(['c-what', 'c-false', 'c-group']);
    expect(ben.codebookVersions?.map((v) => [v.id, v.coderId])).toEqual([[round.codebookVersionId, BEN.id]]);
    expect(ben.project).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Pilot study — Round 1 — Ben',
      createdAt: HEAD.exportedAt,
      package: {
        projectId: 'lead-project',
        projectName: 'Pilot study',
        roundId: round.id,
        roundName: 'Round 1',
        coderId: BEN.id,
        coderName: 'Ben',
        codebookVersionId: round.codebookVersionId,
        previousCodebookVersionId: null,
        instructions: 'Code claims only.',
        preparedAt: HEAD.exportedAt,
      },
    });
    expect(packages[1]!.bundle.project.id).not.toBe(ben.project.id);
  });

  it('is the same project when prepared again, and names the coder’s previous version in a later round', async () => {
    const first = await packagesOf();
    const again = await first.store.read((r) => coderPackages(r, first.round.id, { ...HEAD, exportedAt: '2025-04-01T00:00:00.000Z' }));
    expect(again.ok && again.value.map((p) => p.bundle.project.id)).toEqual(first.packages.map((p) => p.bundle.project.id));

    applied(await first.run(nameVersion, { name: 'v2' }));
    const next = applied(await first.run(startRound, { coderIds: [CY.id], selection: { kind: 'threads', threadIds: ['t-2'] }, instructions: '' })).result;
    const later = await first.store.read((r) => coderPackages(r, next.id, HEAD));
    if (!later.ok) throw new Error(later.error.message);
    const [cy] = later.value;
    expect(cy!.bundle.project.package?.previousCodebookVersionId).toBe(first.round.codebookVersionId);
    expect(throughFile(cy!.bundle).codebookVersions?.map((v) => v.name)).toEqual(['Round 1', 'v2']);
  });

  it('carries no other coder’s memos and no attribute values: nothing in it tells the coder what the others made of the posts; the lead’s project and code memos travel read-only', async () => {
    const store = teamProject();
    const run = runner(store, undefined, counterIds('before'));
    // The lead's project memo and code memo, Cy's post and thread memos, Ben's own post memo, and a thread attribute's value.
    const written: Array<[string, 'project' | 'thread' | 'post' | 'code', string, string]> = [
      ['coder-ada', 'project', 'lead-project', 'LEAD-PROJECT-MEMO'],
      ['coder-ada', 'code', 'c-what', 'LEAD-CODE-MEMO'],
      [CY.id, 'post', 'p-2', 'CY-POST-MEMO'],
      [CY.id, 'thread', 't-1', 'CY-THREAD-MEMO'],
      [BEN.id, 'post', 'p-3', 'BEN-OWN-POST-MEMO'],
    ];
    for (const [coderId, kind, id, text] of written) applied(await run(writeMemo, { target: { kind, id }, text, coderId }));
    const attribute = applied(await run(defineAttribute, { scope: 'thread', name: 'Tone', type: 'text' })).result;
    applied(await run(setAttributeValue, { attributeId: attribute.id, subject: 't-1', text: 'CY-SAYS-HOSTILE' }));
    expect((await store.read((r) => r.memos())).length).toBe(written.length);

    // A code memo by Ben (a coder of the round) on the project is not the lead's: it stays.
    applied(await run(writeMemo, { target: { kind: 'code', id: 'c-false' }, text: 'BEN-CODE-MEMO', coderId: BEN.id }));
    const { packages } = await packagesOf(store);
    for (const pkg of packages) {
      const bundle = throughFile(pkg.bundle);
      expect(bundle.memos ?? []).toEqual([]);
      expect(bundle.attributeValues ?? []).toEqual([]);
      // Ada codes no post of the round: her memos on the project and a code are the lead's, carried in the package ref.
      expect(bundle.project.package?.leadMemos).toEqual([
        { target: { kind: 'project', id: 'lead-project' }, by: 'Ada', text: 'LEAD-PROJECT-MEMO', updatedAt: expect.any(String) },
        { target: { kind: 'code', id: 'c-what' }, by: 'Ada', text: 'LEAD-CODE-MEMO', updatedAt: expect.any(String) },
      ]);
      // Nothing else anywhere in the file (the round's instructions are the lead's word to the coders).
      const bytes = JSON.stringify(pkg.bundle);
      for (const [coderId, , , text] of written) if (coderId !== 'coder-ada') expect(bytes).not.toContain(text);
      expect(bytes).not.toContain('BEN-CODE-MEMO');
      expect(bytes).not.toContain('CY-SAYS-HOSTILE');
    }
  });

  it('refuses an unknown round', async () => {
    const packages = await teamProject().read((r) => coderPackages(r, 'nope', HEAD));
    expect(packages.ok ? '' : packages.error.message).toBe('the round does not exist');
  });
});

describe('a package opened and returned', () => {
  it('codes under the package’s version and returns the coder’s codings only', async () => {
    const { round, packages } = await packagesOf();
    const blind = openPackage(packages[0]!);
    const run = runner(blind, undefined, counterIds('ben'));
    applied(await run(nameVersion, { name: 'my own' }, BEN));
    const coding = applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }, BEN)).result;
    expect(coding.codebookVersionId).toBe(round.codebookVersionId);
    const file = await returned(blind);
    expect(file.project.package?.coderId).toBe(BEN.id);
    expect(file.codings.map((c) => c.id)).toEqual([coding.id]);
    expect([file.codebookVersions, file.journal, file.coders]).toEqual([[], [], [BEN]]);
  });

  it('shows the lead’s memos in the Memos list read-only, returns only the coder’s own, and the merge adds only those', async () => {
    const store = teamProject();
    const lead = runner(store, undefined, counterIds('lead-memos'));
    applied(await lead(writeMemo, { target: { kind: 'project', id: 'lead-project' }, text: 'Read the guide first', coderId: 'coder-ada' }));
    applied(await lead(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'Only explicit deflections', coderId: 'coder-ada' }));
    const { run, packages } = await packagesOf(store);
    const blind = openPackage(packages[0]!);
    const rows = await blind.read((r) => memoList(r));
    expect(rows.map((m) => [m.kind, m.target, m.coderName, m.text, m.fromLead ?? false])).toEqual([
      ['project', 'Pilot study — Round 1 — Ben', 'Ada (lead)', 'Read the guide first', true],
      ['code', 'Whataboutism', 'Ada (lead)', 'Only explicit deflections', true],
    ]);
    // Ben writes his own memo on the same code: it sits beside the lead's, and is the only one that goes back.
    const asBen = runner(blind, undefined, counterIds('ben'));
    applied(await asBen(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'I read it as any change of subject' }, BEN));
    expect((await blind.read((r) => memoList(r))).map((m) => m.coderName)).toEqual(['Ada (lead)', 'Ben', 'Ada (lead)']);
    const file = await returned(blind);
    expect(file.project.package?.leadMemos).toBeUndefined();
    expect(file.memos?.map((m) => [m.coderId, m.target.kind, m.text])).toEqual([[BEN.id, 'code', 'I read it as any change of subject']]);
    const merged = applied(await run(mergeCoderFiles, { files: [{ name: 'ben.threadmark.json', bundle: file }] }));
    expect(merged.result.files[0]!.memos).toEqual({ added: 1, changed: 0, unchanged: 0, leftOut: 0 });
    const memos = await store.read((r) => r.memos());
    expect(memos.map((m) => [m.coderId, m.target.kind, m.text]).sort()).toEqual([
      ['coder-ada', 'code', 'Only explicit deflections'],
      ['coder-ada', 'project', 'Read the guide first'],
      [BEN.id, 'code', 'I read it as any change of subject'],
    ]);
  });

  it('is refused for a project that is not a package', async () => {
    const file = await smallProject().read((r) => returnFile(r, HEAD));
    expect(file.ok ? '' : `${file.error.field}: ${file.error.message}`).toMatch(/^package: is not a coder package/);
  });
});

import { describe, expect, it } from 'vitest';

import { agreementReport } from '../../agreement/units/agreement-report';
import type { Bundle } from '../../bundle/bundle';
import type { Memo, MemoTargetKind } from '../../model/records';
import type { MemoryProjectStore } from '../memory-store';
import { agreementSource } from '../queries/agreement-input';
import { coderPackages } from '../queries/coder-packages';
import { compareCoderFiles, type CoderFile } from '../queries/coder-files';
import { ADA, applied, counterIds, runner, steppingClock } from '../testing/core-fixtures.test-helpers';
import { BEN, CY, HEAD, openPackage, projectBytes, returned, teamProject } from '../testing/round-fixtures.test-helpers';
import { addCode } from './codebook';
import { addCoding, editMemo, removeCoding } from './codings';
import { writeMemo } from './memos';
import { mergeCoderFiles, previewMergeCoderFiles } from './merge-coder-files';
import { startRound } from './rounds';

/** Round 1 (both threads) for Ben and Cy; each codes their package. */
async function codedRound() {
  const store = teamProject();
  const run = runner(store, steppingClock(), counterIds('lead'));
  const round = applied(await run(startRound, { coderIds: [BEN.id, CY.id], selection: { kind: 'threads', threadIds: ['t-1', 't-2'] }, instructions: '' })).result;
  const packages = await store.read((r) => coderPackages(r, round.id, HEAD));
  if (!packages.ok) throw new Error(packages.error.message);
  const ben = openPackage(packages.value[0]!);
  const cy = openPackage(packages.value[1]!);
  const asBen = runner(ben, steppingClock(), counterIds('ben'));
  const asCy = runner(cy, steppingClock(), counterIds('cy'));
  const b1 = applied(await asBen(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }, BEN)).result.id;
  const b2 = applied(await asBen(addCoding, { postId: 'p-3', codeId: 'c-false', start: 0, end: 4 }, BEN)).result.id;
  const b3 = applied(await asBen(addCoding, { postId: 'q-2', codeId: 'c-what', start: 0, end: 7 }, BEN)).result.id;
  const c1 = applied(await asCy(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }, CY)).result.id;
  const c2 = applied(await asCy(addCoding, { postId: 'p-5', codeId: 'c-false', start: 0, end: 4 }, CY)).result.id;
  const file = async (name: string, blind: MemoryProjectStore): Promise<CoderFile> => ({ name, bundle: await returned(blind) });
  return { store, run, round, ben, asBen, cy, file, ids: { b1, b2, b3, c1, c2 } };
}

const NO_MEMOS = { added: 0, changed: 0, unchanged: 0, leftOut: 0 };
const memoBy = (coderId: string, kind: MemoTargetKind, id: string): Memo => ({ id: `m-${kind}-${id}`, target: { kind, id }, coderId, text: 'slipped in', createdAt: HEAD.exportedAt, updatedAt: HEAD.exportedAt });
const withMemo = (memo: Memo) => (b: Bundle): Bundle => ({ ...b, memos: [...(b.memos ?? []), memo] });

const journalLength = async (store: MemoryProjectStore) => (await store.read((r) => r.journal())).length;

describe('mergeCoderFiles', () => {
  it('takes each coder’s file as their layer of the round’s posts, coding ids and versions kept', async () => {
    const { store, run, round, ben, cy, file, ids } = await codedRound();
    const files = [await file('ben.threadmark.json', ben), await file('cy.threadmark.json', cy)];
    const preview = await store.read((r) => previewMergeCoderFiles(r, files));
    const done = applied(await run(mergeCoderFiles, { files }));
    expect(preview).toEqual({ ok: true, value: done.result });
    expect(done.result.files.map(({ codebookChanges, ...counts }) => ({ ...counts, codebookChanges: codebookChanges.length }))).toEqual([
      { file: 'ben.threadmark.json', coderName: 'Ben', roundName: 'Round 1', added: 3, changed: 0, removed: 0, unchanged: 0, codebookChanges: 0, memos: NO_MEMOS },
      { file: 'cy.threadmark.json', coderName: 'Cy', roundName: 'Round 1', added: 2, changed: 0, removed: 0, unchanged: 0, codebookChanges: 0, memos: NO_MEMOS },
    ]);
    expect(done.summary).toBe('Merged 2 coder files (Ben, Cy): 5 codings added, 0 changed, 0 removed');
    const codings = await store.read((r) => r.allCodings());
    expect(codings.map((c) => [c.id, c.coderId, c.postId, c.codebookVersionId]).sort()).toEqual([
      [ids.b1, BEN.id, 'p-2', round.codebookVersionId],
      [ids.b2, BEN.id, 'p-3', round.codebookVersionId],
      [ids.b3, BEN.id, 'q-2', round.codebookVersionId],
      [ids.c1, CY.id, 'p-2', round.codebookVersionId],
      [ids.c2, CY.id, 'p-5', round.codebookVersionId],
    ]);
  });

  it('changes nothing for the same file again: no journal entry, the same bytes', async () => {
    const { store, run, ben, file } = await codedRound();
    const benFile = await file('ben.threadmark.json', ben);
    applied(await run(mergeCoderFiles, { files: [benFile] }));
    const bytes = await projectBytes(store);
    const length = await journalLength(store);
    const again = applied(await run(mergeCoderFiles, { files: [benFile] }));
    expect(again.entry).toBeNull();
    expect(again.result.files[0]).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 3 });
    expect(await projectBytes(store)).toBe(bytes);
    expect(await journalLength(store)).toBe(length);
  });

  it('a file coded further replaces the coder’s layer: added, changed and removed codings', async () => {
    const { store, run, ben, asBen, file, ids } = await codedRound();
    applied(await run(mergeCoderFiles, { files: [await file('ben.threadmark.json', ben)] }));
    applied(await asBen(removeCoding, { codingId: ids.b2 }, BEN));
    applied(await asBen(editMemo, { codingId: ids.b1, memo: 'deflects' }, BEN));
    const added = applied(await asBen(addCoding, { postId: 'p-1', codeId: 'c-what', start: 0, end: 3 }, BEN)).result.id;
    const done = applied(await run(mergeCoderFiles, { files: [await file('ben-2.threadmark.json', ben)] }));
    expect(done.result.files[0]).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 1 });
    expect(done.summary).toBe('Merged Ben\'s “Round 1” file “ben-2.threadmark.json” (1 coding added, 1 changed, 1 removed)');
    const codings = await store.read((r) => r.codingsOfCoder(BEN.id));
    expect(codings.map((c) => [c.id, c.memo]).sort()).toEqual([[ids.b1, 'deflects'], [ids.b3, ''], [added, '']].sort());
  });

  it('adds the codes a coder added and used, under their parent, and reports how the codebook differs', async () => {
    const { store, run, ben, asBen, file } = await codedRound();
    const derailing = applied(await asBen(addCode, { name: 'Derailing', color: '#aa0000', parentId: 'c-what' }, BEN)).result;
    applied(await asBen(addCode, { name: 'Unused', color: '#00aa00' }, BEN));
    applied(await asBen(addCoding, { postId: 'p-5', codeId: derailing.id, start: 5, end: 14 }, BEN));
    const done = applied(await run(mergeCoderFiles, { files: [await file('ben.threadmark.json', ben)] }));
    expect(done.result.files[0]!.codebookChanges.map((e) => [e.kind, e.name])).toEqual([
      ['added', 'Derailing'],
      ['added', 'Unused'],
    ]);
    const codes = await store.read((r) => r.codes());
    expect(codes.find((c) => c.id === derailing.id)).toMatchObject({ name: 'Derailing', parentId: 'c-what', shortcut: null });
    expect(codes.some((c) => c.name === 'Unused')).toBe(false);
  });

  it('takes a file that lost its assignment on the way as the layer of the round’s posts it holds', async () => {
    const { store, run, ben, file } = await codedRound();
    const benFile = await file('ben.threadmark.json', ben);
    const done = applied(await run(mergeCoderFiles, { files: [{ ...benFile, bundle: { ...benFile.bundle, assignments: [] } }] }));
    expect(done.result.files[0]).toMatchObject({ added: 3 });
    expect(await store.read((r) => r.codingsOfCoder(BEN.id))).toHaveLength(3);
  });

  describe('refuses a file that is not what its package was, naming the file and the field; nothing is written', () => {
    const tampered: Array<[string, (b: Bundle) => Bundle, string, string]> = [
      ['text changed', (b) => ({ ...b, posts: b.posts.map((p) => (p.id === 'p-1' ? { ...p, text: 'Women are victims too' } : p)) }), 'post p-1 text', 'differs from the text in this project: the file was changed after it was prepared'],
      ['wrong version', (b) => ({ ...b, project: { ...b.project, package: { ...b.project.package!, codebookVersionId: 'v-other' } } }), 'project package.codebookVersionId', 'was coded under “v-other”, but “Round 1” pins “Round 1”'],
      ['another project', (b) => ({ ...b, project: { ...b.project, package: { ...b.project.package!, projectId: 'elsewhere', projectName: 'Other study' } } }), 'project package.projectId', 'comes from another project (Other study)'],
      ['a coder not in the round', (b) => ({ ...b, project: { ...b.project, package: { ...b.project.package!, coderId: ADA.id, coderName: 'Ada' } } }), 'project package.coderId', 'Ada is not a coder of “Round 1”'],
      ['not a package', (b) => ({ ...b, project: { id: 'lead-project', name: 'Pilot study', createdAt: b.project.createdAt } }), 'project package', 'is not a returned coder package'],
      ['a post not assigned', (b) => ({ ...b, assignments: b.assignments!.map((a) => ({ ...a, postIds: [...a.postIds, 'q-3'] })) }), 'post q-3 id', 'is not among the posts “Round 1” assigned to Ben'],
      ['a memo by another coder', withMemo(memoBy(CY.id, 'post', 'p-2')), 'memo m-post-p-2 coderId', 'is by coder coder-cy, not Ben whose package this is'],
      ['a memo on a post not in this project', withMemo(memoBy(BEN.id, 'post', 'p-99')), 'memo m-post-p-99 target.id', 'post p-99 is not in this project'],
      ['a memo on a thread not in this project', withMemo(memoBy(BEN.id, 'thread', 't-9')), 'memo m-thread-t-9 target.id', 'thread t-9 is not in this project'],
      ['a memo on a code nowhere', withMemo(memoBy(BEN.id, 'code', 'c-none')), 'memo m-code-c-none target.id', 'code c-none is in neither the file nor this project'],
    ];
    it.each(tampered)('%s', async (_, tamper, where, message) => {
      const { store, run, ben, cy, file } = await codedRound();
      const cyFile = await file('cy.threadmark.json', cy);
      const benFile = await file('ben.threadmark.json', ben);
      const bytes = await projectBytes(store);
      const refused = await run(mergeCoderFiles, { files: [cyFile, { ...benFile, bundle: tamper(benFile.bundle) }] });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.file).toBe('ben.threadmark.json');
      expect(`${refused.error.record} ${refused.error.field}`).toBe(where);
      expect(refused.error.message.startsWith(message)).toBe(true);
      // Cy's good file is not merged either.
      expect(await projectBytes(store)).toBe(bytes);
    });

    it('two files of one coder in one merge', async () => {
      const { run, ben, file } = await codedRound();
      const refused = await run(mergeCoderFiles, { files: [await file('a.json', ben), await file('b.json', ben)] });
      expect(refused.ok ? '' : `${refused.error.file}: ${refused.error.message}`).toBe('b.json: is Ben\'s file of “Round 1”, as is a.json: merge one of them');
    });
  });

  it('brings the coder’s own post, thread and code memos in with their codings; the lead’s and other coders’ memos stay as they are', async () => {
    const { store, run, ben, asBen, file } = await codedRound();
    // In the lead's project already: Ada's memo on the code, and Ben's older memo on thread t-1.
    applied(await run(writeMemo, { target: { kind: 'code', id: 'c-what' }, text: 'Ada: the definition' }));
    applied(await run(writeMemo, { target: { kind: 'thread', id: 't-1' }, text: 'Ben, earlier' }, BEN));
    const blindProject = (await ben.read((r) => r.project()))!;
    for (const [kind, id, text] of [
      ['post', 'p-2', 'families as a deflection'],
      ['post', 'p-1', 'context post, still his note'],
      ['thread', 't-1', 'Ben, now'],
      ['code', 'c-what', 'Ben: hard to tell from irony'],
      ['project', blindProject.id, 'my notes on the package'],
    ] as const) {
      applied(await asBen(writeMemo, { target: { kind, id }, text }, BEN));
    }
    const benFile = await file('ben.threadmark.json', ben);
    const done = applied(await run(mergeCoderFiles, { files: [benFile] }));
    expect(done.result.files[0]!.memos).toEqual({ added: 3, changed: 1, unchanged: 0, leftOut: 1 });
    expect(done.summary).toContain('; 4 memos added or changed');
    const memos = await store.read((r) => r.memos());
    expect(memos.map((m) => [m.coderId, m.target.kind, m.target.id, m.text]).sort()).toEqual(
      [
        [ADA.id, 'code', 'c-what', 'Ada: the definition'],
        [BEN.id, 'code', 'c-what', 'Ben: hard to tell from irony'],
        [BEN.id, 'post', 'p-1', 'context post, still his note'],
        [BEN.id, 'post', 'p-2', 'families as a deflection'],
        [BEN.id, 'thread', 't-1', 'Ben, now'],
      ].sort(),
    );
    // Again: nothing changes, no journal entry.
    const length = await journalLength(store);
    const again = applied(await run(mergeCoderFiles, { files: [benFile] }));
    expect(again.result.files[0]!.memos).toEqual({ added: 0, changed: 0, unchanged: 4, leftOut: 1 });
    expect(again.entry).toBeNull();
    expect(await journalLength(store)).toBe(length);
  });

  it('then agreement compares Ben and Cy on the posts both were assigned, as comparing their files does', async () => {
    const { store, run, ben, cy, file } = await codedRound();
    const files = [await file('ben.threadmark.json', ben), await file('cy.threadmark.json', cy)];
    applied(await run(mergeCoderFiles, { files }));
    const merged = await store.read((r) => agreementSource(r));
    const pair = (ratedBy: readonly string[] | undefined) => ratedBy !== undefined && ratedBy.includes(BEN.id) && ratedBy.includes(CY.id);
    expect(merged.input.posts.filter((p) => pair(p.ratedBy)).map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-5', 'q-1', 'q-2']);
    const separate = await compareCoderFiles(files, HEAD.exportedAt);
    const options = { unit: 'post' as const, coders: ['Ben', 'Cy'] };
    const fromMerged = agreementReport(merged.input, options);
    const fromFiles = agreementReport(separate.source.input, options);
    if (!fromMerged.ok || !fromFiles.ok || fromMerged.value.unit !== 'post' || fromFiles.value.unit !== 'post') throw new Error('no post report');
    const coefficients = (r: typeof fromMerged.value) => Object.fromEntries(Object.entries(r.codes).map(([code, c]) => [code, [c.n_pairable_units, c.alpha_nominal, c.cohen_kappa]]));
    expect(coefficients(fromMerged.value)).toEqual(coefficients(fromFiles.value));
    expect(fromMerged.value.codes['Whataboutism']?.n_pairable_units).toBe(6);
  });
});

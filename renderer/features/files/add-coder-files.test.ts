import { describe, expect, it } from 'vitest';

import type { MergeReport } from '@shared/project/operations/merge-coder-files';

import demoBundle from '../../../resources/demo/demo-project.threadmark.json';
import { addedSentence, blockingProblem, refusedFileName, sortOpenedFiles, withMoreFiles, type CoderFilesReview, type IncomingFile } from './add-coder-files';

const demo = JSON.stringify(demoBundle);
const asPackage = (() => {
  const bundle = JSON.parse(demo) as { project: Record<string, unknown> };
  bundle.project.package = {
    projectId: 'lead',
    projectName: 'Lead',
    roundId: 'r1',
    roundName: 'Round 1',
    coderId: 'ben',
    coderName: 'Ben',
    codebookVersionId: 'v1',
    previousCodebookVersionId: null,
    instructions: '',
    preparedAt: '2025-03-01T00:00:00.000Z',
  };
  return JSON.stringify(bundle);
})();

const report = (file: string, counts: Partial<MergeReport['files'][number]> = {}): MergeReport['files'][number] => ({
  file,
  coderName: 'Ben',
  roundName: 'Round 1',
  added: 0,
  changed: 0,
  removed: 0,
  unchanged: 0,
  codebookChanges: [],
  memos: { added: 0, changed: 0, unchanged: 0, leftOut: 0 },
  ...counts,
});

describe('adding coder files', () => {
  it('sorts opened files into returned packages, plain bundles and files that are no bundle', () => {
    const sorted = sortOpenedFiles([
      { name: 'ben-returned.json', content: asPackage },
      { name: 'ada.json', content: demo },
      { name: 'notes.json', content: '{"hello": 1}' },
    ]);
    expect(sorted.map((f) => [f.name, f.kind])).toEqual([
      ['ben-returned.json', 'returned'],
      ['ada.json', 'plain'],
      ['notes.json', 'refused'],
    ]);
    const refused = sorted[2]!;
    expect(refused.kind === 'refused' && refused.problems[0]).toMatch(/^notes\.json/);
  });

  it('cannot be confirmed while a file is refused, and names it', () => {
    const returned: IncomingFile = { kind: 'returned', name: 'ben.json', bundle: {} as never };
    const ok: CoderFilesReview = { files: [returned], merge: { ok: true, value: { files: [report('ben.json')] } } };
    expect(blockingProblem(ok)).toBeNull();
    const refusedByMerge: CoderFilesReview = { files: [returned], merge: { ok: false, error: { file: 'ben.json', record: 'project', field: 'package.roundId', message: 'names round “Round 1”' } } };
    expect(refusedFileName(refusedByMerge)).toBe('ben.json');
    expect(blockingProblem(refusedByMerge)).toBe('ben.json is refused, and with it every returned file: leave it out to add the others.');
    const unreadable: CoderFilesReview = { files: [returned, { kind: 'refused', name: 'x.json', problems: ['x.json: not JSON'] }], merge: ok.merge };
    expect(blockingProblem(unreadable)).toBe('x.json cannot be added: leave it out to add the others.');
    expect(blockingProblem({ files: [], merge: null })).toBe('No files left to add.');
  });

  it('adds more files once each, after the ones already there', () => {
    const a: IncomingFile = { kind: 'refused', name: 'a.json', problems: [] };
    const b: IncomingFile = { kind: 'refused', name: 'b.json', problems: [] };
    expect(withMoreFiles([a], [{ ...a, problems: ['again'] }, b]).map((f) => f.name)).toEqual(['a.json', 'b.json']);
  });

  it('says what was added', () => {
    expect(
      addedSentence({ files: [report('ben.json', { added: 2, removed: 1 }), report('cy.json', { coderName: 'Cy', unchanged: 3 })] }, [{ file: 'ada.json', added: 4, replaced: 0 }]),
    ).toBe('Added Ben’s Round 1 (2 added, 1 removed); Cy’s Round 1 (no change); 4 codings from ada.json.');
    expect(addedSentence(null, [{ file: 'ada.json', added: 1, replaced: 2 }])).toBe('Added 1 coding from ada.json, replacing 2.');
    expect(addedSentence(null, [])).toBe('Nothing was added.');
  });
});

import { describe, expect, it } from 'vitest';

import { BEN, CY } from '@shared/project/testing/round-fixtures.test-helpers';

import { bundleOf } from '../codebook/codebook-cli.test-helpers';
import { run } from '../run';
import { mergeCommand } from './merge';
import { packageCommand } from './package';
import { codedReturn, deps, LEAD, leadIo } from './team-fixture.test-helpers';

/** A round of both threads for Ben and Cy, their packages coded and returned as ben.json and cy.json. */
async function returnedRound() {
  const m = await leadIo();
  expect(await packageCommand([LEAD, '--coders', 'Ben,Cy', '--threads', 't-1,t-2', '-o', 'out'], m.io, deps('lead'))).toBe(0);
  const ben = await codedReturn(m.files.get('out/pilot-study-round-1-ben.threadmark.json')!, BEN, [
    { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 },
    { postId: 'p-3', codeId: 'c-false', start: 0, end: 4 },
  ]);
  const cy = await codedReturn(m.files.get('out/pilot-study-round-1-cy.threadmark.json')!, CY, [{ postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }]);
  m.files.set('ben.json', ben);
  m.files.set('cy.json', cy);
  return m;
}

describe('threadmark merge', () => {
  it('merges the coders’ files into the round; merging again changes nothing', async () => {
    const m = await returnedRound();
    expect(await mergeCommand([LEAD, 'ben.json', 'cy.json', '-o', 'merged.json'], m.io, deps('merge'))).toBe(0);
    expect(m.stderr()).toBe('');
    // After the package command's own lines.
    expect(m.stdout()).toContain(
      ['ben.json: Ben, Round 1: 2 added, 0 changed, 0 removed, 0 unchanged', 'cy.json: Cy, Round 1: 1 added, 0 changed, 0 removed, 0 unchanged', 'wrote merged.json: journal entry #2', ''].join('\n'),
    );
    const merged = bundleOf(m.files.get('merged.json'));
    expect(merged.codings.map((c) => [c.coderId, c.postId])).toEqual([
      [BEN.id, 'p-2'],
      [CY.id, 'p-2'],
      [BEN.id, 'p-3'],
    ]);
    const bytes = m.files.get('merged.json');
    expect(await mergeCommand(['merged.json', 'ben.json', '-o', 'merged.json'], m.io, deps('again'))).toBe(0);
    expect(m.stdout()).toContain('ben.json: Ben, Round 1: 0 added, 0 changed, 0 removed, 2 unchanged\nwrote merged.json: nothing changed (every file was merged before)\n');
    expect(m.files.get('merged.json')).toBe(bytes);
  });

  it('then agree compares the coders on the posts both were assigned', async () => {
    const m = await returnedRound();
    expect(await mergeCommand([LEAD, 'ben.json', 'cy.json', '-o', 'merged.json'], m.io, deps())).toBe(0);
    expect(await run(['agree', 'merged.json', '--unit', 'post', '--coders', 'Ben,Cy'], m.io)).toBe(0);
    // Round 1 holds 6 posts (placeholder and empty post left out); Ada, the lead, coded none.
    expect(m.stdout()).toContain('Post as unit (per code: coded anywhere in the post or not): 6 posts compared; coders Ben, Cy\n');
    expect(m.stdout()).toMatch(/Whataboutism: 6 units, 2 coders, 6 pairable units/);
  });

  it('refuses a tampered file, naming it and the field, and writes nothing', async () => {
    const m = await returnedRound();
    m.files.set('ben.json', m.files.get('ben.json')!.replace('That is a false equivalence', 'That is a fair equivalence'));
    expect(await mergeCommand([LEAD, 'cy.json', 'ben.json', '-o', 'merged.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe('ben.json (record post p-3, field text): differs from the text in this project: the file was changed after it was prepared\nthreadmark: nothing written\n');
    expect(m.files.has('merged.json')).toBe(false);
  });

  it('refuses a file that is not a returned package', async () => {
    const m = await returnedRound();
    expect(await mergeCommand([LEAD, LEAD, '-o', 'merged.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toMatch(/^lead\.threadmark\.json \(record project, field package\): is not a returned coder package/);
  });

  it.each([
    [[LEAD, '-o', 'o.json'], /^missing <coder-file>\.\.\./],
    [[LEAD, 'ben.json'], /^missing -o <out\.threadmark\.json>/],
    [['-o', 'o.json'], /^missing <project>$/],
  ])('%j is a usage error', async (args, reason) => {
    const m = await leadIo();
    expect(await run(['merge', ...args], m.io)).toBe(2);
    const [first, usage] = m.stderr().split('\n');
    expect(first?.replace(/^threadmark: /, '')).toMatch(reason);
    expect(usage).toMatch(/^Usage: threadmark merge <project>/);
  });
});

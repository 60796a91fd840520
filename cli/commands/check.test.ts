import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import type { Bundle } from '@shared/bundle/bundle';

import { bundleOf } from '../codebook/codebook-cli.test-helpers';
import { memoryIo } from '../memory-io.test-helpers';
import { exampleV3Bundle } from '../project/example-bundle.test-helpers';
import { run } from '../run';
import { checkCommand } from './check';

const T = '2026-03-14T10:00:00.000Z';
const deps = () => {
  let n = 0;
  return { clock: { now: () => T }, ids: { newId: () => `check-${++n}` } };
};

/** The example project with a coding on a missing post and a loop of two codes: validate refuses it. */
function damaged(): string {
  const b = exampleV3Bundle();
  const [first, second] = b.codes;
  const codings = [...b.codings, { ...b.codings[0]!, id: 'k-orphan', postId: 'p-missing' }];
  const codes = b.codes.map((c) => (c.id === first!.id ? { ...c, parentId: second!.id } : c.id === second!.id ? { ...c, parentId: first!.id } : c));
  return JSON.stringify({ ...b, codings, codes } satisfies Bundle);
}

describe('threadmark check', () => {
  it('says a healthy bundle has no problems (exit 0)', async () => {
    const m = memoryIo({ 'p.json': serializeBundle(exampleV3Bundle()) });
    expect(await run(['check', 'p.json'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/^checked \d+ codings, \d+ codes, \d+ coded posts: no problems\n$/);
  });

  it('reports every finding of a bundle validate refuses, one line each, and exits 1', async () => {
    const m = memoryIo({ 'p.json': damaged() });
    expect(await run(['validate', 'p.json'], m.io)).toBe(1);
    const n = memoryIo({ 'p.json': damaged() });
    expect(await run(['check', 'p.json'], n.io)).toBe(1);
    const lines = n.stdout().trimEnd().split('\n');
    expect(lines[0]).toBe('p.json: coding k-orphan: its post p-missing does not exist (repair: remove the coding)');
    expect(lines[1]).toMatch(/^p\.json: code “.+” \(id .+\): it is its own ancestor: .+ \(repair: move the code to the top level\)$/);
    expect(lines.at(-1)).toMatch(/: 1 coding on a missing post, 1 loop in the code tree$/);
  });

  it('--json gives the same findings as data', async () => {
    const m = memoryIo({ 'p.json': damaged() });
    expect(await run(['check', 'p.json', '--json'], m.io)).toBe(1);
    const out = JSON.parse(m.stdout()) as { ok: boolean; findings: Array<{ kind: string; id: string }> };
    expect(out.ok).toBe(false);
    expect(out.findings.map((f) => f.kind)).toEqual(['coding-missing-post', 'code-cycle']);
  });

  it('--repair writes a bundle that validates and checks clean to another file; the checked one stays', async () => {
    const m = memoryIo({ 'p.json': damaged() });
    const before = m.files.get('p.json');
    const code = await checkCommand(['p.json', '--repair', '-o', 'fixed.json'], m.io, deps());
    expect(m.stderr()).toBe('');
    expect(code).toBe(0);
    expect(m.stdout()).toContain('Repaired the project: removed 1 broken coding, moved 1 code to the top level\nwrote fixed.json\n');
    expect(m.files.get('p.json')).toBe(before);
    const fixed = bundleOf(m.files.get('fixed.json'));
    expect(fixed.codings.some((c) => c.id === 'k-orphan')).toBe(false);
    expect(fixed.journal?.at(-1)).toMatchObject({ operation: 'integrity.repair', at: T });
    const again = memoryIo({ 'fixed.json': m.files.get('fixed.json')! });
    expect(await run(['check', 'fixed.json'], again.io)).toBe(0);
  });

  it('refuses to repair over the bundle checked, or without -o', async () => {
    const m = memoryIo({ 'p.json': damaged() });
    expect(await run(['check', 'p.json', '--repair', '-o', 'p.json'], m.io)).toBe(2);
    expect(m.stderr()).toContain('-o must be another file');
    expect(await run(['check', 'p.json', '--repair'], m.io)).toBe(2);
  });

  it('names the file when it is not JSON', async () => {
    const m = memoryIo({ 'p.json': '{"format": ' });
    expect(await run(['check', 'p.json'], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/^p\.json: bundle: not valid JSON: line 1/);
  });
});

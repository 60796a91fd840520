import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { compareFindings } from './electronegativity.mjs';

describe('electronegativity gate', () => {
  const allowed = [
    { id: 'SANDBOX_JS_CHECK', file: 'index.ts' },
    { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'open-external.ts' },
  ];
  it('passes reviewed findings, whatever their line, and names new ones', () => {
    const findings = [
      { id: 'SANDBOX_JS_CHECK', file: 'index.ts', line: 99 },
      { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'open-external.ts', line: 1 },
      { id: 'NODE_INTEGRATION_JS_CHECK', file: 'window-options.ts', line: 5 },
    ];
    expect(compareFindings(findings, allowed)).toEqual({ unexpected: [findings[2]], stale: [] });
  });
  it('calls an allowlist entry that matches nothing stale', () => {
    expect(compareFindings([{ id: 'SANDBOX_JS_CHECK', file: 'index.ts' }], allowed).stale).toEqual([allowed[1]]);
  });
  it('gives a reason for every allowlisted finding', () => {
    const list = JSON.parse(readFileSync(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8'));
    for (const entry of list.allowed) expect(entry.reason.length, `${entry.id} ${entry.file}`).toBeGreaterThan(40);
  });
});

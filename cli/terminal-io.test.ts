import { describe, expect, it } from 'vitest';

import { randomBundleText } from '@shared/analysis/segments/segments-fixture.test-helpers';

import { alignedTable } from './commands/table-text';
import { memoryImportIo } from './import/memory-import-io.test-helpers';
import { run } from './run';

const FILE = 'p.threadmark.json';
/** A code name that would clear the screen, retitle the terminal and reverse what follows it. */
const EVIL_CODE = 'Irony\u001b[2J\u001b]0;owned\u0007\u202E';
const EVIL_CODER = 'Ada\u2067\u009b31m';
/** What a terminal must never receive raw. */
// eslint-disable-next-line no-control-regex -- the characters under test
const RAW = /[\u001b\u0007\u009b\u202e\u2067]/;

async function evilProject() {
  const bundle = JSON.parse(await randomBundleText(7, { threads: 2, postsPerThread: 8, codingsPerPost: 3 })) as {
    codes: Array<{ id: string; name: string }>;
    coders: Array<{ id: string; name: string }>;
  };
  bundle.codes.find((c) => c.id === 'c-irony')!.name = EVIL_CODE;
  bundle.coders[0]!.name = EVIL_CODER;
  return JSON.stringify(bundle);
}

async function cli(args: string[], stdoutIsTerminal?: boolean) {
  const m = memoryImportIo({ [FILE]: await evilProject() });
  const io = stdoutIsTerminal === undefined ? m.io : { ...m.io, stdoutIsTerminal };
  const status = await run(args, io);
  return { status, stdout: m.stdout(), stderr: m.stderr(), files: m.files };
}

describe('names printed to the terminal', () => {
  it.each([
    ['table', [FILE, '--rows', 'code', '--cols', 'coder']],
    ['cooccur', [FILE, '--by', 'post']],
    ['segments', [FILE, '--code', EVIL_CODE, '--identified']],
    ['history', [FILE]],
    ['agree', [FILE, '--unit', 'post']],
  ])('%s shows control and bidi characters in names as escapes', async (command, args) => {
    const out = await cli([command, ...args]);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).not.toMatch(RAW);
    if (command !== 'history') expect(out.stdout).toContain('Irony\\u001B[2J\\u001B]0;owned\\u0007\\u202E');
  });

  it('a message naming an unknown code is neutralized on stderr', async () => {
    const out = await cli(['segments', FILE, '--code', 'No\u202Esuch']);
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain('No\\u202Esuch');
    expect(out.stderr).not.toMatch(RAW);
  });

  it('--json stays the same data: the escapes parse back to the names', async () => {
    const out = await cli(['segments', FILE, '--code', EVIL_CODE, '--json']);
    expect(out.stdout).not.toMatch(RAW);
    const rows = (JSON.parse(out.stdout) as { rows: Array<{ codePath: string }> }).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.codePath === EVIL_CODE)).toBe(true);
  });

  it('an export sent to stdout is exact when piped and neutralized on a terminal; a file is never touched', async () => {
    const piped = await cli(['export', FILE, '--to', 'codebook-csv', '-o', '-'], false);
    expect(piped.stdout).toContain(EVIL_CODE);
    const shown = await cli(['export', FILE, '--to', 'codebook-csv', '-o', '-'], true);
    expect(shown.stdout).not.toMatch(RAW);
    expect(shown.stdout).toBe(piped.stdout.replaceAll('\u001b[2J\u001b]0;owned\u0007\u202E', '\\u001B[2J\\u001B]0;owned\\u0007\\u202E'));
    const file = await cli(['export', FILE, '--to', 'codebook-csv', '-o', 'codes.csv'], true);
    expect(new TextDecoder().decode(file.files.get('codes.csv') as unknown as Uint8Array)).toBe(piped.stdout);
  });
});

describe('aligned tables with escaped names', () => {
  it('measures the escaped cell, so the columns still line up', () => {
    const text = alignedTable(['code', 'n'], [[`${EVIL_CODE}`, '3'], ['Derailing', '12']]);
    const lines = text.trimEnd().split('\n');
    expect(lines[1]).toContain('Irony\\u001B[2J');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

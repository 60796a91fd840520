import { describe, expect, it } from 'vitest';

import { run } from '../run';
import { TABLE_FILE, tableProjectIo } from './table-fixture.test-helpers';

// The argument handling `table` and `cooccur` share (table-input.ts), run through both commands.
const COMMANDS = [
  ['table', '--cols', 'coder'],
  ['cooccur', '--by', 'post'],
] as const;

describe.each(COMMANDS)('threadmark %s: the shared <bundle> and --coder handling', (command, ...own) => {
  it.each([
    [[], /missing <bundle>/, 2],
    [[TABLE_FILE, 'extra.json'], /unexpected argument extra\.json/, 2],
    [[TABLE_FILE, '--colour'], /--colour/, 2],
    [[TABLE_FILE, '--coder', 'Zed'], /no coder is named "Zed" \(coders: Ada, Ben, Cem\)/, 1],
    [['missing.threadmark.json'], /missing\.threadmark\.json/, 1],
  ])('refuses %j with a clear message', async (args, message, status) => {
    const { m } = await tableProjectIo(2);
    expect(await run([command, ...args, ...own], m.io)).toBe(status);
    expect(m.stderr()).toMatch(message);
    expect(m.stdout()).toBe('');
  });

  it('names the coders counted in the heading, or all coders', async () => {
    const { m } = await tableProjectIo(2);
    expect(await run([command, TABLE_FILE, ...own, '--coder', 'ben,ada'], m.io)).toBe(0);
    expect(m.stdout().split('\n')[0]).toMatch(/\(coders Ben, Ada\)$/);
    expect(await run([command, TABLE_FILE, ...own], m.io)).toBe(0);
    expect(m.stdout().split('\n').filter((l) => l.endsWith('(all coders)'))).toHaveLength(1);
  });
});

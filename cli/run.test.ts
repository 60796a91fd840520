import { describe, expect, it } from 'vitest';

import { version } from '../package.json';
import { COMMAND_USAGE } from './help';
import { memoryIo } from './memory-io.test-helpers';
import { run } from './run';

describe('threadmark run', () => {
  it.each([[[]], [['--help']], [['-h']]])('prints usage listing the commands for %j', async (argv) => {
    const m = memoryIo();
    expect(await run(argv, m.io)).toBe(0);
    expect(m.stdout()).toMatch(/^Usage: threadmark <command>/);
    expect(m.stdout()).toContain('validate <bundle>');
    expect(m.stdout()).toContain('export <bundle> --to csv -o <file>');
    expect(m.stderr()).toBe('');
  });

  it('prints the package version', async () => {
    const m = memoryIo();
    expect(await run(['--version'], m.io)).toBe(0);
    expect(m.stdout()).toBe(`${version}\n`);
  });

  it('prints command usage for <command> --help', async () => {
    const m = memoryIo();
    expect(await run(['export', '--help'], m.io)).toBe(0);
    expect(m.stdout()).toBe(COMMAND_USAGE.export);
    // What the usage must tell: every target, the CSV default, and that exports are pseudonymised unless asked.
    for (const said of ['--to csv|', 'relations-csv', '--to ids', 'shareable-bundle', 'CSV cells are written raw by default', '--csv-safe formula', '--pseudonymize (the default)', '--identified']) {
      expect(m.stdout()).toContain(said);
    }
  });

  it('rejects an unknown command or option with exit 2 and usage on stderr', async () => {
    for (const argv of [['frobnicate'], ['--nope'], ['toString']]) {
      const m = memoryIo();
      expect(await run(argv, m.io)).toBe(2);
      expect(m.stderr()).toMatch(/^threadmark: unknown (command|option) .*\nUsage: threadmark <command>/);
      expect(m.stdout()).toBe('');
    }
  });
});

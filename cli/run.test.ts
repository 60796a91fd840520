import { describe, expect, it } from 'vitest';

import { version } from '../package.json';
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
    expect(m.stdout()).toBe(
      'Usage: threadmark export <bundle> --to csv|qdc|codebook-md|codebook-html|codebook-csv -o <file> [--csv-safe formula|raw] [--coder NAME]\n' +
        '       threadmark export <bundle> --to matrix-csv|binary-matrix-csv|thread-matrix-csv|xlsx|parquet|matrix-parquet|relations-csv -o <file> [--coder NAME]\n' +
        '       threadmark export <bundle> --to qdpx -o <file> [--positions code-points|utf16]\n' +
        '       threadmark export <bundle> --to web-annotation|doccano|label-studio -o <file> [--coder NAME]\n' +
        '       threadmark export <bundle> --to memos-csv -o <file> [--csv-safe formula|raw]\n' +
        '       threadmark export <bundle> --to ids -o <file>  (no text, no author: never pseudonymised)\n' +
        '       threadmark export <bundle> --to shareable-bundle -o <file>  (the project to hand on: always pseudonymised)\n' +
        '       CSV cells are written raw by default; --csv-safe formula makes them safe to open in a spreadsheet.\n' +
        '       every export above: [--pseudonymize (the default) | --identified | --no-pseudonymize] [--key-out <key.enc> [--passphrase-file F]]\n',
    );
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

import { readFile } from 'node:fs/promises';
import process from 'node:process';

import { writeFileAtomic } from '../node/fs/write-file-atomic';
import type { CliIo } from './io';

export const nodeIo: CliIo = {
  async readFile(path) {
    const bytes = await readFile(path);
    // fatal: a file that is not UTF-8 is an error, not text silently full of U+FFFD.
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new Error('not valid UTF-8 text');
    }
  },

  /** Atomic: the old file or the whole new one (temp file, fsync, rename, fsync the folder). */
  writeFile: (path, data) => writeFileAtomic(path, data),

  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdoutIsTerminal: process.stdout.isTTY === true,
};

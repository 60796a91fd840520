import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import process from 'node:process';

import type { CliIo } from './io';

let tempCounter = 0;

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

  async writeFile(path, data) {
    // Same directory, so the rename is atomic and never crosses file systems.
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`);
    try {
      await writeFile(temp, data, { encoding: 'utf8', flag: 'wx' });
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  },

  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

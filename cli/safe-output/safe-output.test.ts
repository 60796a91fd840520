import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, lstat, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';

import { acquireFileLock } from '../../node/fs/file-lock';
import { nodeImportIo, type ImportIo } from '../import/import-io';
import { main } from '../cli-main';
import { exampleV3Bundle } from '../project/example-bundle.test-helpers';
import { loadEveryCommand } from '../run';
import { guardedIo } from './guarded-io';

/** A pid no process has (above Linux's pid_max default of 4194304). */
const DEAD_PID = 4_194_400;

// Commands load when they run (run.ts): loaded before any test's clock starts.
beforeAll(() => loadEveryCommand(), 120_000);

let dir = '';
let project = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadmark-safe-output-'));
  project = join(dir, 'p.threadmark.json');
  await writeFile(project, serializeBundle(exampleV3Bundle()));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** main() over the real file system, its stderr and stdout captured. */
async function cli(...argv: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const base: ImportIo = { ...nodeImportIo, stderr: (t) => void (stderr += t), stdout: (t) => void (stdout += t) };
  const code = await main(argv, base);
  return { code, stderr, stdout };
}

describe('-o never replaces what it should not', () => {
  it('refuses to write an export over an input of the same command; the project keeps its bytes', async () => {
    const before = await readFile(project);
    const result = await cli('export', project, '--to', 'codebook-csv', '-o', project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${project} is an input of this command`);
    expect(result.stderr).toContain('nothing written');
    expect(await readFile(project)).toEqual(before);
    expect(await readdir(dir)).toEqual(['p.threadmark.json']);
  });

  it('--force writes over the input anyway', async () => {
    expect((await cli('export', project, '--to', 'codebook-csv', '-o', project, '--force')).code).toBe(0);
    expect((await readFile(project, 'utf8')).startsWith('path,')).toBe(true);
  });

  it('an in-place update of the bundle itself (-o the --into bundle) is still allowed', async () => {
    const before = await readFile(project, 'utf8');
    const result = await cli('undo', project, '-o', project);
    expect(result.stderr).not.toContain('input of this command');
    expect(result.code).toBe(0);
    expect(await readFile(project, 'utf8')).not.toBe(before);
  });

  it('refuses a symbolic link; --force replaces the file it points to and keeps the link', async () => {
    const real = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    await writeFile(real, 'keep');
    await symlink(real, link);
    const refused = await cli('export', project, '--to', 'codebook-csv', '-o', link);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is a symbolic link');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe('keep');

    expect((await cli('export', project, '--to', 'codebook-csv', '-o', link, '--force')).code).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect((await readFile(real, 'utf8')).startsWith('path,')).toBe(true);
  });

  it('refuses a FIFO, which stays a FIFO', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const result = await cli('export', project, '--to', 'codebook-csv', '-o', fifo);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a FIFO (named pipe), not a regular file');
    expect((await stat(fifo)).isFIFO()).toBe(true);
  });

  it('refuses a device unless --force, which writes into it and leaves it a device', async () => {
    const refused = await cli('export', project, '--to', 'codebook-csv', '-o', '/dev/null');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('/dev/null is a device');
    expect((await cli('export', project, '--to', 'codebook-csv', '-o', '/dev/null', '--force')).code).toBe(0);
    expect((await stat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('keeps the permission bits of a file it replaces', async () => {
    const out = join(dir, 'private.csv');
    await writeFile(out, 'old');
    await chmod(out, 0o600);
    expect((await cli('export', project, '--to', 'codebook-csv', '-o', out)).code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    await chmod(out, 0o640);
    expect((await cli('export', project, '--to', 'codebook-csv', '-o', out)).code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o640);
  });

  it('removes temp files a killed run left, on the next write to that file; a live process keeps its own', async () => {
    const out = join(dir, 'out.csv');
    const dead = `.out.csv.threadmark-${DEAD_PID}-${randomUUID()}.tmp`;
    const alive = `.out.csv.threadmark-${process.pid}-${randomUUID()}.tmp`;
    const other = `.other.csv.threadmark-${DEAD_PID}-${randomUUID()}.tmp`;
    for (const name of [dead, alive, other]) await writeFile(join(dir, name), 'x'.repeat(1000));
    expect((await cli('export', project, '--to', 'codebook-csv', '-o', out)).code).toBe(0);
    const left = await readdir(dir);
    expect(left).not.toContain(dead);
    expect(left).toContain(alive);
    expect(left).toContain(other); // another file's temp is swept when that file is written
  });
});

describe('one writer per bundle', () => {
  it('refuses to run while another live threadmark holds the lock; nothing written', async () => {
    const held = await acquireFileLock(project);
    expect(held.ok).toBe(true);
    const before = await readFile(project);
    const result = await cli('undo', project, '-o', project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${project} is locked by threadmark (pid ${process.pid}`);
    expect(await readFile(project)).toEqual(before);
    if (held.ok) await held.lock.release();
    expect(await readdir(dir)).toEqual(['p.threadmark.json']);
  });

  it('takes over a stale lock whose process is gone, and removes its lock when done', async () => {
    const { hostname } = await import('node:os');
    await writeFile(`${project}.lock`, JSON.stringify({ pid: DEAD_PID, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const result = await cli('undo', project, '-o', project);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readdir(dir)).toEqual(['p.threadmark.json']);
  });

  it('refuses to write a bundle that changed after it was read, and keeps the other writer\'s file', async () => {
    const io = guardedIo({ force: false, activity: 'importing' });
    await io.readFile(project);
    const theirs = serializeBundle({ ...exampleV3Bundle(), project: { ...exampleV3Bundle().project, name: 'Changed meanwhile' } });
    await writeFile(project, theirs);
    await expect(io.writeChunks(project, ['{"mine": true}'])).rejects.toThrow(`${project} changed while importing; nothing written`);
    expect(await readFile(project, 'utf8')).toBe(theirs);
    expect(await readdir(dir)).toEqual(['p.threadmark.json']);
  });

  it('a rewrite with the same size and time is still caught by the hash', async () => {
    const io = guardedIo({ force: false, activity: 'importing' });
    const text = await io.readFile(project);
    const info = await stat(project);
    const same = text.replace('"formatVersion"', '"formatVersioN"');
    expect(same.length).toBe(text.length);
    await writeFile(project, same);
    const { utimes } = await import('node:fs/promises');
    await utimes(project, info.atime, info.mtime);
    await expect(io.writeChunks(project, ['x'])).rejects.toThrow('changed while importing');
  });

  it('reads chunks into one reused buffer when asked, and still knows the file as an input', async () => {
    const big = join(dir, 'units.csv');
    const text = `unit,coder,value\n${'u1,A,1\n'.repeat(400_000)}`; // past one 1 MB buffer
    await writeFile(big, text);
    const io = guardedIo({ force: false, activity: 'reading' });
    const seen: Uint8Array[] = [];
    const views = new Set<ArrayBufferLike>();
    for await (const chunk of io.readChunks(big, { reuseBuffer: true, noWriteFollows: true })) {
      seen.push(chunk.slice());
      views.add(chunk.buffer);
    }
    expect(views.size).toBe(1);
    expect(Buffer.concat(seen).toString('utf8')).toBe(text);
    // No hash was taken (no write follows), but the file is still this command's input.
    await expect(io.writeFile(big, 'x')).rejects.toThrow('is an input of this command');
  });

  it('writes the bundle back when nobody changed it', async () => {
    const io = guardedIo({ force: false, activity: 'importing' });
    await io.readFile(project);
    await io.writeChunks(project, ['{"mine": true}']);
    expect(await readFile(project, 'utf8')).toBe('{"mine": true}');
  });
});

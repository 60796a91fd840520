/**
 * The real CLI around run(): --force taken off the command line, an exclusive lock on each file
 * the command will rewrite (node/fs/file-lock.ts: `-o`, and the project `package` writes back),
 * guarded file access (safe-output/guarded-io.ts), and on SIGINT/SIGTERM the locks and unfinished
 * temp files removed before exiting. Two `threadmark … -o p.json` at once: one writes, the other
 * is refused with a message and exit 1; nothing is lost silently.
 */
import { rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import process from 'node:process';

import { acquireFileLock, releaseAllLocksSync, type FileLock } from '../node/fs/file-lock';
import { removeActiveTempsSync } from '../node/fs/write-file-atomic';
import { EXIT_FAILED, type CliIo } from './io';
import { nodeImportIo, type ImportIo } from './import/import-io';
import { run } from './run';
import { guardedIo } from './safe-output/guarded-io';

const ACTIVITY: Record<string, string> = {
  import: 'importing',
  'import-annotations': 'importing annotations',
  undo: 'undoing',
  merge: 'merging',
  consensus: 'deciding consensus',
  package: 'packaging',
  attributes: 'importing attributes',
  export: 'exporting',
  sync: 'syncing',
};

export async function main(argv: readonly string[], base: ImportIo = nodeImportIo): Promise<number> {
  const force = argv.includes('--force');
  const args = argv.filter((arg) => arg !== '--force');
  const command = args[0] ?? '';
  const io = guardedIo({ force, activity: ACTIVITY[command] ?? `running threadmark ${command}` }, base);

  const locks: FileLock[] = [];
  const onSignal = (signal: NodeJS.Signals): void => {
    releaseAllLocksSync();
    removeActiveTempsSync((path) => rmSync(path, { force: true }));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (const target of await lockTargets(args)) {
      const attempt = await acquireFileLock(target).catch(() => null);
      // A lock that cannot even be created (read-only or missing folder): the write fails with its own message.
      if (!attempt) continue;
      if (!attempt.ok) {
        const who = attempt.owner ? ` by threadmark (pid ${attempt.owner.pid} on ${attempt.owner.host}, since ${attempt.owner.since})` : '';
        io.stderr(`threadmark: ${target} is locked${who}; another threadmark is writing it; nothing done. Try again when it has finished (a stale lock: delete ${target}.lock)\n`);
        return EXIT_FAILED;
      }
      locks.push(attempt.lock);
    }
    return await run(args, io satisfies CliIo);
  } finally {
    for (const lock of locks) await lock.release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The files the command will replace: its -o (a regular or new file), and the project `package` writes back. */
async function lockTargets(args: readonly string[]): Promise<string[]> {
  if (args.includes('--help') || args.includes('-h')) return [];
  const targets: string[] = [];
  const output = outputOf(args);
  if (output !== undefined && output !== '-') targets.push(output);
  if (args[0] === 'package' && args[1] !== undefined && !args[1].startsWith('-')) targets.push(args[1]);
  const lockable: string[] = [];
  for (const target of new Set(targets)) {
    const info = await stat(target).catch(() => null);
    if (!info || info.isFile()) lockable.push(target);
  }
  return lockable;
}

function outputOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return undefined;
    if (arg === '-o' || arg === '--output') return args[i + 1];
    if (arg.startsWith('--output=')) return arg.slice('--output='.length);
  }
  return undefined;
}

/**
 * An exclusive lock on a file that is about to be rewritten: `<file>.lock` next to it, created
 * with O_EXCL ('wx'), so of two processes exactly one gets it. It holds the owner's pid, host and
 * start time; a lock whose process is gone (same host, pid not alive) is stale and taken over.
 * Released by `release()` (call it in finally) or, on SIGINT/SIGTERM, by the process's handler
 * (releaseAllLocksSync).
 */
import { readFileSync, rmSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import process from 'node:process';

import { isProcessAlive } from './process-alive';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface FileLock {
  path: string;
  release(): Promise<void>;
}

export type LockAttempt = { ok: true; lock: FileLock } | { ok: false; owner: LockOwner | null };

export const lockPathOf = (target: string): string => `${target}.lock`;

/** Locks this process holds, with the text it wrote into each (so release never removes another's). */
const held = new Map<string, string>();
/** Locks created but whose owner line is still being written (the file may be empty). */
const writing = new Set<string>();

export async function acquireFileLock(target: string, now: () => Date = () => new Date()): Promise<LockAttempt> {
  const path = lockPathOf(target);
  for (let attempt = 0; attempt < 2; attempt++) {
    const text = JSON.stringify({ pid: process.pid, host: hostname(), since: now().toISOString() } satisfies LockOwner);
    try {
      const handle = await open(path, 'wx');
      // Ours from here, before its owner line is written: a signal meanwhile still removes it.
      held.set(path, text);
      writing.add(path);
      try {
        await handle.writeFile(text);
      } finally {
        await handle.close();
        writing.delete(path);
      }
      return { ok: true, lock: { path, release: () => releaseLock(path) } };
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'EEXIST') throw e;
    }
    const owner = await readOwner(path);
    // Stale: its process is gone. Only decidable on the same machine; a lock from another host stays.
    if (owner && owner.host === hostname() && !isProcessAlive(owner.pid)) {
      await rm(path, { force: true });
      continue;
    }
    return { ok: false, owner };
  }
  return { ok: false, owner: await readOwner(path) };
}

async function releaseLock(path: string): Promise<void> {
  const mine = held.get(path);
  if (mine === undefined) return;
  held.delete(path);
  // Only our own lock: a lock file someone replaced after a stale take-over is theirs.
  if ((await readFile(path, 'utf8').catch(() => null)) === mine) await rm(path, { force: true });
}

/** For signal handlers: removes every lock this process holds, synchronously. */
export function releaseAllLocksSync(): void {
  for (const [path, mine] of held) {
    try {
      if (writing.has(path) || readFileSync(path, 'utf8') === mine) rmSync(path, { force: true });
    } catch {
      // Already gone.
    }
  }
  held.clear();
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string') return { pid: value.pid, host: value.host, since: value.since };
  } catch {
    // Unreadable or half-written (the owner is between 'wx' and its write): treated as held.
  }
  return null;
}

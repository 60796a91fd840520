import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { backupName } from '@shared/backup/backup-name';
import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';

import { backupFiles } from '../backups/backup-files';
import { registerBackupHandlers } from './backups';
import { createHandle } from './handle';

const APP = 'app://threadmark';
const trusted = { sender: {}, senderFrame: { url: `${APP}/index.html`, parent: null } };
const subframe = { sender: {}, senderFrame: { url: `${APP}/index.html`, parent: {} } };

let root: string;
let call: (channel: string, event: unknown, req: unknown) => Promise<unknown>;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'threadmark-ipc-backups-'));
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, fn: (...args: unknown[]) => Promise<unknown>) => handlers.set(channel, fn) };
  registerBackupHandlers(createHandle(ipcMain as never, APP), { backups: backupFiles(root) });
  call = (channel, event, req) => handlers.get(channel)!(event, req);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('backup:* over IPC', () => {
  it('keeps a verified backup for the app window and hands it back', async () => {
    const b = exampleBundle();
    const name = backupName('2026-12-07T10:00:00.000Z', { posts: b.posts.length, codings: b.codings.length });
    const bytes = new Uint8Array(gzipSync(serializeBundle(b)));
    expect(await call('backup:write', trusted, { project: 'threadmark-project-1', name, bytes })).toMatchObject({ ok: true, value: { name } });
    expect(await call('backup:list', trusted, { project: 'threadmark-project-1' })).toMatchObject({ ok: true, value: [{ name }] });
    const read = (await call('backup:read', trusted, { project: 'threadmark-project-1', name })) as { ok: true; value: { bytes: Uint8Array } };
    expect(Buffer.from(read.value.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a subframe, a path for a project, a name that is not a backup, and says why a backup was not kept', async () => {
    expect(await call('backup:list', subframe, { project: 'threadmark-project-1' })).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(await call('backup:list', trusted, { project: '../../etc' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('backup:read', trusted, { project: 'p', name: '../manifest.json' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const lie = backupName('2026-12-07T10:00:00.000Z', { posts: 1, codings: 1 });
    const refused = await call('backup:write', trusted, { project: 'p', name: lie, bytes: new Uint8Array([1, 2, 3]) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/^The backup was not kept: /) } });
  });

  it('reads and writes the manifest beside the backups', async () => {
    expect(await call('backup:manifest-read', trusted, undefined)).toEqual({ ok: true, value: null });
    expect(await call('backup:manifest-write', trusted, { text: '{}' })).toEqual({ ok: true, value: undefined });
    expect(await call('backup:manifest-read', trusted, undefined)).toEqual({ ok: true, value: '{}' });
  });
});

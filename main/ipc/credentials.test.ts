import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { passwordStore, type Encryptor } from '../credentials/password-store';
import { registerCredentialHandlers } from './credentials';
import { createHandle } from './handle';

const APP = 'app://threadmark';
const trusted = { sender: {}, senderFrame: { url: `${APP}/index.html`, parent: null } };
const otherOrigin = { sender: {}, senderFrame: { url: 'https://evil.example/index.html', parent: null } };

/** A stand-in for safeStorage: reversible, but never the plain text on disk. */
const fakeSafeStorage = (available = true): Encryptor => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
  decryptString: (sealed) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
});

let root: string;
let file: string;
const calls = (encryptor: Encryptor) => {
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const ipcMain = { handle: (channel: string, fn: (...args: unknown[]) => Promise<unknown>) => handlers.set(channel, fn) };
  registerCredentialHandlers(createHandle(ipcMain as never, APP), { passwords: passwordStore(file, encryptor) });
  return (channel: string, req: unknown, event: unknown = trusted) => handlers.get(channel)!(event, req);
};
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'threadmark-credentials-'));
  file = join(root, 'team-passwords.json');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const KEY = 'https://couch.example.org study ana';

describe('credentials:* over IPC', () => {
  it('keeps a password sealed on disk, hands it back, keeps two connections apart and forgets one', async () => {
    const call = calls(fakeSafeStorage());
    expect(await call('credentials:read', { key: KEY })).toEqual({ ok: true, value: null });
    expect(await call('credentials:save', { key: KEY, password: 'pässword-1' })).toEqual({ ok: true, value: undefined });
    expect(await call('credentials:save', { key: `${KEY}2`, password: 'other' })).toEqual({ ok: true, value: undefined });
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('pässword-1');
    expect(Object.keys(JSON.parse(onDisk) as object).sort()).toEqual([KEY, `${KEY}2`]);
    expect(await call('credentials:read', { key: KEY })).toEqual({ ok: true, value: 'pässword-1' });
    expect(await call('credentials:delete', { key: KEY })).toEqual({ ok: true, value: undefined });
    expect(await call('credentials:read', { key: KEY })).toEqual({ ok: true, value: null });
    expect(await call('credentials:read', { key: `${KEY}2` })).toEqual({ ok: true, value: 'other' });
  });

  it('says so when the system has no encrypted store, and writes nothing', async () => {
    const call = calls(fakeSafeStorage(false));
    const refused = await call('credentials:save', { key: KEY, password: 'secret' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/kept only until Threadmark closes/) } });
    await expect(readFile(file, 'utf8')).rejects.toThrow();
  });

  it('refuses another origin, an empty password and an over-long key', async () => {
    const call = calls(fakeSafeStorage());
    expect(await call('credentials:read', { key: KEY }, otherOrigin)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(await call('credentials:save', { key: KEY, password: '' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await call('credentials:read', { key: 'x'.repeat(601) })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

import { describe, expect, it, vi } from 'vitest';

import type { RendererBridge } from '@shared/ipc/contract';

import { credentialKey, electronCredentialStore, sessionCredentialStore } from './credential-store';

describe('credential stores', () => {
  it('keeps web passwords in memory for the page, by connection', async () => {
    const store = sessionCredentialStore();
    const key = credentialKey('http://127.0.0.1:5984', 'study', 'ana');
    expect(store.lasting).toBe(false);
    expect(await store.save(key, 'pw')).toBeNull();
    expect(await store.read(key)).toBe('pw');
    expect(await store.read(credentialKey('http://127.0.0.1:5984', 'study', 'ben'))).toBeNull();
    await store.remove(key);
    expect(await store.read(key)).toBeNull();
  });

  it('asks main on the desktop, and keeps the password for this run when main cannot seal it', async () => {
    const invoke = vi.fn(async (channel: string) => {
      if (channel === 'credentials:save') return { ok: false, error: { code: 'io', message: 'The password was not saved: no keychain.' } };
      if (channel === 'credentials:read') return { ok: true, value: null };
      return { ok: true, value: undefined };
    });
    const store = electronCredentialStore({ invoke, on: () => () => undefined } as unknown as RendererBridge);
    const key = credentialKey('https://couch.example.org', 'study2', 'ana');
    expect(await store.save(key, 'pw')).toBe('The password was not saved: no keychain.');
    expect(await store.read(key)).toBe('pw');
    expect(invoke).toHaveBeenCalledWith('credentials:save', { key, password: 'pw' });
    await store.remove(key);
    expect(invoke).toHaveBeenCalledWith('credentials:delete', { key });
    expect(await store.read(key)).toBeNull();
  });
});

import { describe, expect, it, vi } from 'vitest';

import type { RendererBridge } from '@shared/ipc/contract';

import { electronBackupStore } from './electron-backup-store';

describe('electronBackupStore', () => {
  it('asks main through the typed bridge and turns its errors into messages', async () => {
    const invoke = vi.fn(async (channel: string) => {
      if (channel === 'backup:list') return { ok: true, value: [{ name: 'n', at: 'a', posts: 1, codings: 2 }] };
      if (channel === 'backup:write') return { ok: false, error: { code: 'io', message: 'The backup was not kept: disk full.' } };
      if (channel === 'backup:manifest-read') return { ok: false, error: { code: 'internal', message: 'x' } };
      return { ok: true, value: { bytes: new Uint8Array([1]) } };
    });
    const store = electronBackupStore({ invoke, on: vi.fn() } as unknown as RendererBridge);
    expect(await store.list('threadmark-project-1')).toEqual([{ name: 'n', at: 'a', posts: 1, codings: 2 }]);
    expect(await store.write('threadmark-project-1', 'n', new Uint8Array())).toEqual({ ok: false, error: 'The backup was not kept: disk full.' });
    expect(await store.read('threadmark-project-1', 'n')).toEqual({ ok: true, value: new Uint8Array([1]) });
    expect(await store.readManifest()).toBeNull();
    expect(invoke.mock.calls.map(([channel]) => channel)).toEqual(['backup:list', 'backup:write', 'backup:read', 'backup:manifest-read']);
  });
});

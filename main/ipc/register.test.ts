import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { invokeContract } from '@shared/ipc/contract';

import { registerIpcHandlers } from './register';

describe('registerIpcHandlers', () => {
  it('registers exactly one handler for every contract channel and nothing else', () => {
    const ipcMain = { handle: vi.fn() };
    registerIpcHandlers({
      ipcMain: ipcMain as never,
      trustedOrigin: 'app://threadmark',
      app: { getName: () => 'Threadmark', getVersion: () => '0.1.0' },
      platform: 'linux',
      openExternal: vi.fn(),
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() } as never,
      windowFor: () => null,
      backups: {} as never,
      passwords: {} as never,
    });
    const channels = ipcMain.handle.mock.calls.map(([channel]) => channel as string);
    expect([...channels].sort()).toEqual(Object.keys(invokeContract).sort());
    expect(new Set(channels).size).toBe(channels.length);
  });
});

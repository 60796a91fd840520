import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { RendererBridge } from '@shared/ipc/contract';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(),
  on: vi.fn(),
  removeListener: vi.fn(),
  sendSync: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: {
    invoke: electron.invoke,
    on: electron.on,
    removeListener: electron.removeListener,
    sendSync: electron.sendSync,
  },
}));

async function loadBridge(): Promise<RendererBridge> {
  vi.resetModules();
  electron.exposeInMainWorld.mockClear();
  await import('./preload');
  expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
  const [name, bridge] = electron.exposeInMainWorld.mock.calls[0] as [string, RendererBridge];
  expect(name).toBe('threadmark');
  return bridge;
}

beforeEach(() => {
  electron.invoke.mockReset();
  electron.on.mockReset();
  electron.removeListener.mockReset();
});

describe('preload bridge', () => {
  it('exposes only invoke and on: no ipcRenderer, sendSync or process', async () => {
    const bridge = await loadBridge();
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    const exposed = bridge as unknown as Record<string, unknown>;
    for (const key of ['ipcRenderer', 'sendSync', 'send', 'process', 'require']) expect(exposed[key]).toBeUndefined();
  });

  it('relays contract channels to ipcRenderer.invoke', async () => {
    const bridge = await loadBridge();
    electron.invoke.mockResolvedValue({ ok: true, value: { name: 'Threadmark', version: '0.1.0', platform: 'linux' } });
    await expect(bridge.invoke('app:info', undefined)).resolves.toMatchObject({ ok: true });
    expect(electron.invoke).toHaveBeenCalledExactlyOnceWith('app:info', undefined);
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    const bridge = await loadBridge();
    const result = await bridge.invoke('fs:read-anything' as 'app:info', undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC rejection into an internal Result', async () => {
    const bridge = await loadBridge();
    electron.invoke.mockRejectedValue(new Error('No handler registered'));
    await expect(bridge.invoke('app:info', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes event payloads without the IpcRendererEvent and unsubscribes', async () => {
    const bridge = await loadBridge();
    const listener = vi.fn();
    const off = bridge.on('menu:command', listener);
    const [channel, relay] = electron.on.mock.calls[0] as [string, (...args: unknown[]) => void];
    expect(channel).toBe('menu:command');
    relay({ sender: 'ipc-event', ports: [] }, { command: 'undo' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ command: 'undo' });
    off();
    expect(electron.removeListener).toHaveBeenCalledExactlyOnceWith('menu:command', relay);
  });

  it('ignores subscriptions to unknown events', async () => {
    const bridge = await loadBridge();
    const off = bridge.on('ipc:anything' as 'menu:command', vi.fn());
    expect(electron.on).not.toHaveBeenCalled();
    expect(off).toBeTypeOf('function');
  });
});

import { describe, expect, it, vi } from 'vitest';

import type { RendererBridge } from '@shared/ipc/contract';

import { electronPlatform } from './electron-platform';

describe('electron platform', () => {
  it('opens a binary file through file:open-binary and passes the bytes on untouched', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    const invoke = vi.fn(async () => ({ ok: true, value: { name: 'study.qdpx', bytes } }));
    const platform = electronPlatform({ invoke, on: vi.fn() } as unknown as RendererBridge);
    const filters = [{ name: 'REFI-QDA project', extensions: ['qdpx'] }];
    expect(await platform.openBinaryFile('Import a codebook', filters)).toEqual({ ok: true, value: { name: 'study.qdpx', bytes } });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('file:open-binary', { title: 'Import a codebook', filters });
  });

  it('opens several files, text or bytes, through file:open-many', async () => {
    const files = [{ name: 'ben.json', content: '{}' }, { name: 'nora.qdpx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) }];
    const invoke = vi.fn(async () => ({ ok: true, value: files }));
    const platform = electronPlatform({ invoke, on: vi.fn() } as unknown as RendererBridge);
    expect(await platform.openFiles('Add coder files', [])).toEqual({ ok: true, value: files });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('file:open-many', { title: 'Add coder files', filters: [] });
  });

  it('turns an IPC error into the platform’s message', async () => {
    const invoke = vi.fn(async () => ({ ok: false, error: { code: 'io', message: '"huge.qdpx" is too large: files over 200 MB are not opened.' } }));
    const platform = electronPlatform({ invoke, on: vi.fn() } as unknown as RendererBridge);
    expect(await platform.openBinaryFile('Import', [])).toEqual({ ok: false, error: '"huge.qdpx" is too large: files over 200 MB are not opened.' });
  });

  it('passes on menu commands that are action ids of the catalog, and nothing else', () => {
    let relay: ((payload: unknown) => void) | undefined;
    const off = vi.fn();
    const on = vi.fn((_event: string, listener: (payload: unknown) => void) => {
      relay = listener;
      return off;
    });
    const platform = electronPlatform({ invoke: vi.fn(), on } as unknown as RendererBridge);
    const listener = vi.fn();
    expect(platform.onMenuCommand(listener)).toBe(off);
    expect(on).toHaveBeenCalledWith('menu:command', expect.any(Function));
    relay?.({ command: 'command-palette' });
    relay?.({ command: 'format-disk' });
    relay?.({ command: 'undo', extra: 1 });
    relay?.('undo');
    expect(listener.mock.calls).toEqual([['command-palette']]);
  });
});

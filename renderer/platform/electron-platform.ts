import { eventContract, type IpcResult, type RendererBridge } from '@shared/ipc/contract';

import type { Platform, PlatformResult } from './platform';

/** The desktop runtime: native dialogs and file access in the main process, through the typed bridge. */
export function electronPlatform(bridge: RendererBridge): Platform {
  return {
    kind: 'electron',
    async openTextFile(title, filters) {
      return toPlatform(await bridge.invoke('file:open', { title, filters }));
    },
    async openFiles(title, filters) {
      return toPlatform(await bridge.invoke('file:open-many', { title, filters }));
    },
    async openBinaryFile(title, filters) {
      return toPlatform(await bridge.invoke('file:open-binary', { title, filters }));
    },
    async saveTextFile(suggestedName, content, filters) {
      const saved = toPlatform(await bridge.invoke('file:save', { suggestedName, content, filters }));
      return saved.ok ? { ok: true, value: saved.value?.path ?? null } : saved;
    },
    async saveBinaryFile(suggestedName, bytes, filters) {
      const saved = toPlatform(await bridge.invoke('file:save', { suggestedName, content: bytes as Uint8Array<ArrayBuffer>, filters }));
      return saved.ok ? { ok: true, value: saved.value?.path ?? null } : saved;
    },
    // Checked against the contract here too: only an action id of the catalog reaches the registry.
    onMenuCommand: (listener) =>
      bridge.on('menu:command', (payload) => {
        const parsed = eventContract['menu:command'].safeParse(payload);
        if (parsed.success) listener(parsed.data.command);
      }),
  };
}

function toPlatform<T>(result: IpcResult<T>): PlatformResult<T> {
  return result.ok ? result : { ok: false, error: result.error.message };
}

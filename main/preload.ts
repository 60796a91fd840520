/**
 * The only bridge between the sandboxed renderer and the main process. It relays contract
 * channels and nothing else: no ipcRenderer, no sendSync, no process, no IPC event objects.
 * Built as CommonJS because a sandboxed preload cannot be an ES module.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

import { BRIDGE_GLOBAL, isEventChannel, isInvokeChannel } from '@shared/ipc/channels';
import type { Channel, EventName, EventPayload, IpcResult, RendererBridge, Req, Res } from '@shared/ipc/contract';

const failure = (code: 'invalid-request' | 'internal', message: string) =>
  ({ ok: false, error: { code, message } }) as const;

const bridge = {
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<IpcResult<Res<C>>> {
    if (!isInvokeChannel(channel)) {
      return Promise.resolve(failure('invalid-request', `Unknown channel "${String(channel)}".`));
    }
    // Main never rejects; a rejection means no handler answered, which is still a Result here.
    return (ipcRenderer.invoke(channel, req) as Promise<IpcResult<Res<C>>>).catch(() =>
      failure('internal', `The app could not handle "${channel}".`),
    );
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!isEventChannel(event)) return () => {};
    const relay = (_event: IpcRendererEvent, payload: EventPayload<E>) => listener(payload);
    ipcRenderer.on(event, relay);
    return () => {
      ipcRenderer.removeListener(event, relay);
    };
  },
} satisfies RendererBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);

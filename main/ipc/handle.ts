/**
 * The only way main registers an IPC handler: sender check, then schema check, then the
 * implementation, with every outcome returned as an IpcResult. Nothing throws across IPC.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { z } from 'zod';

import { invokeContract, type Channel, type IpcError, type IpcResult, type Res } from '@shared/ipc/contract';

export type HandlerContext = { sender: WebContents };
export type ParsedReq<C extends Channel> = z.output<(typeof invokeContract)[C]['req']>;
export type Impl<C extends Channel> = (
  req: ParsedReq<C>,
  ctx: HandlerContext,
) => Promise<IpcResult<Res<C>>> | IpcResult<Res<C>>;
export type Handle = <C extends Channel>(channel: C, impl: Impl<C>) => void;

const fail = (code: IpcError['code'], message: string) => ({ ok: false, error: { code, message } }) as const;

/**
 * `scheme://host[:port]`. WHATWG `URL.origin` is "null" for non-special schemes such as app:,
 * so the origin is rebuilt from the parts.
 */
export function originOf(rawUrl: string): string | null {
  try {
    const url = new URL(rawUrl);
    if (url.host === '') return null;
    return `${url.protocol}//${url.host.toLowerCase()}`;
  } catch {
    return null;
  }
}

/** The app's own top-level frame only: not a subframe, not another origin (VS Code's rule). */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null, trustedOrigin: string): boolean {
  return frame !== null && frame.parent === null && originOf(frame.url) === trustedOrigin;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender'> & { senderFrame: Pick<WebFrameMain, 'url' | 'parent'> | null };

export async function dispatch<C extends Channel>(
  channel: C,
  impl: Impl<C>,
  trustedOrigin: string,
  event: SenderEvent,
  args: readonly unknown[],
): Promise<IpcResult<Res<C>>> {
  if (!isTrustedSender(event.senderFrame, trustedOrigin)) {
    return fail('untrusted-sender', `"${channel}" is only answered for the app's own window.`);
  }
  if (args.length !== 1) return fail('invalid-request', `"${channel}" takes exactly one argument.`);
  const parsed = invokeContract[channel].req.safeParse(args[0]);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    return fail('invalid-request', `Invalid "${channel}" request: ${detail}`);
  }
  try {
    return await impl(parsed.data as ParsedReq<C>, { sender: event.sender });
  } catch (error) {
    console.error(`[ipc] ${channel} failed`, error);
    return fail('internal', `"${channel}" failed unexpectedly.`);
  }
}

export function createHandle(ipcMain: Pick<IpcMain, 'handle'>, trustedOrigin: string): Handle {
  return (channel, impl) => {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, impl, trustedOrigin, event, args));
  };
}

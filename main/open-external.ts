/**
 * The single door to `shell.openExternal`, used by the IPC channel and by refused navigations.
 * Only http, https and mailto reach the OS, and only after the user has seen the full URL.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions, Shell } from 'electron';

import type { IpcResult } from '@shared/ipc/contract';
import { ok } from '@shared/util/result';

const ALLOWED_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** A URL safe to hand to the OS, or null. Credentials are refused: `https://bank.com@evil.example`. */
export function parseExternalUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url;
}

export type OpenExternalDeps = {
  dialog: Pick<Dialog, 'showMessageBox'>;
  shell: Pick<Shell, 'openExternal'>;
  /** The window the confirmation is modal to, when there is one. */
  getWindow: () => BrowserWindow | null;
};

export type OpenExternal = (raw: string) => Promise<IpcResult<undefined>>;

export function createOpenExternal(deps: OpenExternalDeps): OpenExternal {
  return async (raw) => {
    const url = parseExternalUrl(raw);
    if (url === null) {
      return { ok: false, error: { code: 'invalid-request', message: 'Only http, https and mailto links can be opened.' } };
    }
    // href is the normalized form (punycode host, escaped controls), so what is shown is what opens.
    const options: MessageBoxOptions = {
      type: 'question',
      buttons: ['Cancel', 'Open'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      message: url.protocol === 'mailto:' ? 'Write an email with your mail app?' : 'Open this link in your browser?',
      detail: url.href,
    };
    const window = deps.getWindow();
    const answer = await (window ? deps.dialog.showMessageBox(window, options) : deps.dialog.showMessageBox(options));
    if (answer.response !== 1) return { ok: false, error: { code: 'cancelled', message: 'The link was not opened.' } };
    await deps.shell.openExternal(url.href);
    return ok(undefined);
  };
}

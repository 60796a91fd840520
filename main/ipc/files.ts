/**
 * file:open, file:open-binary and file:save. The renderer never names a path: the user picks it
 * in a native dialog, main reads or writes, and only the content (text or bytes) and a name cross IPC.
 */
import { basename } from 'node:path';

import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';

import { MAX_OPEN_BYTES } from '@shared/ipc/contract';
import { ok } from '@shared/util/result';

import { describeFsError } from '../fs/fs-error';
import { readFileBytes } from '../fs/read-file-bytes';
import { readTextFile } from '../fs/read-text-file';
import { writeFileAtomic } from '../../node/fs/write-file-atomic';
import type { Handle } from './handle';

export type FileDeps = {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window a dialog is modal to, when there is one. */
  windowFor: (sender: WebContents) => BrowserWindow | null;
  maxOpenBytes?: number;
};

export function registerFileHandlers(handle: Handle, deps: FileDeps): void {
  const maxBytes = deps.maxOpenBytes ?? MAX_OPEN_BYTES;

  /** The picked path, or null when the dialog was cancelled. */
  const pickFile = async (title: string, filters: OpenDialogOptions['filters'], sender: WebContents): Promise<string | null> => {
    const options: OpenDialogOptions = { title, filters, properties: ['openFile'] };
    const window = deps.windowFor(sender);
    const picked = await (window ? deps.dialog.showOpenDialog(window, options) : deps.dialog.showOpenDialog(options));
    const path = picked.filePaths[0];
    return picked.canceled || path === undefined ? null : path;
  };

  handle('file:open', async ({ title, filters }, { sender }) => {
    const path = await pickFile(title, filters, sender);
    if (path === null) return ok(null);
    const content = await readTextFile(path, maxBytes);
    return content.ok ? ok({ name: basename(path), content: content.value }) : content;
  });

  handle('file:open-binary', async ({ title, filters }, { sender }) => {
    const path = await pickFile(title, filters, sender);
    if (path === null) return ok(null);
    const bytes = await readFileBytes(path, maxBytes);
    return bytes.ok ? ok({ name: basename(path), bytes: bytes.value }) : bytes;
  });

  handle('file:save', async ({ suggestedName, content, filters }, { sender }) => {
    const options: SaveDialogOptions = { defaultPath: suggestedName, filters, properties: ['showOverwriteConfirmation', 'createDirectory'] };
    const window = deps.windowFor(sender);
    const picked = await (window ? deps.dialog.showSaveDialog(window, options) : deps.dialog.showSaveDialog(options));
    if (picked.canceled || !picked.filePath) return ok(null);
    try {
      await writeFileAtomic(picked.filePath, content);
    } catch (error) {
      const message = `Could not save "${basename(picked.filePath)}": ${describeFsError(error)}.`;
      return { ok: false, error: { code: 'io', message } };
    }
    return ok({ path: picked.filePath });
  });
}

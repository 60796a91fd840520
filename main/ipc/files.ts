/**
 * file:open, file:open-many, file:open-binary and file:save. The renderer never names a path: the user picks it
 * in a native dialog, main reads or writes, and only the content (text or bytes) and a name cross IPC.
 */
import { basename } from 'node:path';

import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions, WebContents } from 'electron';

import { readsAsBytes } from '@shared/exchange/zip-archive';
import { MAX_OPEN_BYTES } from '@shared/ipc/contract';
import { ok } from '@shared/util/result';

import { describeFsError } from '../fs/fs-error';
import { readFileBytes } from '../fs/read-file-bytes';
import { decodeTextFile, readTextFile } from '../fs/read-text-file';
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

  /** The picked paths (one unless `multiple`), or null when the dialog was cancelled. */
  const pickFiles = async (title: string, filters: OpenDialogOptions['filters'], sender: WebContents, multiple = false): Promise<string[] | null> => {
    const options: OpenDialogOptions = { title, filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
    const window = deps.windowFor(sender);
    const picked = await (window ? deps.dialog.showOpenDialog(window, options) : deps.dialog.showOpenDialog(options));
    return picked.canceled || picked.filePaths.length === 0 ? null : multiple ? picked.filePaths : picked.filePaths.slice(0, 1);
  };
  const pickFile = async (title: string, filters: OpenDialogOptions['filters'], sender: WebContents): Promise<string | null> =>
    (await pickFiles(title, filters, sender))?.[0] ?? null;

  handle('file:open', async ({ title, filters }, { sender }) => {
    const path = await pickFile(title, filters, sender);
    if (path === null) return ok(null);
    const content = await readTextFile(path, maxBytes);
    return content.ok ? ok({ name: basename(path), content: content.value }) : content;
  });

  // Each file is read as file:open reads one, but a zip archive (.qdpx) as file:open-binary does;
  // the first that cannot be read refuses them all, by name.
  handle('file:open-many', async ({ title, filters }, { sender }) => {
    const paths = await pickFiles(title, filters, sender, true);
    if (paths === null) return ok(null);
    const files: Array<{ name: string; content: string } | { name: string; bytes: Uint8Array<ArrayBuffer> }> = [];
    for (const path of paths) {
      const name = basename(path);
      const bytes = await readFileBytes(path, maxBytes);
      if (!bytes.ok) return bytes;
      if (readsAsBytes(name, bytes.value)) {
        files.push({ name, bytes: bytes.value });
        continue;
      }
      const content = decodeTextFile(name, bytes.value);
      if (!content.ok) return content;
      files.push({ name, content: content.value });
    }
    return ok(files);
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

import { readsAsBytes } from '@shared/exchange/zip-archive';
import { MAX_OPEN_BYTES } from '@shared/ipc/contract';

import type { FileFilter, OpenedAnyFile, OpenedBinaryFile, OpenedFile, Platform, PlatformResult } from './platform';

/** The browser runtime: a hidden file input to open, a Blob download to save. */
export const webPlatform: Platform = {
  kind: 'web',
  openTextFile: (_title, filters) => pickFile(filters, readUtf8),
  openFiles: (_title, filters) => pickFiles(filters, readAll),
  openBinaryFile: (_title, filters) => pickFile(filters, (file) => readBytes(file)),
  // The browser has no application menu: the toolbar and keyboard shortcuts do the same.
  onMenuCommand: () => () => undefined,
  saveTextFile: (suggestedName, content) => download(suggestedName, new Blob([content], { type: mimeFor(suggestedName) })),
  saveBinaryFile: (suggestedName, bytes) => download(suggestedName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeFor(suggestedName) })),
};

/** A Blob download; resolves at once with the download's name (the browser saves it). */
function download(suggestedName: string, blob: Blob): Promise<PlatformResult<string | null>> {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return Promise.resolve({ ok: true, value: suggestedName });
}

function mimeFor(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv;charset=utf-8';
  if (name.endsWith('.json')) return 'application/json;charset=utf-8';
  if (name.endsWith('.html')) return 'text/html;charset=utf-8';
  if (name.endsWith('.md')) return 'text/markdown;charset=utf-8';
  if (name.endsWith('.qdc')) return 'application/xml;charset=utf-8';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.parquet')) return 'application/vnd.apache.parquet';
  if (name.endsWith('.qdpx')) return 'application/zip';
  if (name.endsWith('.png')) return 'image/png';
  return 'text/plain;charset=utf-8';
}

function pickFile<T>(filters: FileFilter[], read: (file: File) => Promise<PlatformResult<T>>): Promise<PlatformResult<T | null>> {
  return pickFiles(filters, (files) => read(files[0]!), false);
}

/** Every file read, as text or, for a zip archive (.qdpx), as bytes; or the first that cannot be (named in its error). */
export async function readAll(files: readonly File[]): Promise<PlatformResult<OpenedAnyFile[]>> {
  const opened: OpenedAnyFile[] = [];
  for (const file of files) {
    const read = await readBytes(file);
    if (!read.ok) return read;
    if (readsAsBytes(file.name, read.value.bytes)) {
      opened.push(read.value);
      continue;
    }
    const text = decodeUtf8(file.name, read.value.bytes);
    if (!text.ok) return text;
    opened.push(text.value);
  }
  return { ok: true, value: opened };
}

function pickFiles<T>(filters: FileFilter[], read: (files: File[]) => Promise<PlatformResult<T>>, multiple = true): Promise<PlatformResult<T | null>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    // "*" (all files) has no `accept` token; Chromium's chooser offers "All files" next to the rest.
    input.accept = filters.flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.dataset.testid = 'file-input';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve({ ok: true, value: null });
    });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.remove();
      if (files.length === 0) {
        resolve({ ok: true, value: null });
        return;
      }
      void read(files).then(resolve);
    });
    document.body.append(input);
    input.click();
  });
}

/** A fatal decoder: a file that is not UTF-8 is refused by name, never silently "repaired" with U+FFFD. */
export async function readUtf8(file: File): Promise<PlatformResult<OpenedFile>> {
  try {
    return decodeUtf8(file.name, new Uint8Array(await file.arrayBuffer()));
  } catch {
    return { ok: false, error: `${file.name} could not be read.` };
  }
}

function decodeUtf8(name: string, bytes: Uint8Array): PlatformResult<OpenedFile> {
  try {
    return { ok: true, value: { name, content: new TextDecoder('utf-8', { fatal: true }).decode(bytes) } };
  } catch {
    return { ok: false, error: `${name} is not valid UTF-8 text.` };
  }
}

/** The same cap as the desktop app's file handler (MAX_OPEN_BYTES), checked before reading. */
export async function readBytes(file: File, maxBytes = MAX_OPEN_BYTES): Promise<PlatformResult<OpenedBinaryFile>> {
  if (file.size > maxBytes) {
    return { ok: false, error: `${file.name} is ${Math.ceil(file.size / (1024 * 1024))} MB; files over ${maxBytes / (1024 * 1024)} MB are not opened.` };
  }
  try {
    return { ok: true, value: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
  } catch {
    return { ok: false, error: `${file.name} could not be read.` };
  }
}

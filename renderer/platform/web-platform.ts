import type { FileFilter, OpenedFile, Platform, PlatformResult } from './platform';

/** The browser runtime: a hidden file input to open, a Blob download to save. */
export const webPlatform: Platform = {
  kind: 'web',
  openTextFile: (_title, filters) => pickFile(filters),
  // The browser has no application menu: the toolbar and keyboard shortcuts do the same.
  onMenuCommand: () => () => undefined,
  async saveTextFile(suggestedName, content) {
    const url = URL.createObjectURL(new Blob([content], { type: mimeFor(suggestedName) }));
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    // Revoke later: Chromium starts the download asynchronously.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { ok: true, value: suggestedName };
  },
};

function mimeFor(name: string): string {
  if (name.endsWith('.csv')) return 'text/csv;charset=utf-8';
  if (name.endsWith('.json')) return 'application/json;charset=utf-8';
  return 'text/plain;charset=utf-8';
}

function pickFile(filters: FileFilter[]): Promise<PlatformResult<OpenedFile | null>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.dataset.testid = 'file-input';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve({ ok: true, value: null });
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) {
        resolve({ ok: true, value: null });
        return;
      }
      void readUtf8(file).then(resolve);
    });
    document.body.append(input);
    input.click();
  });
}

/** A fatal decoder: a file that is not UTF-8 is refused by name, never silently "repaired" with U+FFFD. */
export async function readUtf8(file: File): Promise<PlatformResult<OpenedFile>> {
  try {
    const bytes = await file.arrayBuffer();
    const content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, value: { name: file.name, content } };
  } catch {
    return { ok: false, error: `${file.name} is not valid UTF-8 text.` };
  }
}

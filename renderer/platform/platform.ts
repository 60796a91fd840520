/** What the UI needs from its host: files in and out. Electron uses native dialogs, the web a download. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  content: string;
}

/** A file read as bytes, for formats decoded by their own reader (a .qdpx zip archive). */
export interface OpenedBinaryFile {
  name: string;
  bytes: Uint8Array;
}

/** A file of a mixed selection: text, or bytes when it is a zip archive (shared/exchange/zip-archive.ts). */
export type OpenedAnyFile = OpenedFile | OpenedBinaryFile;

export type PlatformResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Commands from the desktop application menu. */
import type { MenuCommand } from '@shared/ipc/channels';

export type { MenuCommand };

export interface Platform {
  kind: 'electron' | 'web';
  /** Resolves with null when the user cancels. */
  openTextFile(title: string, filters: FileFilter[]): Promise<PlatformResult<OpenedFile | null>>;
  /** Several files picked at once, in the order picked: text, or bytes for a zip archive (.qdpx); null when the user cancels. */
  openFiles(title: string, filters: FileFilter[]): Promise<PlatformResult<OpenedAnyFile[] | null>>;
  /** The picked file's bytes, not decoded; null when the user cancels. */
  openBinaryFile(title: string, filters: FileFilter[]): Promise<PlatformResult<OpenedBinaryFile | null>>;
  /** Resolves with the saved location (a path, or the download name), or null when cancelled. */
  saveTextFile(suggestedName: string, content: string, filters: FileFilter[]): Promise<PlatformResult<string | null>>;
  /** The same for a file that is not text (XLSX, Parquet): the bytes are written as they are. */
  saveBinaryFile(suggestedName: string, bytes: Uint8Array, filters: FileFilter[]): Promise<PlatformResult<string | null>>;
  /** Listens to the application menu (desktop only); returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

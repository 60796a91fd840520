/**
 * IPC names as plain data. Kept apart from the zod schemas so the preload can import them
 * without bundling zod into a sandboxed script.
 */

/** The renderer finds the bridge at `window.threadmark`. */
export const BRIDGE_GLOBAL = 'threadmark';

export const INVOKE_CHANNELS = ['app:info', 'file:open', 'file:open-binary', 'file:save', 'shell:open-external'] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/** The Codebook menu's commands (codebook exchange, versions and the change log). */
export const CODEBOOK_MENU_COMMANDS = [
  'codebook-import',
  'codebook-export-qdc',
  'codebook-export-markdown',
  'codebook-export-html',
  'codebook-export-csv',
  'codebook-name-version',
  'codebook-versions',
] as const;
export type CodebookMenuCommand = (typeof CODEBOOK_MENU_COMMANDS)[number];

export const EVENT_CHANNELS = ['menu:command'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export const MENU_COMMANDS = [
  'undo',
  'redo',
  'import-threads',
  'export-bundle',
  'import-bundle',
  'export-csv',
  ...CODEBOOK_MENU_COMMANDS,
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const isInvokeChannel = (value: unknown): value is InvokeChannel =>
  (INVOKE_CHANNELS as readonly unknown[]).includes(value);

export const isEventChannel = (value: unknown): value is EventChannel =>
  (EVENT_CHANNELS as readonly unknown[]).includes(value);

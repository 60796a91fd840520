/**
 * IPC names as plain data. Kept apart from the zod schemas so the preload can import them
 * without bundling zod into a sandboxed script.
 */
import { ACTION_IDS, type ActionId } from '../actions/action-catalog';

/** The renderer finds the bridge at `window.threadmark`. */
export const BRIDGE_GLOBAL = 'threadmark';

export const INVOKE_CHANNELS = [
  'app:info',
  'file:open',
  'file:open-many',
  'file:open-binary',
  'file:save',
  'shell:open-external',
  'backup:list',
  'backup:write',
  'backup:read',
  'backup:manifest-read',
  'backup:manifest-write',
  'credentials:save',
  'credentials:read',
  'credentials:delete',
] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

export const EVENT_CHANNELS = ['menu:command'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** What the application menu sends: the id of an action in the catalog, which the renderer performs. */
export const MENU_COMMANDS = ACTION_IDS;
export type MenuCommand = ActionId;

export const isInvokeChannel = (value: unknown): value is InvokeChannel =>
  (INVOKE_CHANNELS as readonly unknown[]).includes(value);

export const isEventChannel = (value: unknown): value is EventChannel =>
  (EVENT_CHANNELS as readonly unknown[]).includes(value);

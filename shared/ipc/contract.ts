/**
 * The typed IPC contract between the renderer and the main process. The main process validates
 * every request against these schemas; the preload only relays.
 */
import { z } from 'zod';

import { parseBackupName, PROJECT_KEY } from '../backup/backup-name';
import type { Result } from '../util/result';
import { MENU_COMMANDS, type EventChannel, type InvokeChannel } from './channels';

export { BRIDGE_GLOBAL, EVENT_CHANNELS, INVOKE_CHANNELS, MENU_COMMANDS } from './channels';
export type { MenuCommand } from './channels';

/** The largest file `file:open`, `file:open-many` and `file:open-binary` read; bigger files are refused before any byte is read. */
export const MAX_OPEN_BYTES = 200 * 1024 * 1024;

// Electron wants extensions without a dot ("json", "threadmark.json"), or "*" for all files.
const extension = z.string().regex(/^(\*|[A-Za-z0-9]+(\.[A-Za-z0-9]+)*)$/, 'an extension without a dot, or "*"');
const fileFilters = z
  .array(z.strictObject({ name: z.string().min(1).max(100), extensions: z.array(extension).min(1).max(20) }))
  .max(20);

// Only a name: the renderer never chooses a folder, the user does in the dialog.
const fileName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0]+$/, 'a file name without a folder')
  .refine((name) => name !== '.' && name !== '..', 'a file name without a folder');

/** The largest backup main accepts over IPC (a gzip of a bundle). */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
// A project's backups folder is its database's name; a backup's file name states its time and counts.
const backupProject = z.string().regex(PROJECT_KEY, 'a project database name');
const backupFileName = z.string().max(200).refine((name) => parseBackupName(name) !== null, 'a backup file name');
const backupFile = z.strictObject({ name: z.string(), at: z.string(), posts: z.number(), codings: z.number() });

/** A team connection's password key: `<server URL> <project key> <user>` (docs/sync.md). */
const credentialKey = z.string().min(1).max(600);

export const invokeContract = {
  'app:info': {
    req: z.undefined(),
    res: z.strictObject({ name: z.string(), version: z.string(), platform: z.string() }),
  },
  /** null when the user cancels the dialog. */
  'file:open': {
    req: z.strictObject({ title: z.string().max(200), filters: fileFilters }),
    res: z.strictObject({ name: z.string(), content: z.string() }).nullable(),
  },
  /** Several files picked at once (coder files): text, or bytes for a zip archive (.qdpx, zip-archive.ts); null when the user cancels. */
  'file:open-many': {
    req: z.strictObject({ title: z.string().max(200), filters: fileFilters }),
    res: z.array(z.union([z.strictObject({ name: z.string(), content: z.string() }), z.strictObject({ name: z.string(), bytes: z.instanceof(Uint8Array) })])).nullable(),
  },
  /** The bytes of a file that is not text (a .qdpx archive), unread: null when the user cancels. */
  'file:open-binary': {
    req: z.strictObject({ title: z.string().max(200), filters: fileFilters }),
    res: z.strictObject({ name: z.string(), bytes: z.instanceof(Uint8Array) }).nullable(),
  },
  /** null when the user cancels the dialog. Text is written as UTF-8, bytes (XLSX, Parquet) as they are. */
  'file:save': {
    req: z.strictObject({ suggestedName: fileName, content: z.union([z.string(), z.instanceof(Uint8Array)]), filters: fileFilters }),
    res: z.strictObject({ path: z.string() }).nullable(),
  },
  /** Main accepts only http, https and mailto, and asks the user first. */
  'shell:open-external': {
    req: z.strictObject({ url: z.string().min(1).max(8192) }),
    res: z.undefined(),
  },
  /** A project's verified backups in the user data folder (main/backups/backup-files.ts), newest first. */
  'backup:list': {
    req: z.strictObject({ project: backupProject }),
    res: z.array(backupFile),
  },
  /** Written atomically, read back and validated, then rotated; an `io` error when it is not a backup. */
  'backup:write': {
    req: z.strictObject({ project: backupProject, name: backupFileName, bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BACKUP_BYTES, 'a backup of at most 1 GB') }),
    res: backupFile,
  },
  'backup:read': {
    req: z.strictObject({ project: backupProject, name: backupFileName }),
    res: z.strictObject({ bytes: z.instanceof(Uint8Array) }),
  },
  /** The manifest's text beside the backups (shared/backup/manifest.ts); null before the first. */
  'backup:manifest-read': {
    req: z.undefined(),
    res: z.string().nullable(),
  },
  'backup:manifest-write': {
    req: z.strictObject({ text: z.string().max(4 * 1024 * 1024) }),
    res: z.undefined(),
  },
  /** A team server's password, sealed by safeStorage in main; the key names the connection (credentialKey in the renderer). */
  'credentials:save': {
    req: z.strictObject({ key: credentialKey, password: z.string().min(1).max(1024) }),
    res: z.undefined(),
  },
  /** null when none is kept (or it cannot be unsealed on this system). */
  'credentials:read': {
    req: z.strictObject({ key: credentialKey }),
    res: z.string().nullable(),
  },
  'credentials:delete': {
    req: z.strictObject({ key: credentialKey }),
    res: z.undefined(),
  },
} as const satisfies Record<InvokeChannel, { req: z.ZodType; res: z.ZodType }>; // exactly the listed channels

export const eventContract = {
  'menu:command': z.strictObject({ command: z.enum(MENU_COMMANDS) }),
} as const satisfies Record<EventChannel, z.ZodType>;

export type Channel = keyof typeof invokeContract;
export type Req<C extends Channel> = z.input<(typeof invokeContract)[C]['req']>;
export type Res<C extends Channel> = z.output<(typeof invokeContract)[C]['res']>;

export type EventName = keyof typeof eventContract;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

export type IpcErrorCode = 'invalid-request' | 'untrusted-sender' | 'io' | 'cancelled' | 'internal';
export type IpcError = { code: IpcErrorCode; message: string };
export type IpcResult<T> = Result<T, IpcError>;

export interface RendererBridge {
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<IpcResult<Res<C>>>;
  /** Returns the unsubscribe function. The listener gets the payload only, never the IPC event. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}


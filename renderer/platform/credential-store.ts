/**
 * Where a team server's password is kept (docs/sync.md "Passwords"). The desktop seals it with
 * Electron's safeStorage in main, so a restart reconnects without asking; the web runtime keeps it
 * in this page's memory only (a reload asks again): a browser page has no sealed store, and a
 * password in IndexedDB or localStorage would be readable by anyone with the profile.
 */
import { BRIDGE_GLOBAL, type RendererBridge } from '@shared/ipc/contract';

export interface CredentialStore {
  /** Kept across restarts (sealed by the system), or for this page only. */
  readonly lasting: boolean;
  /** A note for the connect dialog when the password could not be kept lastingly. */
  save(key: string, password: string): Promise<string | null>;
  read(key: string): Promise<string | null>;
  remove(key: string): Promise<void>;
}

/** One connection's key: the server, the project and the user. */
export const credentialKey = (serverUrl: string, projectKey: string, user: string): string => `${serverUrl} ${projectKey} ${user}`;

const sessionPasswords = new Map<string, string>();

export function sessionCredentialStore(): CredentialStore {
  return {
    lasting: false,
    save: (key, password) => {
      sessionPasswords.set(key, password);
      return Promise.resolve(null);
    },
    read: (key) => Promise.resolve(sessionPasswords.get(key) ?? null),
    remove: (key) => {
      sessionPasswords.delete(key);
      return Promise.resolve();
    },
  };
}

/** The desktop's sealed store; when the system has none, the password is kept for this run and the user told. */
export function electronCredentialStore(bridge: RendererBridge): CredentialStore {
  const session = sessionCredentialStore();
  return {
    lasting: true,
    async save(key, password) {
      await session.save(key, password);
      const saved = await bridge.invoke('credentials:save', { key, password });
      return saved.ok ? null : saved.error.message;
    },
    async read(key) {
      const read = await bridge.invoke('credentials:read', { key });
      return (read.ok ? read.value : null) ?? (await session.read(key));
    },
    async remove(key) {
      await session.remove(key);
      await bridge.invoke('credentials:delete', { key });
    },
  };
}

export function currentCredentialStore(): CredentialStore {
  const bridge = (window as unknown as Record<string, RendererBridge | undefined>)[BRIDGE_GLOBAL];
  return bridge ? electronCredentialStore(bridge) : sessionCredentialStore();
}

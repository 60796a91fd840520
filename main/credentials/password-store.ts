/**
 * Team-server passwords on the desktop (docs/sync.md "Passwords"): encrypted with Electron's
 * safeStorage (the system keychain, DPAPI or libsecret) and kept in one JSON file in the user data
 * folder, as base64 ciphertext by connection key. The renderer never sees the file or the key; it
 * asks for one connection's password over IPC. No Electron import: tested in Node with a fake
 * safeStorage and a temp folder.
 */
import { readFile } from 'node:fs/promises';

import { err, ok, type Result } from '@shared/util/result';

import { writeFileAtomic } from '../../node/fs/write-file-atomic';

/** The part of Electron's safeStorage this uses. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface PasswordStore {
  save(key: string, password: string): Promise<Result<void, string>>;
  read(key: string): Promise<string | null>;
  remove(key: string): Promise<void>;
}

export function passwordStore(file: string, encryptor: Encryptor): PasswordStore {
  const load = async (): Promise<Record<string, string>> => {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) return {};
    try {
      const parsed = JSON.parse(text) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  // One write at a time, so two saves never lose each other's entry.
  let queue: Promise<unknown> = Promise.resolve();
  const update = <T>(fn: (all: Record<string, string>) => T): Promise<T> => {
    const next = queue.then(async () => {
      const all = await load();
      const result = fn(all);
      await writeFileAtomic(file, JSON.stringify(all));
      return result;
    });
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    async save(key, password) {
      if (!encryptor.isEncryptionAvailable()) return err('this system offers no encrypted password store, so the password is kept only until Threadmark closes');
      const sealed = encryptor.encryptString(password).toString('base64');
      await update((all) => {
        all[key] = sealed;
      });
      return ok(undefined);
    },
    async read(key) {
      const sealed = (await load())[key];
      if (typeof sealed !== 'string' || !encryptor.isEncryptionAvailable()) return null;
      try {
        return encryptor.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        return null;
      }
    },
    async remove(key) {
      await update((all) => {
        delete all[key];
      });
    },
  };
}

/**
 * Persistent storage (web runtime): without it the browser may clear this origin's IndexedDB — every
 * project — when the disk runs low. Asked once per window when a project is created or opened.
 * Electron treats its own origin as durable anyway (docs/storage.md), where asking changes nothing.
 */

type StorageManagerLike = { persist?: () => Promise<boolean>; persisted?: () => Promise<boolean> };

const storageManager = (): StorageManagerLike | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator as { storage?: StorageManagerLike }).storage;

let asked = false;

/** Asks the browser (once) to keep this origin's data; the answer, or null where it cannot be asked. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = storageManager();
  if (!storage?.persist) return null;
  try {
    if (asked) return (await storage.persisted?.()) ?? null;
    asked = true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/** Whether the browser keeps this origin's data for good; null where it cannot say. */
export async function isStoragePersisted(): Promise<boolean | null> {
  try {
    return (await storageManager()?.persisted?.()) ?? null;
  } catch {
    return null;
  }
}

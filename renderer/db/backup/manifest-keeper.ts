/**
 * The manifest (shared/backup/manifest.ts) kept in two places outside IndexedDB: localStorage and
 * the backup store's file (OPFS or the user data folder). Read merges both, so either alone is
 * enough; every change writes both, one change at a time.
 */
import { emptyManifest, mergeManifests, parseManifest, serializeManifest, type Manifest } from '@shared/backup/manifest';

import type { BackupStore } from '../../platform/backup-store';

export const MANIFEST_STORAGE_KEY = 'threadmark-manifest';

export class ManifestKeeper {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Pick<BackupStore, 'readManifest' | 'writeManifest'>,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
  ) {}

  read(): Promise<Manifest> {
    return this.serial(() => this.load());
  }

  /** Applies `change` to the current manifest and writes it to both places; returns what was written. */
  update(change: (m: Manifest) => Manifest): Promise<Manifest> {
    return this.serial(async () => {
      const next = change(await this.load());
      const text = serializeManifest(next);
      try {
        this.storage?.setItem(MANIFEST_STORAGE_KEY, text);
      } catch {
        // A full or disabled localStorage: the file copy still holds it.
      }
      await this.store.writeManifest(text).catch(() => undefined);
      return next;
    });
  }

  private async load(): Promise<Manifest> {
    let local: string | null;
    try {
      local = this.storage?.getItem(MANIFEST_STORAGE_KEY) ?? null;
    } catch {
      local = null;
    }
    const file = await this.store.readManifest().catch(() => null);
    const a = parseManifest(local);
    const b = parseManifest(file);
    return a || b ? mergeManifests(a, b) : emptyManifest();
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

import type { SerializedSearchIndex } from '@shared/analysis/search/search-index';

import type { IndexStore } from './search-session';

/** An IndexStore in memory that clones what it keeps, as IndexedDB does; counts its saves. */
export function memoryIndexStore(): IndexStore & { saves: number } {
  let kept: SerializedSearchIndex | null = null;
  return {
    saves: 0,
    load: () => Promise.resolve(kept === null ? null : structuredClone(kept)),
    save(index) {
      this.saves++;
      kept = structuredClone(index);
      return Promise.resolve();
    },
  };
}

/**
 * What the Workspace's first frame shows, read as the project opens, before the Workspace mounts:
 * the thread list, the codebook and the coders, in one read transaction. The Workspace's live
 * queries start from these answers, so its first render already holds the thread list instead of
 * rendering empty, asking twenty queries and waiting for their answers behind its own rendering
 * (issue 15: project open to the thread list's first frame). The live queries still run and
 * replace them; an answer equal to the one shown keeps the same array (no re-render of the list).
 */
import type { Code, Coder } from '@shared/model/records';
import { codebookInTreeOrder, codersByName } from '@shared/project/queries/codebook-reads';
import { threadEntries, type ThreadEntry } from '@shared/project/queries/workspace-reads';

import type { ThreadmarkDB } from '../db/database';
import { DexieProjectStore } from '../db/dexie-project-store';

export interface FirstScreen {
  threads: ThreadEntry[];
  codes: Code[];
  coders: Coder[];
}

export function readFirstScreen(db: ThreadmarkDB): Promise<FirstScreen> {
  return new DexieProjectStore(db).read(async (reader) => {
    const [threads, codes, coders] = await Promise.all([threadEntries(reader), codebookInTreeOrder(reader), codersByName(reader)]);
    return { threads, codes, coders };
  });
}

/** `next`, or `previous` when the two hold the same records field for field (a live query's answer repeating the first screen's). */
export function sameOr<A extends readonly object[]>(previous: A | undefined, next: A): A {
  if (previous === undefined || previous === next || previous.length !== next.length) return next;
  return previous.every((p, i) => sameFields(p, next[i]!)) ? previous : next;
}

function sameFields(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    return x === y || (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && JSON.stringify(x) === JSON.stringify(y));
  });
}

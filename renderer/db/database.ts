import { Dexie, type Table } from 'dexie';

import type { Assignment, Attribute, AttributeValue, Code, CodebookVersion, Coder, Coding, Decision, Memo, Project, Relation, RelationCode, Round, Thread } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';

import type { CodingCountRow } from './coding-counts';
import { MIGRATIONS, type Migration } from './migrations';
import type { PostFactsRow, PostPageRow, ThreadStatsRow } from './post-store';
import type { SyncStateRow } from './sync-state';


/** App-level key/value settings (current coder, …): kept here, never in localStorage. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export type ReloadRequiredListener = () => void;

export class ThreadmarkDB extends Dexie {
  declare readonly meta: Table<MetaRow, string>;
  declare readonly projects: Table<Project, string>;
  declare readonly threads: Table<Thread, string>;
  /** Posts live in pages (post-store.ts); read and write them only through post-store.ts. */
  declare readonly postPages: Table<PostPageRow, [string, number]>;
  declare readonly threadStats: Table<ThreadStatsRow, string>;
  /** Each post page's facts (author, platform, time…), same key (migration 0010): read them, not the posts. */
  declare readonly postFacts: Table<PostFactsRow, [string, number]>;
  declare readonly codes: Table<Code, string>;
  declare readonly coders: Table<Coder, string>;
  declare readonly codings: Table<Coding, string>;
  /** Codings per code and coder (migration 0011, coding-counts.ts): the tallies read these, not the codings. */
  declare readonly codingCounts: Table<CodingCountRow, [string, string]>;
  /** The project journal (migration 0004): every applied change-set, by `seq`. */
  declare readonly journal: Table<JournalEntry, string>;
  /** Which posts each coder codes (migration 0004). */
  declare readonly assignments: Table<Assignment, string>;
  /** The team loop's rounds (migration 0005). */
  declare readonly rounds: Table<Round, string>;
  /** Adjudicated disagreements, by `<postId>|<codeId>` (migration 0005). */
  declare readonly decisions: Table<Decision, string>;
  declare readonly codebookVersions: Table<CodebookVersion, string>;
  /** Project, thread, post and code memos (migration 0006). */
  declare readonly memos: Table<Memo, string>;
  /** User-defined author and thread attributes and their values (migration 0006). */
  declare readonly attributes: Table<Attribute, string>;
  declare readonly attributeValues: Table<AttributeValue, string>;
  /** The relation codebook and relations between posts (migration 0007). */
  declare readonly relationCodes: Table<RelationCode, string>;
  declare readonly relations: Table<Relation, string>;
  /** The project's connection to a team server and its sync progress (migration 0009, sync-state.ts). */
  declare readonly syncState: Table<SyncStateRow, string>;

  private reloadNeeded = false;
  private readonly reloadListeners = new Set<ReloadRequiredListener>();

  /** `migrations` is only narrowed by upgrade tests; the app always opens with all of them. */
  constructor(name: string, migrations: readonly Migration[] = MIGRATIONS) {
    // Strict: a coding is reported saved only once it is on disk (docs/storage.md, "Durability").
    super(name, { chromeTransactionDurability: 'strict' });
    for (const m of migrations) {
      const version = this.version(m.version).stores({ ...m.stores });
      if (m.upgrade) version.upgrade(m.upgrade);
    }
    // Another window opened a newer schema (or deletes the DB). Dexie would silently reopen on the
    // next query and keep writing with this stale code, so close for good and ask for a reload.
    this.on('versionchange', () => {
      this.close({ disableAutoOpen: true });
      this.reloadNeeded = true;
      for (const listener of [...this.reloadListeners]) listener();
      return false;
    });
  }

  /** True once this connection was closed because another one changed the schema. */
  get reloadRequired(): boolean {
    return this.reloadNeeded;
  }

  /** Called once a reload is required (at once if it already is). Returns an unsubscribe function. */
  onReloadRequired(listener: ReloadRequiredListener): () => void {
    this.reloadListeners.add(listener);
    if (this.reloadNeeded) listener();
    return () => {
      this.reloadListeners.delete(listener);
    };
  }
}

export function openThreadmarkDB(name = 'threadmark'): ThreadmarkDB {
  return new ThreadmarkDB(name);
}

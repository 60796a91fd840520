/**
 * The project registry: a small database of its own ("threadmark-projects") listing the projects
 * of this browser profile (each one a database of its own, named here) and the app's settings,
 * such as who is coding on this machine. Project data never lives here.
 */
import { Dexie, type Table } from 'dexie';

/** The counts shown in the project list, taken when a project was last closed or created. */
export interface ProjectCounts {
  threads: number;
  posts: number;
  codings: number;
}

export interface ProjectEntry {
  /** The registry's id (a new project's record has the same one; a demo or a copy keeps the record it came with). */
  id: string;
  name: string;
  /** The IndexedDB database holding the project: `threadmark-project-<id>`, or `threadmark` for the adopted one. */
  dbName: string;
  createdAt: string;
  /** When it was last opened (ISO 8601 UTC); null before it ever was. The latest re-opens on start. */
  openedAt: string | null;
  /** `demo`: the demo project shipped with the app, never mixed with real data. */
  kind: 'project' | 'demo';
  /** The team loop: a lead's project or a blind coder's package (docs/team-loop.md). */
  mode?: 'lead' | 'blind';
  counts?: ProjectCounts;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const REGISTRY_DB_NAME = 'threadmark-projects';

export class ProjectRegistryDB extends Dexie {
  declare readonly projects: Table<ProjectEntry, string>;
  declare readonly settings: Table<SettingRow, string>;

  constructor(name = REGISTRY_DB_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ projects: 'id, dbName, openedAt', settings: 'key' });
  }
}

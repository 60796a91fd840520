/**
 * The project's small tables read whole in one go: the project record and every table but posts and
 * codings (those grow with the corpus and are read by id, thread or code). `sync.apply`, the first
 * push (shared/sync/project-records.ts) and `bundle.import` all start from this. The readers are keyed
 * by table name from tables.ts, so a table added there does not compile until it is read here too.
 */
import type { Project } from '../model/records';
import type { ProjectReader } from './project-store';
import { TABLES, type ProjectRecords, type TableName } from './tables';

/** The tables that grow with the corpus: never read whole here. */
export type LargeTableName = 'posts' | 'codings';

/** Every table read whole: all but the large ones and `projects` (one record, read as `project`). */
export type SmallTableName = Exclude<TableName, LargeTableName | 'projects'>;

export type SmallTables = { project: Project | undefined } & { [K in SmallTableName]: Array<ProjectRecords[K]> };

type SmallTableReaders = { [K in SmallTableName]: (reader: ProjectReader) => Promise<Array<ProjectRecords[K]>> };

/** How each small table is read through the port (the reader's method names are older than tables.ts). */
const READERS: SmallTableReaders = {
  threads: (r) => r.threads(),
  coders: (r) => r.coders(),
  codes: (r) => r.codes(),
  codebookVersions: (r) => r.versions(),
  rounds: (r) => r.rounds(),
  assignments: (r) => r.assignments(),
  decisions: (r) => r.decisions(),
  memos: (r) => r.memos(),
  attributes: (r) => r.attributes(),
  attributeValues: (r) => r.attributeValues(),
  relationCodes: (r) => r.relationCodes(),
  relations: (r) => r.relations(),
};

const NOT_SMALL: ReadonlySet<TableName> = new Set<TableName>(['posts', 'codings', 'projects']);

/** The small tables' names, in tables.ts order. */
export const SMALL_TABLES: readonly SmallTableName[] = TABLES.filter((table): table is SmallTableName => !NOT_SMALL.has(table));

/** One small table, read whole. */
export const readSmallTable = <K extends SmallTableName>(reader: ProjectReader, table: K): Promise<Array<ProjectRecords[K]>> => READERS[table](reader);

/** The project and every small table, read in parallel through one reader (one consistent view). */
export async function readSmallTables(reader: ProjectReader): Promise<SmallTables> {
  const [project, ...lists] = await Promise.all([reader.project(), ...SMALL_TABLES.map((table) => READERS[table](reader))]);
  const tables = Object.fromEntries(SMALL_TABLES.map((table, i) => [table, lists[i]])) as { [K in SmallTableName]: Array<ProjectRecords[K]> };
  return { project, ...tables };
}

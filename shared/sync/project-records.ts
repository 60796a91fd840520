/** Every record of a project, read once through the core's reader: what a first push sends (push-plan.ts). */
import type { ProjectReader } from '../project/project-store';
import { readSmallTables } from '../project/small-tables';
import type { ProjectRecordLists } from './push-plan';

export async function readProjectRecordLists(reader: ProjectReader): Promise<ProjectRecordLists> {
  const [small, codings, posts, journal] = await Promise.all([readSmallTables(reader), reader.allCodings(), reader.allPosts(), reader.journal()]);
  return { ...small, project: small.project ?? null, codings, posts, journal };
}

/** Every record of a project, read once through the core's reader: what a first push sends (push-plan.ts). */
import type { ProjectReader } from '../project/project-store';
import type { ProjectRecordLists } from './push-plan';

export async function readProjectRecordLists(reader: ProjectReader): Promise<ProjectRecordLists> {
  const [project, threads, codes, coders, codebookVersions, assignments, rounds, decisions, memos, attributes, attributeValues, relationCodes, relations, codings, posts, journal] = await Promise.all([
    reader.project(),
    reader.threads(),
    reader.codes(),
    reader.coders(),
    reader.versions(),
    reader.assignments(),
    reader.rounds(),
    reader.decisions(),
    reader.memos(),
    reader.attributes(),
    reader.attributeValues(),
    reader.relationCodes(),
    reader.relations(),
    reader.allCodings(),
    reader.allPosts(),
    reader.journal(),
  ]);
  return { project: project ?? null, threads, codes, coders, codebookVersions, assignments, rounds, decisions, memos, attributes, attributeValues, relationCodes, relations, codings, posts, journal };
}

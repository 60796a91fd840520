/**
 * The project record: created once when a researcher starts a new, empty project, and renamed.
 * The app's project list (renderer/db/registry) keeps its own copy of the name; it renames both.
 */
import type { Project } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok } from '../../util/result';
import { defineOperation, unchanged } from '../operation';

export const MAX_PROJECT_NAME = 200;

/** What is wrong with a project name (already trimmed), if anything. */
export function projectNameProblem(name: string): Problem | undefined {
  const record = 'project';
  if (name === '') return { record, field: 'name', message: 'a project needs a name' };
  if ([...name].length > MAX_PROJECT_NAME) return { record, field: 'name', message: `a project name has at most ${MAX_PROJECT_NAME} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { record, field: 'name', message: 'a project name is one line of text, without control characters' };
  return undefined;
}

/** Starts the project record of an empty project. Refused when the project already has one. */
export const createProject = defineOperation<{ name: string; id?: string }, { project: Project | undefined }, Project>({
  kind: 'project.create',
  async read(reader) {
    return { project: await reader.project() };
  },
  plan({ project }, input, { at, ids }) {
    const name = input.name.trim();
    const problem = projectNameProblem(name);
    if (problem) return err(problem);
    if (project) return err({ record: `project “${project.name}” (id ${project.id})`, message: 'this project already exists' });
    const created: Project = { id: input.id ?? ids.newId(), name, createdAt: at };
    return ok({ summary: `Created the project “${name}”`, changes: { projects: [{ before: null, after: created }] }, result: created });
  },
});

/**
 * Renames the project. A project without a record yet (threads imported into an empty
 * database before the project had a name) gets one under the new name.
 */
export const renameProject = defineOperation<{ name: string }, { project: Project | undefined }, Project>({
  kind: 'project.rename',
  async read(reader) {
    return { project: await reader.project() };
  },
  plan({ project }, input, { at, ids }) {
    const name = input.name.trim();
    const problem = projectNameProblem(name);
    if (problem) return err(problem);
    if (!project) {
      const created: Project = { id: ids.newId(), name, createdAt: at };
      return ok({ summary: `Named the project “${name}”`, changes: { projects: [{ before: null, after: created }] }, result: created });
    }
    if (project.name === name) return unchanged(`The project is already called “${name}”`, project);
    const renamed: Project = { ...project, name };
    return ok({ summary: `Renamed the project “${project.name}” to “${name}”`, changes: { projects: [{ before: project, after: renamed }] }, result: renamed });
  },
});

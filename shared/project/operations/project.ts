/**
 * The project record: created once when a researcher starts a new, empty project, and renamed.
 * The app's project list (renderer/db/registry) keeps its own copy of the name; it renames both.
 */
import type { Project } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok } from '../../util/result';
import { secretFromIds } from '../../privacy/aliases';
import { defineOperation, unchanged } from '../operation';
import { staleEditProblem } from '../stale-edit';

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
    const created: Project = { id: input.id ?? ids.newId(), name, createdAt: at, pseudonymSecret: secretFromIds(() => ids.newId()) };
    return ok({ summary: `Created the project “${name}”`, changes: { projects: [{ before: null, after: created }] }, result: created });
  },
});

/** A rename from a form that loaded `base` refused when the name changed since (stale-edit.ts); also the app's project list. */
export const staleProjectName = (stored: string | null, base: string | undefined, next: string): Problem | null =>
  staleEditProblem({ stored, base, next, record: 'project', field: 'name', what: 'The project’s name', kept: 'your name is kept in the form', merge: 'rename it again' });

/**
 * Renames the project. A project without a record yet (threads imported into an empty
 * database before the project had a name) gets one under the new name. `base`: the name the form
 * loaded; a project renamed since is not renamed over (stale-edit.ts).
 */
export const renameProject = defineOperation<{ name: string; base?: string }, { project: Project | undefined }, Project>({
  kind: 'project.rename',
  async read(reader) {
    return { project: await reader.project() };
  },
  plan({ project }, input, { at, ids }) {
    const name = input.name.trim();
    const problem = projectNameProblem(name);
    if (problem) return err(problem);
    const stale = staleProjectName(project?.name ?? null, input.base, name);
    if (stale) return err(stale);
    if (!project) {
      const created: Project = { id: ids.newId(), name, createdAt: at };
      return ok({ summary: `Named the project “${name}”`, changes: { projects: [{ before: null, after: created }] }, result: created });
    }
    if (project.name === name) return unchanged(`The project is already called “${name}”`, project);
    const renamed: Project = { ...project, name };
    return ok({ summary: `Renamed the project “${project.name}” to “${name}”`, changes: { projects: [{ before: project, after: renamed }] }, result: renamed });
  },
});

/**
 * Gives a project made before pseudonymisation (or opened from a bundle without one) its secret,
 * once: the first pseudonymised export or "Show pseudonyms" runs it. Aliases never change after.
 */
export const ensurePseudonymSecret = defineOperation<Record<string, never>, { project: Project | undefined }, string>({
  kind: 'project.pseudonym-secret',
  async read(reader) {
    return { project: await reader.project() };
  },
  plan({ project }, _input, { ids }) {
    if (!project) return err({ record: 'project', message: 'the project has no record yet: name it first (File → Rename project)' });
    if (project.pseudonymSecret) return unchanged('The project already has its pseudonym secret', project.pseudonymSecret);
    const secret = secretFromIds(() => ids.newId());
    return ok({ summary: 'Made the project’s pseudonym secret (aliases for exports)', changes: { projects: [{ before: project, after: { ...project, pseudonymSecret: secret } }] }, result: secret });
  },
});

/**
 * Platform terms: the project's terms note per platform or instance and its dataset expiry date,
 * and each thread's collection details (when, with what, which instance) with its own terms or
 * expiry when they differ. Editable any time; each save is one undoable journal entry.
 */
import type { PlatformTerms, Project, Thread } from '../../model/records';
import { isIsoDay } from '../../platform/expiry';
import type { Problem } from '../../problem/problem';
import { err, ok } from '../../util/result';
import { defineOperation, unchanged } from '../operation';

export interface ProjectTermsInput {
  platformTerms: readonly PlatformTerms[];
  /** "YYYY-MM-DD", or "" for none. */
  expiresAt: string;
}

const MAX_NOTE = 20_000;

function checkDay(value: string, record: string): Problem | null {
  return value === '' || isIsoDay(value) ? null : { record, field: 'expiresAt', message: `expected a date written YYYY-MM-DD, got ${JSON.stringify(value)}` };
}

export const setProjectTerms = defineOperation<ProjectTermsInput, { project: Project | undefined }, Project>({
  kind: 'project.terms',
  async read(reader) {
    return { project: await reader.project() };
  },
  plan({ project }, input) {
    if (!project) return err({ record: 'project', message: 'the project has no record yet: import threads first' });
    const dayProblem = checkDay(input.expiresAt.trim(), 'project');
    if (dayProblem) return err(dayProblem);
    const terms: PlatformTerms[] = [];
    const seen = new Set<string>();
    for (const [i, t] of input.platformTerms.entries()) {
      const key = t.key.trim().toLowerCase();
      const note = t.terms.trim();
      if (key === '' && note === '') continue;
      if (key === '') return err({ record: `platform terms ${i + 1}`, field: 'key', message: 'name the platform or instance these terms are for' });
      if (seen.has(key)) return err({ record: `platform terms ${i + 1}`, field: 'key', message: `“${key}” is listed twice` });
      if (note.length > MAX_NOTE) return err({ record: `platform terms “${key}”`, field: 'terms', message: `a terms note has at most ${MAX_NOTE} characters` });
      seen.add(key);
      terms.push({ key, terms: note });
    }
    const { platformTerms: _oldTerms, expiresAt: _oldExpiry, ...rest } = project;
    void _oldTerms;
    void _oldExpiry;
    const after: Project = { ...rest, ...(terms.length > 0 ? { platformTerms: terms } : {}), ...(input.expiresAt.trim() ? { expiresAt: input.expiresAt.trim() } : {}) };
    if (JSON.stringify(after.platformTerms ?? []) === JSON.stringify(project.platformTerms ?? []) && after.expiresAt === project.expiresAt) return unchanged('The platform terms are unchanged', project);
    return ok({ summary: `Set the platform terms (${terms.length} ${terms.length === 1 ? 'note' : 'notes'}${after.expiresAt ? `, expires ${after.expiresAt}` : ''})`, changes: { projects: [{ before: project, after }] }, result: after });
  },
});

/** A thread's collection details; "" clears a field. */
export interface ThreadTermsInput {
  threadId: string;
  collectedAt: string;
  collectedWith: string;
  instance: string;
  terms: string;
  expiresAt: string;
}

const THREAD_FIELDS = ['collectedAt', 'collectedWith', 'instance', 'terms', 'expiresAt'] as const;

export const setThreadTerms = defineOperation<ThreadTermsInput, { thread: Thread | undefined }, Thread>({
  kind: 'thread.terms',
  async read(reader, { threadId }) {
    return { thread: (await reader.threads()).find((t) => t.id === threadId) };
  },
  plan({ thread }, input) {
    const record = `thread ${input.threadId}`;
    if (!thread) return err({ record, field: 'id', message: 'the thread does not exist' });
    const dayProblem = checkDay(input.expiresAt.trim(), record);
    if (dayProblem) return err(dayProblem);
    const collectedAt = input.collectedAt.trim();
    if (collectedAt !== '' && Number.isNaN(Date.parse(collectedAt))) return err({ record, field: 'collectedAt', message: `expected a date and time, got ${JSON.stringify(collectedAt)}` });
    const after: Thread = { ...thread };
    for (const field of THREAD_FIELDS) delete after[field];
    const values: Record<(typeof THREAD_FIELDS)[number], string> = {
      collectedAt: collectedAt === '' ? '' : new Date(Date.parse(collectedAt)).toISOString(),
      collectedWith: input.collectedWith.trim(),
      instance: input.instance.trim().toLowerCase(),
      terms: input.terms.trim(),
      expiresAt: input.expiresAt.trim(),
    };
    for (const field of THREAD_FIELDS) if (values[field] !== '') after[field] = values[field];
    if (THREAD_FIELDS.every((f) => after[f] === thread[f])) return unchanged(`The details of “${thread.title}” are unchanged`, thread);
    return ok({ summary: `Set the collection details and terms of “${thread.title}”`, changes: { threads: [{ before: thread, after }] }, result: after });
  },
});

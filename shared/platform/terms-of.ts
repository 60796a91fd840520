/**
 * The terms that apply to a thread: its own note, else the project's note for its instance, else
 * for its platform. Threads inherit, so a note written once covers every thread from that source.
 */
import type { Project, Thread } from '../model/records';

export interface AppliedTerms {
  terms: string;
  /** Where the note comes from: the thread itself, or the project's key (instance or platform). */
  from: 'thread' | 'instance' | 'platform' | 'none';
  key: string | null;
}

export function termsOf(thread: Pick<Thread, 'platform' | 'instance' | 'terms'>, project: Pick<Project, 'platformTerms'> | undefined): AppliedTerms {
  if (thread.terms) return { terms: thread.terms, from: 'thread', key: null };
  const notes = new Map((project?.platformTerms ?? []).map((t) => [t.key.toLowerCase(), t.terms]));
  const instance = thread.instance?.toLowerCase();
  if (instance && notes.has(instance)) return { terms: notes.get(instance) as string, from: 'instance', key: instance };
  if (notes.has(thread.platform)) return { terms: notes.get(thread.platform) as string, from: 'platform', key: thread.platform };
  return { terms: '', from: 'none', key: null };
}

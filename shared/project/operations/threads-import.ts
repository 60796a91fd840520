/**
 * Commits assembled thread imports (shared/import/assemble-threads.ts): the new threads and posts,
 * and the project record when the store has none yet. Posts arrive in reading order and are added
 * after the posts their threads already have. Journaled with added posts by id, so undoing an
 * import removes exactly what it added.
 */
import type { Post, Project, Thread } from '../../model/records';
import { ok } from '../../util/result';
import { defineOperation } from '../operation';

export interface ThreadsImportInput {
  threads: readonly Thread[];
  posts: readonly Post[];
  /** The project's name if this import creates the project. */
  projectName: string;
  /** The files imported, for the journal: "reddit.json, comments.ndjson". */
  source: string;
}

const count = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export const importThreads = defineOperation<ThreadsImportInput, { project: Project | undefined }, { threads: number; posts: number }>({
  kind: 'threads.import',
  async read(reader) {
    return { project: await reader.project() };
  },
  plan({ project }, input, { at, ids }) {
    const joined = new Set(input.posts.map((p) => p.threadId));
    for (const t of input.threads) joined.delete(t.id);
    const parts = [count(input.threads.length, 'thread'), count(input.posts.length, 'post')];
    if (joined.size > 0) parts.push(`replies joining ${count(joined.size, 'earlier thread')}`);
    return ok({
      summary: `Imported ${input.source}: ${parts.join(', ')}`,
      changes: {
        projects: project ? [] : [{ before: null, after: { id: ids.newId(), name: input.projectName, createdAt: at } }],
        threads: input.threads.map((t) => ({ before: null, after: t })),
        posts: input.posts.map((p) => ({ before: null, after: p })),
      },
      result: { threads: input.threads.length, posts: input.posts.length },
    });
  },
});

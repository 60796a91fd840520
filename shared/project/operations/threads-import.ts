/**
 * Commits assembled thread imports (shared/import/assemble-threads.ts): the new threads and posts,
 * and the project record when the store has none yet. Posts arrive in reading order and are added
 * after the posts their threads already have. Journaled with added posts by id, so undoing an
 * import removes exactly what it added.
 */
import type { ExistingPosts } from '../../import/assemble-threads';
import type { Post, Project, Thread } from '../../model/records';
import { err, ok } from '../../util/result';
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

/**
 * Duplicates are checked again here, inside the write's transaction: the import was assembled
 * against the project as it was at the preview, and another window (or a second click) may have
 * stored the same posts since. All of them stored already: nothing is added. Some: the import is
 * refused (assembling again places the rest under the stored posts); never stored twice.
 */
export const importThreads = defineOperation<ThreadsImportInput, { project: Project | undefined; stored: ExistingPosts }, { threads: number; posts: number }>({
  kind: 'threads.import',
  async read(reader, input) {
    const platforms = [...new Set(input.posts.map((p) => p.platform))];
    return { project: await reader.project(), stored: await reader.storedPlatformIds(platforms) };
  },
  plan({ project, stored }, input, { at, ids }) {
    // Posts without a platform id (placeholders for missing ones) go with the posts that have one.
    const identified = input.posts.filter((p) => p.platformId !== null);
    const already = identified.filter((p) => stored.hasPost(p.platform, p.platformId!)).length;
    if (already > 0 && already === identified.length) {
      return ok({ summary: `Nothing imported from ${input.source}: its ${count(input.posts.length, 'post')} are stored already (imported meanwhile)`, changes: {}, result: { threads: 0, posts: 0 } });
    }
    if (already > 0) {
      return err({
        record: 'import',
        message: `${count(already, 'post')} of ${input.source} ${already === 1 ? 'was' : 'were'} stored meanwhile (another window imported ${already === 1 ? 'it' : 'them'}?); nothing imported. Import the files again to add the other ${count(input.posts.length - already, 'post')}.`,
      });
    }
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

/**
 * What the engine writes for a journal entry or a whole project: the core's push plans
 * (shared/sync/push-plan.ts) fed from the project's reader, so the engine never reads tables itself.
 */
import type { Post } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';
import type { ProjectStore } from '@shared/project/project-store';
import type { PostPageDoc } from '@shared/sync/doc-mapping';
import type { SyncUser } from '@shared/sync/permissions';
import { readProjectRecordLists } from '@shared/sync/project-records';
import { applyPostEdits, coderNamesOf, pushPlanOfEntry, pushPlanOfProject, type PushPlan } from '@shared/sync/push-plan';

export type { PushPlan };

export interface SyncPlanner {
  ofEntry(entry: JournalEntry): Promise<PushPlan>;
  ofProject(): Promise<PushPlan>;
  /** The pages holding edited posts, rewritten. */
  editPages(pages: PostPageDoc[], posts: Post[]): PostPageDoc[];
}

export function storePlanner(store: ProjectStore, user: SyncUser, origin: string): SyncPlanner {
  return {
    ofEntry: (entry) =>
      store.read(async (reader) => {
        const coderNames = coderNamesOf(await reader.coders());
        const posts = new Map<string, Post>();
        const threadPostCounts = new Map<string, number>();
        for (const { threadId, postIds } of entry.addedPosts) {
          // Where the entry's posts start in reading order: later entries may have added more since.
          const all = await reader.postsOfThread(threadId);
          const first = new Set(postIds);
          const at = all.findIndex((p) => first.has(p.id));
          for (const p of all) if (first.has(p.id)) posts.set(p.id, p);
          threadPostCounts.set(threadId, (at < 0 ? all.length : at) + postIds.length);
        }
        return pushPlanOfEntry(entry, { user, coderNames, origin, posts, threadPostCounts });
      }),
    ofProject: () =>
      store.read(async (reader) => {
        const records = await readProjectRecordLists(reader);
        return pushPlanOfProject(records, { user, coderNames: coderNamesOf(records.coders ?? []), origin });
      }),
    editPages: (pages, posts) => applyPostEdits(pages, posts),
  };
}

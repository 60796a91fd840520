import { describe, expect, it } from 'vitest';

import type { Post } from '../model/records';
import { addCode } from '../project/operations/codebook';
import { addCoding } from '../project/operations/codings';
import { applyPlatformDeletions } from '../project/operations/platform-deletions';
import { applySyncDocs } from '../project/operations/sync-apply';
import { deleteThread } from '../project/operations/threads';
import { importThreads } from '../project/operations/threads-import';
import type { MemoryProjectStore } from '../project/memory-store';
import type { JournalEntry } from '../project/journal-entry';
import { applied, post, runner, smallProject, thread } from '../project/testing/core-fixtures.test-helpers';
import { POST_PAGE_SIZE, postPageDocs, recordDoc, type PostPageDoc } from './doc-mapping';
import { databaseKey } from './names';
import type { SyncUser } from './permissions';
import { applyPostEdits, coderNamesOf, describeRefusals, pushPlanOfEntry, pushPlanOfProject, type PushContext } from './push-plan';

const lead: SyncUser = { name: 'lena', lead: true };
const ada: SyncUser = { name: 'ada', lead: false };

async function contextOf(store: MemoryProjectStore, user: SyncUser): Promise<PushContext> {
  const data = store.data();
  const counts = new Map<string, number>();
  for (const p of data.posts) counts.set(p.threadId, (counts.get(p.threadId) ?? 0) + 1);
  return { user, coderNames: coderNamesOf(data.coders), origin: 'dev-1', posts: new Map(data.posts.map((p) => [p.id, p])), threadPostCounts: counts };
}

const where = (plan: { writes: Array<{ db: Parameters<typeof databaseKey>[0]; doc: { _id: string } }> }) => plan.writes.map((w) => `${databaseKey(w.db)} ${w.doc._id}`);

describe('push plan of a journal entry', () => {
  it('puts a coding in its coder’s layer and a code (with its journal entry) in the codebook', async () => {
    const store = smallProject();
    const run = runner(store);
    const code = applied(await run(addCode, { name: 'Irony', color: '#112233' }));
    const coding = applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }));
    const codePlan = pushPlanOfEntry(code.entry!, await contextOf(store, lead));
    expect(where(codePlan)).toEqual([`codebook codes:${code.result.id}`, `codebook journal:${code.entry!.id}`]);
    const codingPlan = pushPlanOfEntry(coding.entry!, await contextOf(store, ada));
    expect(where(codingPlan)).toEqual([`layer:ada codings:${coding.result.id}`]);
    expect(codingPlan.writes[0]!.doc).toMatchObject({ owner: 'ada', origin: 'dev-1', record: coding.result });
  });

  it('reports instead of pushing what a coder may not write', async () => {
    const store = smallProject();
    const code = applied(await runner(store)(addCode, { name: 'Irony', color: '#112233' }));
    const plan = pushPlanOfEntry(code.entry!, await contextOf(store, ada));
    expect(plan.writes).toEqual([]);
    expect(plan.refused.map((r) => r.reason)).toEqual(['only leads change the codebook', 'only leads change the codebook']);
    expect(describeRefusals(plan.refused)).toEqual(['2 documents for codebook: only leads change the codebook']);
  });

  it('pages added posts in reading order, starting after the thread’s earlier posts', async () => {
    const store = smallProject();
    const posts: Post[] = Array.from({ length: POST_PAGE_SIZE + 5 }, (_, i) => post(`q-${i}`, `reply ${i}`, 'p-1'));
    const imported = applied(await runner(store)(importThreads, { threads: [], posts, projectName: 'Test', source: 'more.json' }));
    const plan = pushPlanOfEntry(imported.entry!, await contextOf(store, lead));
    const pages = plan.writes.map((w) => w.doc as PostPageDoc);
    expect(pages.map((p) => [p._id, p.start, p.posts.length])).toEqual([
      ['posts:t-1:q-0', 3, POST_PAGE_SIZE],
      [`posts:t-1:q-${POST_PAGE_SIZE}`, 3 + POST_PAGE_SIZE, 5],
    ]);
    expect(pages.flatMap((p) => p.posts)).toEqual(posts);
  });

  it('deletes a removed thread and its records; a tombstone is a post edit', async () => {
    const store = smallProject();
    const run = runner(store);
    const coding = applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }));
    const tomb = applied(await run(applyPlatformDeletions, { kind: 'posts', ids: ['r3'] }));
    const tombPlan = pushPlanOfEntry(tomb.entry!, await contextOf(store, lead));
    expect(tombPlan.postEdits.map((e) => [e.threadId, e.posts.map((p) => [p.id, p.text])])).toEqual([['t-1', [['p-3', '']]]]);

    const gone = applied(await run(deleteThread, { threadId: 't-1' }));
    const plan = pushPlanOfEntry(gone.entry!, await contextOf(store, lead));
    expect(plan.deletes.map((d) => `${databaseKey(d.db)} ${d.docId}`)).toEqual(['corpus threads:t-1', `layer:ada codings:${coding.result.id}`]);
    expect(plan.removedThreads).toEqual(['t-1']);
    expect(pushPlanOfEntry(gone.entry!, await contextOf(store, ada)).removedThreads).toEqual([]);
  });

  it('never pushes back what the server sent', async () => {
    const store = smallProject();
    const received = applied(await runner(store)(applySyncDocs, { docs: [{ db: { kind: 'corpus' }, doc: recordDoc('threads', thread('t-9', 'p-1'), { kind: 'corpus' }) }], deleted: [] }));
    expect((received.entry as JournalEntry).operation).toBe('sync.apply');
    expect(pushPlanOfEntry(received.entry!, await contextOf(store, lead))).toMatchObject({ writes: [], deletes: [], refused: [] });
  });
});

describe('push plan of a whole project', () => {
  it('writes every record to its home and pages each thread from its first post; a coder only their layer', async () => {
    const store = smallProject();
    applied(await runner(store)(addCoding, { postId: 'p-2', codeId: 'c-what', start: 0, end: 4 }));
    const data = store.data();
    const names = coderNamesOf(data.coders);
    const all = pushPlanOfProject(data, { user: lead, coderNames: names });
    const naive = 1 + data.threads.length + 1 /* one page */ + data.codes.length + data.coders.length + data.codings.length;
    expect(all.writes).toHaveLength(naive);
    expect(all.writes.find((w) => w.doc.table === 'posts')!.doc).toMatchObject({ _id: 'posts:t-1:p-1', start: 0 });
    const coder = pushPlanOfProject(data, { user: ada, coderNames: names });
    // Their own coder record too (the lead's rule for joining coders), nothing else of the codebook.
    expect(where(coder)).toEqual(['codebook coders:coder-ada', `layer:ada codings:${data.codings[0]!.id}`]);
    expect(coder.refused).toHaveLength(naive - 2);
  });
});

describe('post edits', () => {
  it('rewrites only the pages holding a changed post, in place', () => {
    const posts = Array.from({ length: POST_PAGE_SIZE + 2 }, (_, i) => post(`p-${i}`, `text ${i}`));
    const pages = postPageDocs('t-1', posts, undefined, 0);
    const changed = { ...posts[POST_PAGE_SIZE + 1]!, text: '' };
    const out = applyPostEdits(pages, [changed]);
    expect(out.map((p) => p._id)).toEqual([pages[1]!._id]);
    expect(out[0]!.posts.map((p) => p.text)).toEqual([`text ${POST_PAGE_SIZE}`, '']);
    expect(pages[1]!.posts[1]!.text).toBe(`text ${POST_PAGE_SIZE + 1}`);
  });
});

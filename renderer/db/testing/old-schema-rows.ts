/**
 * Rows exactly as released schemas stored them, written through untyped tables so they keep
 * their old shape: the fixtures upgrade tests open with today's migrations (docs/storage.md, "Schema versions and migrations").
 */
import type { ThreadmarkDB } from '../database';
import { sampleBundle } from './test-support';

/** A code row as schema version 1 stored it. */
export interface V1CodeRow {
  id: string;
  name: string;
  parentId: string | null;
  color: string;
  description: string;
  order: number;
}

/** sampleBundle's codes as version 1 rows: one `description`, none of the structured fields. */
export function v1CodeRows(): V1CodeRow[] {
  return sampleBundle().codes.map(({ id, name, parentId, color, definition, order }) => ({ id, name, parentId, color, description: definition, order }));
}

/**
 * sampleBundle as schemas 1 and 2 stored it: posts one row each with their reading position
 * (`seq`), codings with their thread.
 */
function postAndCodingRows() {
  const b = sampleBundle();
  const seq = new Map<string, number>();
  const posts = b.posts.map((p) => {
    const n = seq.get(p.threadId) ?? 0;
    seq.set(p.threadId, n + 1);
    return { ...p, seq: n };
  });
  const threadOf = new Map(b.posts.map((p) => [p.id, p.threadId]));
  return { posts, codings: b.codings.map((c) => ({ ...c, threadId: threadOf.get(c.postId) })) };
}

/** sampleBundle the way the version 1 app wrote it. */
export async function writeV1Rows(db: ThreadmarkDB): Promise<void> {
  const b = sampleBundle();
  const { posts, codings } = postAndCodingRows();
  await db.transaction('rw', ['projects', 'threads', 'posts', 'codes', 'coders', 'codings'], async (tx) => {
    await tx.table('projects').add(b.project);
    await tx.table('threads').bulkAdd(b.threads);
    await tx.table('posts').bulkAdd(posts);
    await tx.table('codes').bulkAdd(v1CodeRows());
    await tx.table('coders').bulkAdd(b.coders);
    await tx.table('codings').bulkAdd(codings);
  });
}

/** The change log a version 2 database held for sampleBundle (the journal's first entry, before it was one). */
export const V2_CHANGE_LOG = [
  {
    id: 'ch-1',
    operationId: 'op-1',
    at: '2025-01-04T00:00:00.000Z',
    coderId: 'coder-ana',
    kind: 'add',
    codeId: 'c-agree',
    summary: 'Added “Agreement”',
    before: null,
    after: sampleBundle().codes.find((c) => c.id === 'c-agree'),
  },
];

/** sampleBundle the way the version 2 app wrote it: structured codes, change log and versions. */
export async function writeV2Rows(db: ThreadmarkDB): Promise<void> {
  const b = sampleBundle();
  const { posts, codings } = postAndCodingRows();
  const tables = ['projects', 'threads', 'posts', 'codes', 'coders', 'codings', 'codebookChanges', 'codebookVersions'];
  await db.transaction('rw', tables, async (tx) => {
    await tx.table('projects').add(b.project);
    await tx.table('threads').bulkAdd(b.threads);
    await tx.table('posts').bulkAdd(posts);
    await tx.table('codes').bulkAdd(b.codes);
    await tx.table('coders').bulkAdd(b.coders);
    await tx.table('codings').bulkAdd(codings);
    await tx.table('codebookChanges').bulkAdd(V2_CHANGE_LOG);
    await tx.table('codebookVersions').bulkAdd(b.codebookVersions ?? []);
  });
}

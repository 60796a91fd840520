import { describe, expect, it } from 'vitest';

import { codingOn, exampleBundle, OTHER_TEXT, REPLY_TEXT, ROOT_TEXT } from '../bundle/fixtures.test-helpers';
import type { Bundle } from '../bundle/bundle';
import { POST_MATRIX_FIXED, postCodeMatrix, THREAD_MATRIX_FIXED, threadCodeMatrix } from './code-matrix';
import type { ExportTable } from './export-table';

/** The example bundle with many overlapping codings from a seeded generator, and a sibling code named like a fixed column. */
function busyBundle(): Bundle {
  const b = exampleBundle();
  b.codes.push({ ...b.codes[2]!, id: 'k-post-id', name: 'post_id', shortcut: null, order: 5 });
  const texts: Record<string, string> = { 'p-1': ROOT_TEXT, 'p-2': REPLY_TEXT, 'p-3': OTHER_TEXT };
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  for (let i = 0; i < 200; i++) {
    const postId = ['p-1', 'p-2', 'p-3'][next(3)]!;
    const codeId = b.codes[next(b.codes.length)]!.id;
    const start = next(10);
    b.codings.push(codingOn(texts[postId]!, `g-${i}`, postId, codeId, next(2) === 0 ? 'u-ana' : 'u-ben', start, start + 1 + next(5)));
  }
  return b;
}

/** A cell by row key and column name. */
function cell(table: ExportTable, key: string, column: string): unknown {
  const c = table.columns.findIndex((col) => col.name === column);
  expect(c, column).toBeGreaterThanOrEqual(0);
  return table.rows.find((r) => r[0] === key)?.[c];
}

describe('postCodeMatrix', () => {
  it('counts codings per post and code as a naive count over every coding does', () => {
    const b = busyBundle();
    const table = postCodeMatrix(b);
    expect(table.rows.map((r) => r[0])).toEqual(b.posts.map((p) => p.id));
    for (const post of b.posts) {
      for (const code of b.codes) {
        const naive = b.codings.filter((c) => c.postId === post.id && c.codeId === code.id).length;
        const column = table.columns.length - b.codes.length + ['k-fallacy', 'k-equiv', 'k-derail', 'k-post-id'].indexOf(code.id);
        expect(table.rows.find((r) => r[0] === post.id)?.[column], `${post.id} × ${code.id}`).toBe(naive);
      }
    }
    const total = table.rows.reduce((sum, r) => sum + r.slice(POST_MATRIX_FIXED.length).reduce<number>((a, n) => a + (n as number), 0), 0);
    expect(total).toBe(b.codings.length);
  });

  it('heads code columns by path in tree order, keeps a clashing name apart, and gives uncoded posts zeros', () => {
    const b = busyBundle();
    b.posts.push({ ...b.posts[2]!, id: 'p-quiet', parentId: 'p-3' });
    const table = postCodeMatrix(b);
    expect(table.columns.map((c) => c.name)).toEqual([...POST_MATRIX_FIXED, 'Fallacy', 'Fallacy > False equivalence', 'Derailing', 'post_id [k-post-id]']);
    expect(table.rows.find((r) => r[0] === 'p-quiet')?.slice(POST_MATRIX_FIXED.length)).toEqual([0, 0, 0, 0]);
    expect(table.rows.find((r) => r[0] === 'p-quiet')?.slice(0, 7)).toEqual(['p-quiet', 't-2', 'p-3', 'mastodon', 'rd_p-3', '-dash', '2024-05-01T12:00:00.000Z']);
  });

  it('writes 1 for any coding and 0 for none in the binary matrix', () => {
    const b = exampleBundle();
    const binary = postCodeMatrix(b, { binary: true });
    // p-2 has two Fallacy-tree codings (c-family under False equivalence, c-mark under Fallacy) and the whole-post Derailing.
    expect(cell(binary, 'p-2', 'Fallacy')).toBe(1);
    expect(cell(binary, 'p-2', 'Derailing')).toBe(1);
    expect(cell(binary, 'p-1', 'Derailing')).toBe(0);
    b.codings.push(codingOn(REPLY_TEXT, 'c-again', 'p-2', 'k-fallacy', 'u-ben', 1, 2));
    expect(cell(postCodeMatrix(b), 'p-2', 'Fallacy')).toBe(2);
    expect(cell(postCodeMatrix(b, { binary: true }), 'p-2', 'Fallacy')).toBe(1);
  });
});

describe('threadCodeMatrix', () => {
  it('counts codings, posts and coded posts per thread as a naive count does', () => {
    const b = busyBundle();
    const table = threadCodeMatrix(b);
    const threadOf = (postId: string) => b.posts.find((p) => p.id === postId)?.threadId;
    expect(table.columns.slice(0, THREAD_MATRIX_FIXED.length).map((c) => c.name)).toEqual([...THREAD_MATRIX_FIXED]);
    for (const thread of b.threads) {
      expect(cell(table, thread.id, 'posts')).toBe(b.posts.filter((p) => p.threadId === thread.id).length);
      expect(cell(table, thread.id, 'coded_posts')).toBe(new Set(b.codings.filter((c) => threadOf(c.postId) === thread.id).map((c) => c.postId)).size);
      expect(cell(table, thread.id, 'Fallacy > False equivalence')).toBe(b.codings.filter((c) => threadOf(c.postId) === thread.id && c.codeId === 'k-equiv').length);
      expect(cell(table, thread.id, 'Derailing')).toBe(b.codings.filter((c) => threadOf(c.postId) === thread.id && c.codeId === 'k-derail').length);
    }
    expect(cell(table, 't-1', 'thread_title')).toBe('Vaccines');
  });
});

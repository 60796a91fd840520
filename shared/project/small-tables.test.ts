import { describe, expect, it } from 'vitest';
import { MemoryProjectStore } from './memory-store';
import type { ProjectReader } from './project-store';
import { readSmallTables, SMALL_TABLES } from './small-tables';
import { TABLES } from './tables';
import { ADA, code, post, smallProject, thread } from './testing/core-fixtures.test-helpers';

/** A reader whose every list method answers with one record naming the method, and remembers what was called. */
function namingReader(): { reader: ProjectReader; called: string[] } {
  const called: string[] = [];
  const reader = new Proxy({} as ProjectReader, {
    get(_, method: string) {
      return () => {
        called.push(method);
        return Promise.resolve(method === 'project' ? { id: 'the-project' } : [{ id: method }]);
      };
    },
  });
  return { reader, called };
}

describe('readSmallTables', () => {
  it('lists every table of tables.ts but posts, codings and the project record, in their order', () => {
    expect(SMALL_TABLES).toEqual(TABLES.filter((t) => t !== 'posts' && t !== 'codings' && t !== 'projects'));
    expect(SMALL_TABLES).toContain('relations');
  });

  it('reads each table through its own reader method and never the large tables', async () => {
    const { reader, called } = namingReader();
    const small = await readSmallTables(reader);
    expect(small.project).toEqual({ id: 'the-project' });
    expect(small.codebookVersions).toEqual([{ id: 'versions' }]);
    for (const table of SMALL_TABLES.filter((t) => t !== 'codebookVersions')) expect(small[table], table).toEqual([{ id: table }]);
    expect(called.sort()).toEqual(['project', ...SMALL_TABLES.map((t) => (t === 'codebookVersions' ? 'versions' : t))].sort());
  });

  it('returns what a store holds, table by table', async () => {
    const store = smallProject();
    const small = await store.read(readSmallTables);
    expect(small.project?.name).toBe('Test');
    expect(small.coders.map((c) => c.id)).toEqual([ADA.id]);
    expect(small.codes.map((c) => c.id).sort()).toEqual(['c-false', 'c-what']);
    expect(small.threads.map((t) => t.id)).toEqual(['t-1']);
    expect(small.memos).toEqual([]);
  });

  it('answers an empty project with no project and empty lists', async () => {
    const small = await new MemoryProjectStore({ threads: [thread()], posts: [post('p-1', 'x', null)], codes: [code('c-9', 'Nine')] }).read(readSmallTables);
    expect(small.project).toBeUndefined();
    expect(small.codes.map((c) => c.id)).toEqual(['c-9']);
    expect(small.relations).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';

import type { MemoryProjectStore } from './memory-store';
import type { Operation } from './operation';
import { defineAttribute, setAttributeValue } from './operations/attributes';
import { addCoding, editMemo } from './operations/codings';
import { writeMemo } from './operations/memos';
import { renameProject } from './operations/project';
import { addRelation, defineRelationCode, setRelationMemo } from './operations/relations';
import { renameThread } from './operations/threads';
import { staleEditProblem } from './stale-edit';
import { applied, runner, smallProject } from './testing/core-fixtures.test-helpers';

type Run = ReturnType<typeof runner>;
type Value = string | number | null;

/** One edit made from a form: how to make it (with or without `base`) and how to read back what it edits. */
interface Edited {
  name: string;
  /** Prepares the project; resolves to the edit (`next` written, `base` as the form loaded) and the read-back. */
  setup(run: Run): Promise<{ edit: (next: string, base?: Value) => [Operation<never, unknown, unknown>, unknown]; value: (store: MemoryProjectStore) => Promise<Value> }>;
  /** Three values to write, in turn: what another window writes, what the stale form writes, a third. */
  values: [string, string, string];
  /** What the form loaded before any of them. */
  loaded: Value;
}

const asEdit = <I,>(op: Operation<I, unknown, unknown>, input: I): [Operation<never, unknown, unknown>, unknown] => [op as unknown as Operation<never, unknown, unknown>, input];

const EDITS: Edited[] = [
  ...(['project', 'thread', 'post', 'code'] as const).map(
    (kind): Edited => ({
      name: `${kind} memo (writeMemo)`,
      loaded: null,
      values: ['theirs', 'mine', 'third'],
      async setup() {
        const target = { kind, id: { project: 'project-1', thread: 't-1', post: 'p-2', code: 'c-what' }[kind] };
        return {
          edit: (text, base) => asEdit(writeMemo, { target, text, ...(base !== undefined ? { base: base as string | null } : {}) }),
          value: async (store) => (await store.read((r) => r.memos())).find((m) => m.target.kind === kind)?.text ?? null,
        };
      },
    }),
  ),
  {
    name: 'coding memo (editMemo)',
    loaded: '',
    values: ['theirs', 'mine', 'third'],
    async setup(run) {
      const coding = applied(await run(addCoding, { postId: 'p-1', codeId: 'c-what', coderId: 'coder-ada', start: 0, end: 3, memo: '' })).result;
      return {
        edit: (memo, base) => asEdit(editMemo, { codingId: coding.id, memo, ...(base !== undefined ? { base: base as string } : {}) }),
        value: async (store) => (await store.read((r) => r.codingsOfPosts(['p-1'])))[0]!.memo,
      };
    },
  },
  {
    name: 'relation memo (setRelationMemo)',
    loaded: '',
    values: ['theirs', 'mine', 'third'],
    async setup(run) {
      const code = applied(await run(defineRelationCode, { name: 'deflects to' })).result;
      const relation = applied(await run(addRelation, { relationCodeId: code.id, from: { postId: 'p-2' }, to: { postId: 'p-1' } })).result;
      return {
        edit: (memo, base) => asEdit(setRelationMemo, { relationId: relation.id, memo, ...(base !== undefined ? { base: base as string } : {}) }),
        value: async (store) => (await store.read((r) => r.relations()))[0]!.memo,
      };
    },
  },
  {
    name: 'thread rename (renameThread)',
    loaded: 'A thread',
    values: ['Their title', 'My title', 'Third title'],
    async setup() {
      return {
        edit: (title, base) => asEdit(renameThread, { threadId: 't-1', title, ...(base !== undefined ? { base: base as string } : {}) }),
        value: async (store) => (await store.read((r) => r.threads()))[0]!.title,
      };
    },
  },
  {
    name: 'project rename (renameProject)',
    loaded: 'Test',
    values: ['Their name', 'My name', 'Third name'],
    async setup() {
      return {
        edit: (name, base) => asEdit(renameProject, { name, ...(base !== undefined ? { base: base as string } : {}) }),
        value: async (store) => (await store.read((r) => r.project()))!.name,
      };
    },
  },
  {
    name: 'attribute value (setAttributeValue)',
    loaded: null,
    values: ['7', '8', '9'],
    async setup(run) {
      const age = applied(await run(defineAttribute, { scope: 'thread', name: 'Age', type: 'number' })).result;
      return {
        edit: (text, base) => asEdit(setAttributeValue, { attributeId: age.id, subject: 't-1', text, ...(base !== undefined ? { base } : {}) }),
        value: async (store) => (await store.read((r) => r.attributeValues())).find((v) => v.attributeId === age.id)?.value ?? null,
      };
    },
  },
];

const journalLength = (store: MemoryProjectStore) => store.read(async (r) => (await r.journal()).length);

describe.each(EDITS)('$name', ({ setup, values: [theirs, mine, third], loaded }) => {
  async function opened() {
    const store = smallProject();
    const run = runner(store);
    const { edit, value } = await setup(run);
    const write = (next: string, base?: Value) => {
      const [op, input] = edit(next, base);
      return run(op, input as never);
    };
    return { store, write, value };
  }
  /** The stored value as read back: an attribute value is a number. */
  const stored = (v: string): Value => (/^\d+$/.test(v) ? Number(v) : v);

  it('refuses a base that another window changed meanwhile, and changes nothing', async () => {
    const { store, write, value } = await opened();
    applied(await write(theirs)); // the other window, which did not load first
    const before = await journalLength(store);
    const refused = await write(mine, loaded);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toMatch(/was changed in another window since you opened it \(it now reads “.+”\); your \w+ is kept in the (dialog|editor|form) — copy it, /);
    expect(refused.error.message).toContain(theirs);
    expect(await value(store)).toEqual(stored(theirs));
    expect(await journalLength(store)).toBe(before);
  });

  it('applies when the base is what is stored, and without a base', async () => {
    const { store, write, value } = await opened();
    applied(await write(mine, loaded));
    expect(await value(store)).toEqual(stored(mine));
    applied(await write(third, mine));
    expect(await value(store)).toEqual(stored(third));
    applied(await write(theirs)); // the CLI and scripts send none
    expect(await value(store)).toEqual(stored(theirs));
  });

  it('does not refuse when the other window already wrote the same', async () => {
    const { store, write, value } = await opened();
    applied(await write(mine));
    const again = await write(mine, loaded);
    expect(again.ok).toBe(true);
    expect(await value(store)).toEqual(stored(mine));
  });
});

describe('staleEditProblem', () => {
  const edit = { record: 'r', field: 'f', what: 'This memo', kept: 'your text is kept in the dialog', merge: 'reopen the memo and merge' };
  it('treats none, empty and blank text as the same, line endings as the same, and 3 as "3"', () => {
    expect(staleEditProblem({ ...edit, stored: null, base: '  ', next: 'x' })).toBeNull();
    expect(staleEditProblem({ ...edit, stored: 'a\nb', base: 'a\r\nb', next: 'x' })).toBeNull();
    expect(staleEditProblem({ ...edit, stored: 3, base: '3', next: '4' })).toBeNull();
    expect(staleEditProblem({ ...edit, stored: 'a', base: undefined, next: 'x' })).toBeNull();
  });
  it('says what changed and that nothing of the user’s is lost', () => {
    expect(staleEditProblem({ ...edit, stored: '', base: 'old', next: 'new' })).toEqual({
      record: 'r',
      field: 'f',
      message: 'This memo was changed in another window since you opened it (it is now empty); your text is kept in the dialog — copy it, reopen the memo and merge',
    });
  });
});

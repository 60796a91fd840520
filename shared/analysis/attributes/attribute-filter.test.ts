import { describe, expect, it } from 'vitest';

import { retrieveSegments } from '../segments/retrieve-segments';
import { MemoryProjectStore } from '../../project/memory-store';
import { addCoding } from '../../project/operations/codings';
import { defineAttribute, setAttributeValue } from '../../project/operations/attributes';
import { applied, code, post, runner, T0, thread } from '../../project/testing/core-fixtures.test-helpers';
import { attributeGroups, narrowByAttributes, parseAttributeCondition } from './attribute-filter';
import { attributesOf } from './attributes-of';

function project() {
  const by = (id: string, text: string, author: string, parent: string | null = 'p-1') => ({ ...post(id, text, parent), author });
  return new MemoryProjectStore({
    project: { id: 'project-1', name: 'Test', createdAt: T0 },
    threads: [thread()],
    posts: [by('p-1', 'Root claim here', 'ana', null), by('p-2', 'Reply claim here', 'bo'), by('p-3', 'Third claim here', 'cy')],
    codes: [code('c-1', 'Claim')],
    coders: [{ id: 'coder-ada', name: 'Ada' }],
  });
}

describe('attribute filters on a retrieval', () => {
  it('narrow the segments to the authors whose attribute has the value, counted against a plain filter', async () => {
    const store = project();
    const run = runner(store);
    for (const id of ['p-1', 'p-2', 'p-3']) applied(await run(addCoding, { postId: id, codeId: 'c-1', start: 0, end: 5 }));
    const stance = applied(await run(defineAttribute, { scope: 'author', name: 'Stance', type: 'text' })).result;
    applied(await run(setAttributeValue, { attributeId: stance.id, subject: 'ana', text: 'Pro' }));
    applied(await run(setAttributeValue, { attributeId: stance.id, subject: 'cy', text: 'pro' }));
    const tables = await store.read(attributesOf);
    const condition = parseAttributeCondition('author.stance=pro');
    if (!condition.ok) throw new Error(condition.error);
    const narrowed = narrowByAttributes({ codeId: 'c-1', includeSubcodes: false }, tables, [condition.value]);
    if (!narrowed.ok) throw new Error(narrowed.error.message);
    const result = await store.read((r) => retrieveSegments(r, narrowed.value, { limit: 100 }));
    if (!result.ok) throw new Error(result.error.message);
    const posts = await store.read((r) => r.allPosts());
    const expected = posts.filter((p) => ['ana', 'cy'].includes(p.author)).map((p) => p.id);
    expect(result.value.rows.map((row) => row.postId).sort()).toEqual(expected.sort());

    const nobody = narrowByAttributes({ codeId: 'c-1', includeSubcodes: false }, tables, [{ scope: 'author', name: 'Stance', values: ['con'] }]);
    const none = await store.read((r) => retrieveSegments(r, nobody.ok ? nobody.value : (undefined as never), { limit: 100 }));
    expect(none.ok ? none.value.rows : null).toEqual([]);
    const unknown = narrowByAttributes({ codeId: 'c-1', includeSubcodes: false }, tables, [{ scope: 'author', name: 'Mood', values: ['x'] }]);
    expect(unknown.ok ? '' : unknown.error.message).toBe('authors have no attribute “Mood” (they have: platform, posts, threads, first post, Stance)');
    expect(attributeGroups(tables.author, 'stance')).toEqual(new Map([['ana', 'Pro'], ['bo', ''], ['cy', 'pro']]));
    expect(parseAttributeCondition('Stance=pro').ok).toBe(false);
  });
});

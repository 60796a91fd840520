import { describe, expect, it } from 'vitest';

import { EMPTY_CODE_FIELDS, type Code, type Post } from '../model/records';
import type { IdSource } from '../util/clock';
import type { Bundle } from './bundle';
import { planCoderLayer, type ProjectSnapshot } from './coder-layer-plan';
import { codingOn, exampleBundle, OTHER_TEXT, REPLY_TEXT, ROOT_TEXT } from './fixtures.test-helpers';

const T0 = '2024-05-01T12:00:00.000Z';

function counterIds(prefix = 'n'): IdSource {
  let n = 0;
  return { newId: () => `${prefix}-${++n}` };
}

/** The example bundle as a project: Ana holds 4 codings, Ben 1. */
function exampleProject(): ProjectSnapshot {
  const b = exampleBundle();
  const counts = new Map<string, number>();
  for (const c of b.codings) counts.set(c.coderId, (counts.get(c.coderId) ?? 0) + 1);
  return { posts: b.posts, codes: b.codes, coders: b.coders, codingIds: new Set(b.codings.map((c) => c.id)), codingCountByCoder: counts };
}

const code = (id: string, name: string, parentId: string | null, order = 0): Code => ({
  id,
  name,
  parentId,
  color: '#112233',
  order,
  ...EMPTY_CODE_FIELDS,
  definition: `${name}.`,
});

function post(id: string, text: string, extra: Partial<Post> = {}): Post {
  return { id, threadId: 'their-thread', parentId: null, author: `user-${id}`, createdAt: T0, text, platform: 'reddit', platformId: null, url: null, meta: {}, ...extra };
}

/**
 * A file from another installation: its own thread and coder ids, one post shared by id, one by
 * platform id only, one whose text was edited, one the project lacks; a codebook matched partly by
 * id, partly by path, partly new.
 */
function otherCodersFile(): Bundle {
  const edited = `${OTHER_TEXT} (edited)`;
  return {
    ...exampleBundle(),
    threads: [{ id: 'their-thread', title: 'Theirs', platform: 'reddit', rootPostId: 'p-1', importedAt: T0, source: 'x.json' }],
    posts: [
      post('p-1', exampleBundle().posts[0]!.text, { platformId: 'something-else' }),
      post('q-2', REPLY_TEXT, { parentId: 'p-1', platformId: 'rd_p-2' }),
      post('p-3', edited, { parentId: 'p-1', platform: 'mastodon', platformId: 'rd_p-3' }),
      post('q-4', 'Not in the project', { parentId: 'p-1', platformId: 'rd_q-4' }),
    ],
    codes: [
      code('k-fallacy', 'Fallacy (renamed)', null, 0),
      code('z-strawman', 'Straw man', 'k-fallacy', 5),
      code('z-derail', 'Derailing', null, 1),
      code('z-tactics', 'Tactics', null, 2),
      { ...code('z-sealion', 'Sealioning', 'z-tactics', 0), inclusion: 'Polite, endless demands for evidence.', examples: ['Source?'], shortcut: 'f', exemplarCodingIds: ['d-1'] },
      code('z-unused', 'Unused', null, 3),
      code('z-only-skipped', 'Only on skipped posts', null, 4),
    ],
    coders: [
      { id: 'u-ana', name: '  Cleo ' },
      { id: 'x-cleo', name: 'Cleo' },
      { id: 'u-dan', name: 'Ana' },
      { id: 'u-idle', name: 'Idle' },
    ],
    codings: [
      codingOn(ROOT_TEXT, 'c-emoji', 'p-1', 'k-fallacy', 'u-ana', 33, 34),
      codingOn(REPLY_TEXT, 'd-1', 'q-2', 'z-derail', 'x-cleo', 0, 4),
      codingOn(REPLY_TEXT, 'd-1', 'q-2', 'z-sealion', 'x-cleo', 5, 8),
      codingOn(edited, 'd-2', 'p-3', 'z-only-skipped', 'u-idle', 0, 5),
      codingOn('Not in the project', 'd-3', 'q-4', 'z-only-skipped', 'u-idle', 0, 3),
      codingOn('Not in the project', 'd-4', 'q-4', 'k-fallacy', 'u-idle', 4, 6),
      codingOn(ROOT_TEXT, 'e-1', 'p-1', 'z-strawman', 'u-dan', 0, 8),
    ],
  };
}

describe('planCoderLayer', () => {
  it('matches posts, codes and coders and remaps every coding to project ids', () => {
    const plan = planCoderLayer(exampleProject(), otherCodersFile(), { ids: counterIds() });

    expect(plan.mismatchedPosts).toEqual([{ incomingPostId: 'p-3', projectPostId: 'p-3', author: '-dash' }]);
    expect(plan.unmatchedPosts).toBe(1);
    expect(plan.skipped).toEqual({ mismatchedPostCodings: 1, unmatchedPostCodings: 2 });
    // Cleo's incoming id belongs to the project's Ana, so Cleo gets a new one; "Idle" has nothing
    // importable and is not listed; "Ana" is the project's Ana whatever her id in the file.
    expect(plan.coders).toEqual([
      { name: 'Cleo', projectCoderId: 'n-1', isNew: true, existingCodings: 0, incomingCodings: 3 },
      { name: 'Ana', projectCoderId: 'u-ana', isNew: false, existingCodings: 4, incomingCodings: 1 },
    ]);
    // Only codes that importable codings need; GUIDs kept; after the existing siblings.
    expect(plan.codesToAdd).toEqual([
      { ...code('z-strawman', 'Straw man', 'k-fallacy'), order: 1 },
      { ...code('z-tactics', 'Tactics', null), order: 2 },
      // Definition and criteria come along; the file's exemplars and shortcut keys do not.
      { ...code('z-sealion', 'Sealioning', 'z-tactics'), order: 0, inclusion: 'Polite, endless demands for evidence.', examples: ['Source?'] },
    ]);
    const cleo = plan.codingsByCoder.get('n-1');
    expect(cleo?.map((c) => [c.id, c.postId, c.threadId, c.codeId, c.coderId])).toEqual([
      ['n-2', 'p-1', 't-1', 'k-fallacy', 'n-1'], // its id is the project's c-emoji: a new one
      ['d-1', 'p-2', 't-1', 'k-derail', 'n-1'], // post by platform id, code by path
      ['n-3', 'p-2', 't-1', 'z-sealion', 'n-1'], // a second "d-1" in the same file
    ]);
    expect(cleo?.[1]).toEqual({ ...codingOn(REPLY_TEXT, 'd-1', 'p-2', 'k-derail', 'n-1', 0, 4), threadId: 't-1' });
    expect(plan.codingsByCoder.get('u-ana')?.map((c) => [c.id, c.codeId])).toEqual([['e-1', 'z-strawman']]);
    expect([...plan.codingsByCoder.keys()]).toEqual(['n-1', 'u-ana']);
  });

  it('plans a file of the same project as the existing coders, all coding ids fresh', () => {
    const plan = planCoderLayer(exampleProject(), exampleBundle(), { ids: counterIds() });
    expect(plan.coders).toEqual([
      { name: 'Ana', projectCoderId: 'u-ana', isNew: false, existingCodings: 4, incomingCodings: 4 },
      { name: 'Ben, "B" 👩‍👩‍👧', projectCoderId: 'u-ben', isNew: false, existingCodings: 1, incomingCodings: 1 },
    ]);
    expect(plan.codesToAdd).toEqual([]);
    expect(plan.mismatchedPosts).toEqual([]);
    // New ids are drawn in file order, where Ben's one coding comes second.
    expect(plan.codingsByCoder.get('u-ana')?.map((c) => c.id)).toEqual(['n-1', 'n-3', 'n-4', 'n-5']);
    expect(plan.codingsByCoder.get('u-ben')?.map((c) => c.id)).toEqual(['n-2']);
  });

  it('keeps an incoming coder id that is free and an incoming coding id that is free', () => {
    const file = exampleBundle();
    file.coders = [{ id: 'u-zoe', name: 'Zoe' }];
    file.codings = [codingOn(ROOT_TEXT, 'z-1', 'p-1', 'k-derail', 'u-zoe', 0, 8)];
    const plan = planCoderLayer(exampleProject(), file, { ids: counterIds() });
    expect(plan.coders).toEqual([{ name: 'Zoe', projectCoderId: 'u-zoe', isNew: true, existingCodings: 0, incomingCodings: 1 }]);
    expect(plan.codingsByCoder.get('u-zoe')?.[0]).toEqual({ ...file.codings[0], threadId: 't-1' });
  });

  it('of two project posts with one platform id, picks the one with the same text', () => {
    const project = exampleProject();
    const twin = { ...exampleBundle().posts[1]!, id: 'a-twin', threadId: 't-2', text: 'another copy' };
    const file = exampleBundle();
    file.posts = file.posts.map((p) => (p.id === 'p-2' ? { ...p, id: 'q-2' } : p));
    file.codings = file.codings.map((c) => (c.postId === 'p-2' ? { ...c, postId: 'q-2' } : c));
    const plan = planCoderLayer({ ...project, posts: [twin, ...project.posts] }, file, { ids: counterIds() });
    expect(plan.mismatchedPosts).toEqual([]);
    expect(plan.codingsByCoder.get('u-ben')?.[0]?.postId).toBe('p-2');
  });

  it('is deterministic: same input and ids give the same plan, whatever order the project was read in', () => {
    const project = exampleProject();
    const reversed: ProjectSnapshot = {
      ...project,
      posts: [...project.posts].reverse(),
      codes: [...project.codes].reverse(),
      coders: [...project.coders].reverse(),
    };
    const first = planCoderLayer(project, otherCodersFile(), { ids: counterIds() });
    expect(planCoderLayer(project, otherCodersFile(), { ids: counterIds() })).toEqual(first);
    expect(planCoderLayer(reversed, otherCodersFile(), { ids: counterIds() })).toEqual(first);
  });

  it('refuses a file that was not validated, and a nameless coder with codings', () => {
    const dangling = exampleBundle();
    dangling.codings = [{ ...dangling.codings[0]!, postId: 'nowhere' }];
    expect(() => planCoderLayer(exampleProject(), dangling, { ids: counterIds() })).toThrow(/refers to post nowhere.*validate the file first/);

    const nameless = exampleBundle();
    nameless.coders = [{ id: 'u-ana', name: '  ' }, nameless.coders[1]!];
    expect(() => planCoderLayer(exampleProject(), nameless, { ids: counterIds() })).toThrow(/Coder u-ana .* has no name/);
  });
});

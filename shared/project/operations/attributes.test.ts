import { describe, expect, it } from 'vitest';

import { attributesCsv } from '../../analysis/attributes/attributes-csv';
import { attributesOf } from '../../analysis/attributes/attributes-of';
import { serializeBundle } from '../../bundle/serialize';
import { parseBundleText } from '../../bundle/validate';
import type { Post } from '../../model/records';
import { formatProblem } from '../../problem/problem';
import { bundleFromStore, storeFromBundle } from '../bundle-store';
import { MemoryProjectStore } from '../memory-store';
import { ADA, applied, post, runner, T0, thread } from '../testing/core-fixtures.test-helpers';
import { attributeValueId, defineAttribute, deleteAttribute, setAttributeValue } from './attributes';
import { attributeCsvProblems, importAttributeCsv } from './attributes-import';
import { revertEntry } from './revert';
import { deleteThread } from './threads';

const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

const by = (p: Post, author: string, meta: Post['meta'] = {}, platform: Post['platform'] = 'reddit'): Post => ({ ...p, author, meta, platform });

/** Two threads: a Reddit one (ana twice, bo) and a Mastodon one (cy, ana), with a placeholder post. */
function corpus(): MemoryProjectStore {
  return new MemoryProjectStore({
    project: { id: 'project-1', name: 'Test', createdAt: T0 },
    threads: [thread('t-1', 'p-1'), { ...thread('t-2', 'p-4'), title: 'Fediverse', platform: 'mastodon', importedAt: '2025-01-02T00:00:00.000Z' }],
    posts: [
      by(post('p-1', 'Root', null), 'ana', { subreddit: 'AskHistorians', lang: 'en', followers_count: 10 }),
      by(post('p-2', 'Reply'), 'bo', { subreddit: 'AskHistorians' }),
      { ...by(post('p-3', 'Later'), 'ana', { subreddit: 'AskHistorians', followers_count: 12 }), createdAt: '2024-12-31T10:00:00.000Z' },
      by(post('p-4', 'Toot', null, 't-2'), 'cy', { acct: 'cy@social.example', language: 'de' }, 'mastodon'),
      by(post('p-5', 'Reply toot', 'p-4', 't-2'), 'ana', { instance: 'mastodon.social', language: 'de' }, 'mastodon'),
      by(post('p-6', '[post not in this file]', 'p-4', 't-2'), '[missing]', { placeholder: 'missing' }, 'mastodon'),
    ],
    coders: [ADA],
  });
}

describe('attributesOf', () => {
  it('derives each author’s and thread’s platform attributes, counted like a naive pass over the posts', async () => {
    const store = corpus();
    const { author, thread: threads } = await store.read(attributesOf);
    const posts = (await store.read((r) => r.allPosts())).filter((p) => p.meta.placeholder === undefined);
    // Independent count: posts per author by a plain filter.
    for (const c of author.cases) expect(c.values.posts, c.subject).toBe(posts.filter((p) => p.author === c.subject).length);
    expect(author.cases.map((c) => c.subject)).toEqual(['ana', 'bo', 'cy']);
    expect(author.cases[0]!.values).toEqual({ platform: 'mastodon, reddit', posts: 3, threads: 2, 'first post': '2024-12-31', instance: 'mastodon.social', subreddit: 'AskHistorians', language: 'de', followers: 12 });
    // One post in English, one in German: a tie goes to the alphabetically first.
    expect(author.cases[2]!.values).toMatchObject({ instance: 'social.example', language: 'de' });
    expect(author.columns.map((c) => c.name)).toEqual(['platform', 'posts', 'threads', 'first post', 'instance', 'subreddit', 'language', 'followers']);
    expect(threads.cases.map((c) => [c.subject, c.values.posts, c.values.authors, c.values.subreddit ?? c.values.instance, c.values.language])).toEqual([
      ['t-1', 3, 2, 'AskHistorians', 'en'],
      ['t-2', 3, 2, 'social.example', 'de'],
    ]);
  });
});

describe('attribute operations', () => {
  it('defines an attribute, sets, changes and clears values by type, each undoable', async () => {
    const store = corpus();
    const run = runner(store);
    const stance = applied(await run(defineAttribute, { scope: 'author', name: '  Stance ', type: 'text' })).result;
    const age = applied(await run(defineAttribute, { scope: 'author', name: 'Age', type: 'number' })).result;
    const set = applied(await run(setAttributeValue, { attributeId: stance.id, subject: 'ana', text: 'pro' }));
    expect(set.summary).toBe('Set “Stance” of ana to "pro"');
    expect(set.result).toEqual({ id: attributeValueId(stance.id, 'ana'), attributeId: stance.id, subject: 'ana', value: 'pro', updatedAt: set.entry!.at });
    applied(await run(setAttributeValue, { attributeId: age.id, subject: 'ana', text: ' 42 ' }));
    const { author } = await store.read(attributesOf);
    expect(author.cases[0]!.values).toMatchObject({ Stance: 'pro', Age: 42 });
    expect(author.columns.slice(-2)).toEqual([
      { name: 'Stance', type: 'text', source: 'user', attributeId: stance.id },
      { name: 'Age', type: 'number', source: 'user', attributeId: age.id },
    ]);

    const refusals = await Promise.all([
      run(setAttributeValue, { attributeId: age.id, subject: 'ana', text: 'forty' }),
      run(setAttributeValue, { attributeId: age.id, subject: 'nobody', text: '1' }),
      run(defineAttribute, { scope: 'author', name: 'stance', type: 'text' }),
      run(defineAttribute, { scope: 'author', name: 'Posts', type: 'number' }),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual([
      'expected a number such as 42 or 3.5, got "forty"',
      'there is no author "nobody" in the project',
      'authors already have an attribute “stance”',
      '“Posts” is a platform attribute of every author: choose another name',
    ]);

    const cleared = applied(await run(setAttributeValue, { attributeId: stance.id, subject: 'ana', text: '' }));
    expect(cleared.summary).toBe('Cleared “Stance” of ana');
    applied(await run(revertEntry, { entryId: cleared.entry!.id, verb: 'undo' }));
    expect((await store.read((r) => r.attributeValues())).map((v) => v.value).sort()).toEqual([42, 'pro']);

    const deleted = applied(await run(deleteAttribute, { attributeId: stance.id }));
    expect(deleted.summary).toBe('Deleted the author attribute “Stance” with its 1 value');
    expect((await store.read((r) => r.attributeValues())).map((v) => v.value)).toEqual([42]);
  });

  it('removes a thread’s values with the thread', async () => {
    const store = corpus();
    const run = runner(store);
    const topic = applied(await run(defineAttribute, { scope: 'thread', name: 'Topic', type: 'text' })).result;
    applied(await run(setAttributeValue, { attributeId: topic.id, subject: 't-2', text: 'moderation' }));
    const gone = applied(await run(deleteThread, { threadId: 't-2' }));
    expect(await store.read((r) => r.attributeValues())).toEqual([]);
    applied(await run(revertEntry, { entryId: gone.entry!.id, verb: 'undo' }));
    expect((await store.read((r) => r.attributeValues())).map((v) => v.subject)).toEqual(['t-2']);
  });
});

describe('attribute CSV', () => {
  it('imports values all at once, adding attributes with the type their cells fit; the export imports back unchanged', async () => {
    const store = corpus();
    const run = runner(store);
    const csv = 'author,Stance,Age,Joined,posts\r\nana,pro,42,2020-01-05,99\nbo,"con, mostly",,2021-02-28,1\n';
    const done = applied(await run(importAttributeCsv, { scope: 'author', text: csv, fileName: 'people.csv' }));
    expect(done.result).toEqual({ added: 3, set: 5, cleared: 0, rows: 2, skippedColumns: ['posts'] });
    const { author } = await store.read(attributesOf);
    expect(author.columns.filter((c) => c.source === 'user').map((c) => [c.name, c.type])).toEqual([
      // Added at the same time: by name.
      ['Age', 'number'],
      ['Joined', 'date'],
      ['Stance', 'text'],
    ]);
    expect(author.cases.find((c) => c.subject === 'bo')!.values).toMatchObject({ Stance: 'con, mostly', Joined: '2021-02-28', posts: 1 });
    const exported = attributesCsv(author);
    expect(exported.split('\r\n')[0]).toBe('author,platform,posts,threads,first post,instance,subreddit,language,followers,Age,Joined,Stance');
    const again = applied(await run(importAttributeCsv, { scope: 'author', text: exported, fileName: 'export.csv' }));
    expect(again.entry).toBeNull();
  });

  it('refuses a bad file whole, naming line and column of every problem', async () => {
    const store = corpus();
    const run = runner(store);
    applied(await run(defineAttribute, { scope: 'author', name: 'Age', type: 'number' }));
    const csv = ['author,Age,Joined', 'ana,old,2020-02-30', 'zed,3,', 'ana,4,', ',1,'].join('\n');
    const problems = await store.read((r) => attributeCsvProblems(r, { scope: 'author', text: csv, fileName: 'people.csv' }));
    expect(problems.map((p) => formatProblem(p, { field: 'column' }))).toEqual([
      'people.csv (line 2, column 2 “Age”): expected a number such as 42 or 3.5, got "old" (“Age” is a number attribute)',
      'people.csv (line 3, column 1 “author”): there is no author "zed" in the project',
      'people.csv (line 4, column 1 “author”): "ana" has a row already (line 2)',
      'people.csv (line 5, column 1 “author”): no author: every row needs one',
    ]);
    const refused = await run(importAttributeCsv, { scope: 'author', text: csv, fileName: 'people.csv' });
    expect(refused.ok ? '' : refused.error.message).toMatch(/^expected a number such as 42 or 3\.5, got "old" .*\(and \d more problems; nothing was imported\)$/);
    expect(await store.read((r) => r.attributeValues())).toEqual([]);
    expect((await store.read((r) => r.attributes())).map((a) => a.name)).toEqual(['Age']);

    const wrongScope = await store.read((r) => attributeCsvProblems(r, { scope: 'thread', text: csv, fileName: 'people.csv' }));
    expect(wrongScope.map((p) => formatProblem(p, { field: 'column' }))).toEqual(['people.csv (line 1, column 1 “author”): the first column must be "thread" (the thread\'s id), got "author"']);
    const ragged = await store.read((r) => attributeCsvProblems(r, { scope: 'author', text: 'author,Age\nana,1,2\n', fileName: 'r.csv' }));
    expect(ragged.map((p) => p.line)).toEqual([2]);
  });
});

describe('attributes in the bundle', () => {
  it('round-trip byte for byte; a value that does not fit its type is reported', async () => {
    const store = corpus();
    const run = runner(store);
    const topic = applied(await run(defineAttribute, { scope: 'thread', name: 'Topic', type: 'text' })).result;
    const size = applied(await run(defineAttribute, { scope: 'author', name: 'Size', type: 'number' })).result;
    applied(await run(setAttributeValue, { attributeId: topic.id, subject: 't-1', text: 'history' }));
    applied(await run(setAttributeValue, { attributeId: size.id, subject: 'bo', text: '7' }));
    const exported = await bundleFromStore(store, HEAD);
    if (!exported.ok) throw new Error(exported.error.message);
    const text = serializeBundle(exported.value);
    const parsed = parseBundleText(text);
    if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join('; '));
    const again = await bundleFromStore(storeFromBundle(parsed.value), HEAD);
    expect(serializeBundle(again.ok ? again.value : (undefined as never))).toBe(text);

    const json = JSON.parse(text) as { attributeValues: Array<{ id: string; attributeId: string; value: unknown; subject: string }> };
    const sizeAt = json.attributeValues.findIndex((v) => v.attributeId === size.id);
    const topicAt = json.attributeValues.findIndex((v) => v.attributeId === topic.id);
    json.attributeValues[sizeAt]!.value = 'seven';
    json.attributeValues[topicAt]!.subject = 't-9';
    const bad = parseBundleText(JSON.stringify(json));
    expect(bad.ok ? [] : bad.error.map((p) => `${p.record} ${p.field}: ${p.message}`).sort()).toEqual([
      `attributeValues[${sizeAt}] (id "${json.attributeValues[sizeAt]!.id}") value: expected a number, got "seven"`,
      `attributeValues[${topicAt}] (id "${json.attributeValues[topicAt]!.id}") subject: unknown thread "t-9"`,
    ].sort());
  });
});

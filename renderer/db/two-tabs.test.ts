/**
 * Two windows on one project (two ThreadmarkDB connections to the same IndexedDB database, as two
 * tabs of the web runtime have): whatever they interleave, nothing is stored twice and no newer
 * edit is overwritten by a stale one. The checks run inside the write's transaction.
 */
import 'fake-indexeddb/auto';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { redditDumpParser } from '@shared/import/formats';
import { addCode, editCode } from '@shared/project/operations/codebook';
import { writeMemo } from '@shared/project/operations/memos';
import { importThreads } from '@shared/project/operations/threads-import';
import { assembleAgainstProject } from '@shared/project/queries/assemble-import';

import { ThreadmarkDB } from './database';
import type { Operation } from '@shared/project/operation';
import { runOperation } from '@shared/project/run-operation';

import { ensureCoder } from './repositories/coders-repository';
import { storeOf } from './run-in-project';
import { testClock, testIds } from './testing/test-support';

const FILE = 'thread.ndjson';
/** A Reddit dump: a submission and five comments. */
const text = [
  JSON.stringify({ id: 's1', name: 't3_s1', title: 'Thread', selftext: 'Opening post', author: 'op', created_utc: 1600000000, subreddit: 'test' }),
  ...[1, 2, 3, 4, 5].map((i) => JSON.stringify({ id: `c${i}`, parent_id: 't3_s1', link_id: 't3_s1', author: `u${i}`, body: `Comment ${i}`, created_utc: 1600000000 + i, subreddit: 'test' })),
].join('\n');

let tabA: ThreadmarkDB;
let tabB: ThreadmarkDB;
beforeEach(async () => {
  const name = `threadmark-two-tabs-${crypto.randomUUID()}`;
  tabA = new ThreadmarkDB(name);
  tabB = new ThreadmarkDB(name);
  await tabA.open();
  await tabB.open();
});
afterEach(async () => {
  tabB.close();
  await tabA.delete();
});

const deps = (prefix: string) => ({ clock: testClock(), ids: testIds(prefix), actor: { id: 'u-ana', name: 'Ana' } });

/** A core operation run in one tab, as the app runs it (runInProject without the settings lookup). */
const runInProject = <I, S, R>(db: ThreadmarkDB, operation: Operation<I, S, R>, input: I, env: ReturnType<typeof deps>) => runOperation(storeOf(db), operation, input, env);

/** What the import dialog does: assemble at preview time against the store, then write. */
async function preview(db: ThreadmarkDB, prefix: string) {
  const parsed = redditDumpParser.parse(text, FILE);
  if (!parsed.ok) throw new Error('fixture does not parse');
  return storeOf(db).read((reader) => assembleAgainstProject(reader, [{ fileName: FILE, parsed: parsed.value }], deps(prefix)));
}

const write = (db: ThreadmarkDB, prefix: string, assembled: Awaited<ReturnType<typeof preview>>) =>
  runInProject(db, importThreads, { threads: assembled.threads, posts: assembled.posts, projectName: 'Two tabs', source: FILE }, deps(prefix));

describe('two tabs on one project', () => {
  it('both previewed the same file before either wrote: its posts are stored once', async () => {
    const [a, b] = [await preview(tabA, 'a'), await preview(tabB, 'b')];
    expect(a.posts.length).toBeGreaterThan(0);
    expect(b.posts.length).toBe(a.posts.length);
    const [wroteA, wroteB] = await Promise.all([write(tabA, 'a', a), write(tabB, 'b', b)]);
    expect(wroteA.ok && wroteB.ok).toBe(true);
    const posts = await storeOf(tabA).read(async (r) => (await Promise.all((await r.threads()).map((t) => r.postsOfThread(t.id)))).flat());
    // Independent count: the distinct platform ids of the file.
    const distinct = new Set(text.trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id));
    expect(posts.length).toBe(distinct.size);
    expect(new Set(posts.map((p) => p.platformId)).size).toBe(posts.length);
    const second = wroteA.ok && wroteB.ok ? [wroteA.value, wroteB.value].find((v) => v.entry === null) : undefined;
    expect(second?.summary).toMatch(/^Nothing imported from thread\.ndjson: its 6 posts are stored already/);
  });

  it('a partly overlapping import written after another is refused, naming what was stored meanwhile', async () => {
    const early = await preview(tabB, 'b');
    const firstHalf = await preview(tabA, 'a');
    const keep = new Set(firstHalf.posts.slice(0, 2).map((p) => p.id));
    const written = await write(tabA, 'a', { ...firstHalf, posts: firstHalf.posts.filter((p) => keep.has(p.id)), threads: firstHalf.threads });
    expect(written.ok).toBe(true);
    const refused = await write(tabB, 'b', early);
    expect(refused.ok ? '' : refused.error.message).toBe(`2 posts of ${FILE} were stored meanwhile (another window imported them?); nothing imported. Import the files again to add the other ${early.posts.length - 2} posts.`);
  });

  it('an editor opened in tab B before tab A changed the same field is refused; other fields of A are kept', async () => {
    const added = await runInProject(tabA, addCode, { name: 'Whataboutism', color: '#336699' }, deps('a'));
    if (!added.ok) throw new Error(added.error.message);
    const code = added.value.result;
    const openedInB = (await storeOf(tabB).read((r) => r.codes())).find((c) => c.id === code.id)!;
    expect((await runInProject(tabA, editCode, { codeId: code.id, patch: { definition: 'A’s definition.', inclusion: 'A’s rule.' } }, deps('a'))).ok).toBe(true);
    // B changes the definition too: a conflict, shown to the researcher, nothing overwritten.
    const clash = await runInProject(tabB, editCode, { codeId: code.id, base: openedInB, patch: { ...openedInB, definition: 'B’s definition.' } }, deps('b'));
    expect(clash.ok).toBe(false);
    expect(clash.ok ? '' : clash.error.message).toMatch(/changed elsewhere since this editor opened/);
    // B changes only the name: written, and A's definition and rule stay.
    expect((await runInProject(tabB, editCode, { codeId: code.id, base: openedInB, patch: { ...openedInB, name: 'What-about' } }, deps('b'))).ok).toBe(true);
    const now = (await storeOf(tabA).read((r) => r.codes())).find((c) => c.id === code.id)!;
    expect([now.name, now.definition, now.inclusion]).toEqual(['What-about', 'A’s definition.', 'A’s rule.']);
  });

  it('a memo dialog opened in tab B before tab A rewrote the memo is refused; A’s memo stays and B may save over what it saw', async () => {
    expect((await write(tabA, 'a', await preview(tabA, 'a'))).ok).toBe(true);
    await ensureCoder(tabA, 'Ana', testIds('c'), testClock(), 'u-ana');
    const thread = (await storeOf(tabA).read((r) => r.threads()))[0]!;
    const target = { kind: 'thread' as const, id: thread.id };
    expect((await runInProject(tabA, writeMemo, { target, text: 'First thoughts.' }, deps('a1'))).ok).toBe(true);
    const openedInB = (await storeOf(tabB).read((r) => r.memos()))[0]!.text;
    expect((await runInProject(tabA, writeMemo, { target, text: 'A’s rewrite.', base: 'First thoughts.' }, deps('a2'))).ok).toBe(true);
    const clash = await runInProject(tabB, writeMemo, { target, text: 'B’s version.', base: openedInB }, deps('b1'));
    expect(clash.ok ? '' : clash.error.message).toBe(
      'This memo was changed in another window since you opened it (it now reads “A’s rewrite.”); your text is kept in the dialog — copy it, reopen the memo and merge',
    );
    expect((await storeOf(tabB).read((r) => r.memos())).map((m) => m.text)).toEqual(['A’s rewrite.']);
    // Reopened: B loads A's text and saves its merge.
    expect((await runInProject(tabB, writeMemo, { target, text: 'A’s rewrite. B’s version.', base: 'A’s rewrite.' }, deps('b2'))).ok).toBe(true);
    expect((await storeOf(tabA).read((r) => r.memos())).map((m) => m.text)).toEqual(['A’s rewrite. B’s version.']);
  });
});

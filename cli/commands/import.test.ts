import { describe, expect, it } from 'vitest';

import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import type { Bundle } from '@shared/bundle/bundle';

import { fixture, memoryImportIo } from '../import/memory-import-io.test-helpers';
import { exampleV3Bundle } from '../project/example-bundle.test-helpers';
import { run } from '../run';
import { importCommand, type ImportDeps } from './import';

const T = '2026-01-02T03:04:05.000Z';

/** Deterministic clock and ids. */
function deps(extra: Partial<ImportDeps> = {}): Partial<ImportDeps> {
  let n = 0;
  return { clock: { now: () => T }, ids: { newId: () => `id-${++n}` }, ...extra };
}

function bundleOf(text: string | undefined): Bundle {
  expect(text).toBeDefined();
  const parsed = parseBundleText(text as string);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  return parsed.value;
}

const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const FIXTURES: Array<[string, string]> = [
  ['reddit-dump-slice-bom-crlf.ndjson', 'reddit-dump'],
  ['reddit-dump-slice-utf16le.ndjson', 'reddit-dump'],
  ['reddit-dump-escaped.ndjson', 'reddit-dump'],
  ['reddit-thread-escaped.json', 'reddit-thread'],
  ['twitter/v2-conversation.jsonl', 'twitter-v2'],
  ['twitter/v1-thread.jsonl', 'twitter-v1'],
  ['mastodon/context-focal-absent.json', 'mastodon'],
  ['mastodon/statuses-with-boost.json', 'mastodon'],
  ['bluesky/thread-nested.json', 'bluesky'],
  ['bluesky/author-feed.json', 'bluesky'],
  ['youtube/comment-threads-pages.json', 'youtube'],
];

describe('threadmark import', () => {
  it.each(FIXTURES)('imports %s (%s) into a valid bundle', async (name, format) => {
    const m = memoryImportIo({ [name]: fixture(name) });
    expect(await importCommand([name, '-o', 'out.threadmark.json'], m.io, deps())).toBe(0);
    expect(m.stderr()).toBe('');
    const b = bundleOf(m.text('out.threadmark.json'));
    expect(b.formatVersion).toBe(3);
    expect(b.journal?.map((e) => [e.seq, e.operation, e.actorName, e.addedPosts.flatMap((a) => a.postIds).length])).toEqual([[1, 'threads.import', 'threadmark-cli', b.posts.length]]);
    expect(b.posts.length).toBeGreaterThan(0);
    expect(b.threads.every((t) => t.source === name)).toBe(true);
    expect(b.project.name).toBe(name.split('/').pop()?.replace(/(\.[A-Za-z0-9]{1,8})+$/, ''));
    expect(m.stdout()).toMatch(new RegExp(`^${name.replace(/[.*/]/g, '\\$&')}: ${format}, \\d+ threads?, \\d+ posts?, 0 duplicates skipped, \\d+ warnings?\n`));
  });

  it('imports several files into one bundle through run(), with posts carrying the platform fields', async () => {
    const files = ['reddit-dump-slice-bom-crlf.ndjson', 'twitter/v2-conversation.jsonl', 'mastodon/context-focal-absent.json'];
    const m = memoryImportIo(Object.fromEntries(files.map((f) => [f, fixture(f)])));
    expect(await run(['import', ...files, '-o', 'all.threadmark.json'], m.io)).toBe(0);
    const b = bundleOf(m.text('all.threadmark.json'));
    expect(new Set(b.threads.map((t) => t.platform))).toEqual(new Set(['reddit', 'twitter', 'mastodon']));
    // Threads are written by import time, then id (random here): any dated tweet will do.
    const tweet = b.posts.find((p) => p.platform === 'twitter' && p.platformId !== null && p.createdAt !== null);
    expect(tweet).toMatchObject({ platformId: expect.stringMatching(/^\d{16,}$/), createdAt: expect.stringMatching(/Z$/) });
    expect(m.stdout()).toContain('wrote all.threadmark.json: 6 new threads');
  });

  it('re-importing with --into adds no posts and counts the duplicates; codes and codings are kept', async () => {
    const name = 'reddit-dump-slice-bom-crlf.ndjson';
    const m = memoryImportIo({ [name]: fixture(name), 'base.threadmark.json': serializeBundle(exampleBundle()) });
    expect(await importCommand([name, '--into', 'base.threadmark.json', '-o', 'one.threadmark.json'], m.io, deps())).toBe(0);
    const one = bundleOf(m.text('one.threadmark.json'));
    expect(one.project).toEqual(exampleBundle().project);
    expect(byId(one.codings)).toEqual(byId(exampleBundle().codings));
    expect(one.codes).toEqual(exampleBundle().codes);
    expect(one.posts.slice(0, 3)).toEqual(exampleBundle().posts);
    const imported = one.posts.length - 3;
    expect(imported).toBeGreaterThan(0);

    const again = memoryImportIo({ [name]: fixture(name), 'one.threadmark.json': m.text('one.threadmark.json') as string });
    expect(await importCommand([name, '--into', 'one.threadmark.json', '-o', 'two.threadmark.json'], again.io, deps())).toBe(0);
    const two = bundleOf(again.text('two.threadmark.json'));
    expect(two.posts).toHaveLength(one.posts.length);
    expect(two.threads).toHaveLength(one.threads.length);
    expect(again.stdout()).toMatch(/^reddit-dump-slice-bom-crlf\.ndjson: reddit-dump, 0 threads, 0 posts, 7 duplicates skipped, 0 warnings\n/);
    expect(again.stdout()).toContain('0 new posts (placeholders included), 7 duplicates skipped');
    // Nothing added: no journal entry either.
    expect(two.journal).toEqual(one.journal);
  });

  it('a thread import --into keeps the journal and named versions, and journals the import as the bundle\'s first coder', async () => {
    const name = 'mastodon/statuses-with-boost.json';
    const base = exampleV3Bundle();
    expect(base.journal).toHaveLength(1);
    const m = memoryImportIo({ [name]: fixture(name), 'b.json': serializeBundle(base) });
    expect(await importCommand([name, '--into', 'b.json', '-o', 'out.json'], m.io, deps())).toBe(0);
    const out = bundleOf(m.text('out.json'));
    expect(out.codebookVersions).toEqual(base.codebookVersions);
    expect(out.journal?.slice(0, 1)).toEqual(base.journal);
    const entry = out.journal?.[1];
    const added = out.posts.filter((p) => !base.posts.some((b) => b.id === p.id));
    expect(entry).toMatchObject({ seq: 2, at: T, actorId: 'u-ana', actorName: 'Ana', operation: 'threads.import', reverts: null });
    expect(entry?.summary).toMatch(/^Imported mastodon\/statuses-with-boost\.json: \d+ threads?, \d+ posts?$/);
    expect(entry?.addedPosts.flatMap((a) => a.postIds).sort()).toEqual(added.map((p) => p.id).sort());
    expect(entry?.changes.map((c) => c.table)).toEqual(out.threads.filter((t) => !base.threads.some((b) => b.id === t.id)).map(() => 'threads'));
  });

  it('commits a big import batch by batch: one journal entry per batch, the whole import as one call would give', async () => {
    const name = 'reddit-dump-slice-bom-crlf.ndjson';
    const whole = memoryImportIo({ [name]: fixture(name) });
    const batched = memoryImportIo({ [name]: fixture(name) });
    expect(await importCommand([name, '-o', 'o.json'], whole.io, deps())).toBe(0);
    expect(await importCommand([name, '-o', 'o.json'], batched.io, deps({ assemblyBatch: 1 }))).toBe(0);
    const one = bundleOf(whole.text('o.json'));
    const many = bundleOf(batched.text('o.json'));
    const strip = (b: Bundle) => ({ ...b, project: { ...b.project, id: '' }, threads: b.threads.map((t) => ({ ...t, id: '', rootPostId: '' })), posts: b.posts.map((p) => p.text), journal: [] });
    expect(strip(many)).toEqual(strip(one));
    const entries = many.journal ?? [];
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.map((e) => e.summary.replace(/:.*/, ''))).toEqual(entries.map((_, i) => `Imported ${name} (part ${i + 1} of ${entries.length})`));
    expect(entries.flatMap((e) => e.addedPosts.flatMap((a) => a.postIds)).sort()).toEqual(many.posts.map((p) => p.id).sort());
    expect(batched.stdout()).toBe(whole.stdout());
  });

  it('counts duplicates within one import (the same file twice)', async () => {
    const name = 'twitter/v1-thread.jsonl';
    const m = memoryImportIo({ [name]: fixture(name), 'copy.jsonl': fixture(name) });
    expect(await importCommand([name, 'copy.jsonl', '-o', 'o.json'], m.io, deps())).toBe(0);
    expect(m.stdout()).toMatch(/\ncopy\.jsonl: twitter-v1, 0 threads, 0 posts, (\d+) duplicates skipped/);
  });

  it.each([Number.POSITIVE_INFINITY, 0])('--into: new replies join the threads they answer (whole validation limit %d)', async (wholeValidationLimit) => {
    const day1 = 'id,parent_id,thread_id,text\n1,,1,Opening\n2,1,1,First reply\n';
    const day2 = 'id,parent_id,thread_id,text\n3,2,1,A late reply\n';
    const m = memoryImportIo({ 'day1.csv': day1, 'day2.csv': day2 });
    let later = 0;
    expect(await importCommand(['day1.csv', '-o', 'b.json'], m.io, deps())).toBe(0);
    const code = await importCommand(['day2.csv', '--into', 'b.json', '-o', 'b.json'], m.io, deps({ wholeValidationLimit, ids: { newId: () => `day2-${++later}` } }));
    expect(m.stderr()).toBe('');
    expect(code).toBe(0);
    expect(m.stdout()).toContain('replies added to 1 thread already in it');
    const bundle = bundleOf(m.text('b.json'));
    expect(bundle.threads).toHaveLength(1);
    const byText = new Map(bundle.posts.map((p) => [p.text, p]));
    expect(byText.get('A late reply')).toMatchObject({ threadId: bundle.threads[0]!.id, parentId: byText.get('First reply')!.id });
  });

  it('-o may be the --into bundle: it is replaced with the bigger one', async () => {
    const name = 'mastodon/statuses-with-boost.json';
    const m = memoryImportIo({ [name]: fixture(name), 'b.threadmark.json': serializeBundle(exampleBundle()) });
    expect(await importCommand([name, '--into', 'b.threadmark.json', '-o', 'b.threadmark.json'], m.io, deps())).toBe(0);
    expect(bundleOf(m.text('b.threadmark.json')).posts.length).toBeGreaterThan(3);
  });

  it('reports invalid UTF-8 with the file and byte offset, and writes nothing (whole and streamed)', async () => {
    const name = 'reddit-dump-invalid-utf8.ndjson';
    for (const streamThreshold of [Number.POSITIVE_INFINITY, 0]) {
      const m = memoryImportIo({ [name]: fixture(name) });
      expect(await importCommand([name, '-o', 'out.json'], m.io, deps({ streamThreshold }))).toBe(1);
      expect(m.stderr()).toMatch(/^reddit-dump-invalid-utf8\.ndjson \(line \d+\): not valid UTF-8: byte 0x[0-9A-F]{2} at byte offset \d+/);
      expect(m.stderr()).toContain('nothing written');
      expect(m.files.has('out.json')).toBe(false);
      expect(m.stdout()).toBe('');
    }
  });

  it('reports truncated JSON with line and column; nothing written, --into untouched', async () => {
    const name = 'reddit-thread-truncated.json';
    const base = serializeBundle(exampleBundle());
    const m = memoryImportIo({ [name]: fixture(name), 'good.ndjson': fixture('reddit-dump-slice-bom-crlf.ndjson'), 'b.json': base });
    expect(await importCommand(['good.ndjson', name, '--into', 'b.json', '-o', 'b.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toMatch(/^reddit-thread-truncated\.json \(line \d+\): not valid JSON at line \d+, column \d+: .*cut off/);
    expect(m.stderr()).toContain('all or nothing');
    expect(m.text('b.json')).toBe(base);
    expect([...m.files.keys()].sort()).toEqual(['b.json', 'good.ndjson', name].sort());
  });

  it('names the line of a bad record when streaming', async () => {
    const good = new TextDecoder().decode(fixture('reddit-dump-slice-bom-crlf.ndjson'));
    const m = memoryImportIo({ 'd.ndjson': `${good}{"id": "x", "subreddit": "s", "body": \n` });
    expect(await importCommand(['d.ndjson', '-o', 'o.json'], m.io, deps({ streamThreshold: 0 }))).toBe(1);
    expect(m.stderr()).toMatch(/^d\.ndjson \(line \d+\): not valid JSON at line \d+, column \d+/);
    expect(m.files.has('o.json')).toBe(false);
  });

  it('streams a reddit dump to the same posts as the whole-file parser', async () => {
    const name = 'reddit-dump-slice-bom-crlf.ndjson';
    const texts = async (streamThreshold: number) => {
      const m = memoryImportIo({ [name]: fixture(name) }, 3);
      expect(await importCommand([name, '-o', 'o.json'], m.io, deps({ streamThreshold }))).toBe(0);
      return { bundle: bundleOf(m.text('o.json')), stdout: m.stdout() };
    };
    const whole = await texts(Number.POSITIVE_INFINITY);
    const streamed = await texts(0);
    expect(streamed.bundle).toEqual(whole.bundle);
    expect(streamed.stdout).toBe(whole.stdout);
  });

  it('names the file when it is missing, empty or of no known format', async () => {
    const m = memoryImportIo({ 'empty.json': '', 'odd.txt': '\u0001\u0002binary' });
    expect(await importCommand(['nope.json', 'empty.json', 'odd.txt', '-o', 'o.json'], m.io, deps())).toBe(1);
    const lines = m.stderr().split('\n');
    expect(lines[0]).toBe('nope.json: cannot read the file: no such file or directory');
    expect(lines[1]).toBe('empty.json: the file is empty');
    expect(lines[2]).toMatch(/^odd\.txt: not a format Threadmark recognizes \(known: .*reddit-dump.*\); name one with --format$/);
    expect(m.files.has('o.json')).toBe(false);
  });

  it('--format overrides detection; a file of another kind is an error naming it', async () => {
    const m = memoryImportIo({ 'r.json': fixture('reddit-thread-escaped.json') });
    expect(await importCommand(['r.json', '--format', 'youtube', '-o', 'o.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toMatch(/^r\.json/);
    expect(m.files.has('o.json')).toBe(false);
  });

  it('lists the first 20 warnings, each naming its record, then how many more', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => JSON.stringify({ id: `c${i}`, subreddit: 's', link_id: `t3_t${i}`, parent_id: `t1_gone${i}`, body: 'b', author: 'a', created_utc: 1700000000 }));
    const m = memoryImportIo({ 'w.ndjson': `${lines.join('\n')}\n` });
    expect(await importCommand(['w.ndjson', '-o', 'o.json'], m.io, deps())).toBe(0);
    const out = m.stdout();
    expect(out).toMatch(/w\.ndjson: reddit-dump, 25 threads, 25 posts, 0 duplicates skipped, 50 warnings\n/);
    expect(out).toContain('50 warnings:\n  w.ndjson (line 1');
    expect(out.match(/^ {2}w\.ndjson \(line \d+/gm)).toHaveLength(20);
    expect(out).toMatch(/ {2}…and 30 more\n$/);
  });

  it('names the output path when it cannot be written', async () => {
    const m = memoryImportIo({ 'a.json': fixture('mastodon/statuses-with-boost.json') });
    expect(await importCommand(['a.json', '-o', '/readonly/x.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toBe('threadmark: cannot write /readonly/x.json: permission denied\n');
  });

  it('stops at an invalid --into bundle before parsing', async () => {
    const m = memoryImportIo({ 'a.json': fixture('mastodon/statuses-with-boost.json'), 'b.json': '{"format": "threadmark"' });
    expect(await importCommand(['a.json', '--into', 'b.json', '-o', 'o.json'], m.io, deps())).toBe(1);
    expect(m.stderr()).toMatch(/^b\.json: /);
    expect(m.files.has('o.json')).toBe(false);
  });

  it('passes --map to the CSV parser', async () => {
    const m = memoryImportIo({ 'a.csv': 'id,body,user_name\n1,hello there,ann\n2,hi back,ben\n' });
    expect(await importCommand(['a.csv', '--map', 'text=body,author=user_name', '-o', 'o.json'], m.io, deps())).toBe(0);
    const b = bundleOf(m.text('o.json'));
    expect(b.posts.map((p) => [p.author, p.text])).toEqual(expect.arrayContaining([['ann', 'hello there'], ['ben', 'hi back']]));
    expect(m.stdout()).toMatch(/^a\.csv: csv, /);
  });

  it('--map is a usage error when no file of the import takes it', async () => {
    const m = memoryImportIo({ 'a.json': fixture('mastodon/statuses-with-boost.json') });
    expect(await importCommand(['a.json', '--map', 'text=body', '-o', 'o.json'], m.io, deps())).toBe(2);
    expect(m.stderr()).toMatch(/^threadmark: --map was given but no file is of a format that takes it \(a\.json: mastodon\)/);
    expect(m.files.has('o.json')).toBe(false);
  });

  it.each([
    [['a', '-o', 'o.json', '--format', 'xml'], /^unknown format "xml" \(one of: (.*, )?reddit-thread, reddit-dump, .*youtube.*\)$/],
    [['a', '--map', 'nonsense=body', '-o', 'o.json'], /^--map: unknown field "nonsense"/],
    [['a', '--format', 'mastodon', '--map', 'text=body', '-o', 'o.json'], /^format "mastodon" takes no --map/],
    [['a'], /^missing -o <bundle\.threadmark\.json>$/],
    [['-o', 'o.json'], /^missing <files\.\.\.>$/],
    [['a', '-o', 'o.json', '--zip'], /^unknown option --zip$/],
  ])('%j is a usage error', async (argv, reason) => {
    const m = memoryImportIo({ a: '{}' });
    expect(await run(['import', ...argv], m.io)).toBe(2);
    const [first, usage] = m.stderr().split('\n');
    expect(first?.replace(/^threadmark: /, '')).toMatch(reason);
    expect(usage).toMatch(/^Usage: threadmark import <files\.\.\.> -o/);
    expect([...m.files.keys()]).toEqual(['a']);
  });

  it('--map is a usage error when no registered format takes one', async () => {
    const m = memoryImportIo({ a: 'x' });
    expect(await importCommand(['a', '--map', 'text=body', '-o', 'o.json'], m.io, deps({ mappingFormats: {} }))).toBe(2);
    expect(m.stderr()).toMatch(/^threadmark: no import format takes --map/);
  });
});

/**
 * Issue 14, "Small ones": lone surrogates outside post text and duplicate JSON keys were accepted
 * silently. Each is refused, or left out with a warning, naming the file and place.
 */
import { describe, expect, it } from 'vitest';

import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { serializeBundle } from '../bundle/serialize';
import { parseBundleText, validateBundle } from '../bundle/validate';
import { readDoccano } from '../exchange/doccano';
import { parseJson } from '../exchange/json-input';
import { formatProblem } from '../problem/problem';
import { assembleThreads } from './assemble-threads';
import { testDeps } from './files.test-helpers';
import { formatParsers } from './formats';
import { parseJsonText } from './json-problem';
import type { RawPost } from './raw-post';
import { memorySource } from './stream/byte-source';
import { readImportSource } from './stream/read-source';

describe('an unpaired surrogate in a name or an id', () => {
  it.each([
    ['a code name', (b: ReturnType<typeof exampleBundle>) => void (b.codes[1]!.name = 'Fals\uD800e'), 'codes[1] (id "k-equiv") name: unpaired surrogate U+D800 at UTF-16 index 4: not valid Unicode text'],
    ['a coder name', (b: ReturnType<typeof exampleBundle>) => void (b.coders[0]!.name = '\uDC00Ana'), 'coders[0] (id "u-ana") name: unpaired surrogate U+DC00 at UTF-16 index 0: not valid Unicode text'],
    ['a thread title', (b: ReturnType<typeof exampleBundle>) => void (b.threads[0]!.title = 'Vacc\uD83D'), 'threads[0] (id "t-1") title: unpaired surrogate U+D83D at UTF-16 index 4: not valid Unicode text'],
    ['a post author', (b: ReturnType<typeof exampleBundle>) => void (b.posts[0]!.author = 'x\uD800'), 'posts[0] (id "p-1") author: unpaired surrogate U+D800 at UTF-16 index 1: not valid Unicode text'],
    ['a code example', (b: ReturnType<typeof exampleBundle>) => void (b.codes[1]!.examples[1] = '\uDFFF'), 'codes[1] (id "k-equiv") examples.1: unpaired surrogate U+DFFF at UTF-16 index 0: not valid Unicode text'],
  ])('in %s is refused by the bundle check, naming record and field', (_label, spoil, expected) => {
    const bundle = exampleBundle();
    spoil(bundle);
    const result = validateBundle(JSON.parse(serializeBundle(bundle)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((p) => formatProblem(p))).toEqual([expected]);
  });

  it('in an id is refused too (and the id in the message stays readable)', () => {
    const bundle = exampleBundle();
    bundle.coders.push({ id: 'u-\uD800', name: 'Cy' });
    const result = validateBundle(JSON.parse(serializeBundle(bundle)));
    expect(!result.ok && result.error.map((p) => formatProblem(p))).toEqual(['coders[2] (id "u-\\ud800") id: unpaired surrogate U+D800 at UTF-16 index 2: not valid Unicode text']);
  });

  it('a valid bundle with emoji everywhere still passes', () => {
    const bundle = exampleBundle();
    bundle.codes[0]!.name = 'Fallacy 👩‍👩‍👧';
    expect(validateBundle(JSON.parse(serializeBundle(bundle))).ok).toBe(true);
  });

  it('in a thread file, a post whose id, parent id or variable is cut in half is left out with a warning', () => {
    const raw = (platformId: string, parentPlatformId: string | null, extra: Partial<RawPost> = {}): RawPost => ({ platform: 'reddit', platformId, parentPlatformId, threadKey: 'T', author: 'a', createdAt: null, text: 't', url: null, meta: {}, ...extra });
    for (const [bad, field] of [[raw('x\uD800', 'r'), 'platformId'], [raw('y', 'r', { meta: { flair: 'f\uDC00' } }), 'meta.flair'], [raw('z', 'r', { url: 'https://e.org/\uD800' }), 'url']] as const) {
      const result = assembleThreads([{ fileName: 'a.json', parsed: { format: 'test', posts: [raw('r', null), bad], warnings: [] } }], { hasPost: () => false }, testDeps());
      expect(result.warnings.map((w) => [w.file, w.field])).toEqual([['a.json', field]]);
      expect(result.warnings[0]!.message).toMatch(/unpaired surrogate at UTF-16 index \d+/);
      expect(result.posts.every((p) => !/[\uD800-\uDFFF]/.test(p.platformId ?? ''))).toBe(true);
    }
  });
});

describe('a JSON object that gives one key twice', () => {
  it('a bundle is refused, naming line and column', () => {
    const text = serializeBundle(exampleBundle()).replace('"name": "Ana"', '"name": "Ana", "name": "Eve"');
    expect(JSON.parse(text)).toBeTruthy();
    const result = parseBundleText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.slice(0, text.indexOf('"name": "Eve"')).split('\n').length;
    const column = text.indexOf('"name": "Eve"') - text.lastIndexOf('\n', text.indexOf('"name": "Eve"'));
    expect(result.error).toEqual([{ record: 'bundle', message: `not accepted as JSON: the key "name" appears twice in one object (line ${line}, column ${column}); readers disagree on which one counts, so the file is refused` }]);
  });

  it('a thread file and an NDJSON line name the file and the line', async () => {
    expect(parseJsonText('{"kind": "t1",\n "kind": "t3"}', 'thread.json')).toEqual({ ok: false, error: { file: 'thread.json', line: 2, message: 'the key "kind" appears twice in one object (line 2, column 2); readers disagree on which one counts, so the file is refused' } });
    const ndjson = '{"id": "e01", "name": "t3_e01", "title": "T", "selftext": "", "author": "op", "created_utc": 1600000000, "subreddit": "uk"}\n{"id": "e02", "id": "e03", "parent_id": "t3_e01", "link_id": "t3_e01", "author": "x", "body": "b", "created_utc": 1600000001, "subreddit": "uk"}\n';
    const read = await readImportSource(memorySource('dump.ndjson', ndjson), { parsers: formatParsers, forced: null, mapping: null, streamThreshold: 0 });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error[0]).toMatchObject({ file: 'dump.ndjson', line: 2, message: expect.stringContaining('the key "id" appears twice in one object (line 2,') as string });
  });

  it('annotation files (Web Annotation, Label Studio, doccano) the same', () => {
    expect(parseJson('{"a": 1, "a": 2}', 'labels.json')).toMatchObject({ ok: false, error: { file: 'labels.json', line: 1 } });
    const doccano = readDoccano('{"text": "x", "label": []}\n{"text": "y", "text": "z", "label": []}\n', 'd.jsonl');
    expect(doccano.ok).toBe(false);
    if (!doccano.ok) expect(doccano.error[0]).toMatchObject({ file: 'd.jsonl', line: 2, message: expect.stringContaining('"text" appears twice') as string });
  });
});

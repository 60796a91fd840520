import type { Problem } from '../problem/problem';
import { describe, expect, it } from 'vitest';

import { exampleBundle, exampleBundleJson } from './fixtures.test-helpers';
import { formatProblem, parseBundleText, validateBundle } from './validate';

function problemsOf(input: unknown): string[] {
  const result = validateBundle(input);
  if (result.ok) throw new Error('expected problems, got a valid bundle');
  return result.error.map(formatProblem);
}

describe('validateBundle', () => {
  it('accepts the example bundle and returns it unchanged', () => {
    const result = validateBundle(exampleBundleJson());
    expect(result).toEqual({ ok: true, value: exampleBundle() });
  });

  it('checks assignments: a known coder and known posts', () => {
    const b = exampleBundleJson();
    b.assignments = [{ id: 'as-1', coderId: 'u-nobody', postIds: ['p-1', 'p-gone'], source: 'file' }];
    expect(problemsOf(b)).toEqual(['assignments[0] (id "as-1") coderId: unknown coder "u-nobody"', 'assignments[0] (id "as-1") postIds.1: unknown post "p-gone"']);
  });

  it('rejects non-objects and foreign JSON with one problem', () => {
    expect(problemsOf([])).toEqual(['bundle: expected a JSON object, got an array']);
    expect(problemsOf({ threads: [] })).toEqual(['bundle format: not a Threadmark bundle: expected "threadmark", it is missing']);
    expect(problemsOf({ format: 'qdpx', formatVersion: 9 })).toHaveLength(1);
  });

  it('gives one clear problem for an unknown format version', () => {
    const newer = { ...exampleBundleJson(), formatVersion: 4, posts: 'changed shape' };
    expect(problemsOf(newer)).toEqual([
      'bundle formatVersion: format version 4 is newer than this version of Threadmark can read (3); update Threadmark',
    ]);
    expect(problemsOf({ ...exampleBundleJson(), formatVersion: '1' })).toEqual([
      'bundle formatVersion: unknown format version "1"; this version of Threadmark reads versions 1 to 3',
    ]);
  });

  it('ignores unknown top-level keys and drops them from the result', () => {
    const result = validateBundle({ ...exampleBundleJson(), sketches: [{ id: 'm' }], futureThing: 1 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.value)).not.toContain('futureThing');
  });

  it('reports unknown fields inside records', () => {
    const b = exampleBundleJson();
    Object.assign(b.coders[0]!, { colour: 'red' });
    expect(problemsOf(b)).toEqual(['coders[0] (id "u-ana") colour: unknown field (not part of bundle format version 3)']);
  });

  it('reports every shape problem, naming record and field', () => {
    const b = exampleBundleJson();
    const post = b.posts[1] as unknown as Record<string, unknown>;
    delete post.author;
    post.createdAt = '1 May 2024';
    post.meta = { score: { nested: true } };
    Object.assign(b.codes[0]!, { color: 'red' });
    Object.assign(b.threads[1]!, { platform: 'myspace' });
    Object.assign(b.codings[2]!, { start: 1.5 });
    delete (b as Record<string, unknown>).exportedAt;
    expect(problemsOf(b)).toEqual([
      'bundle exportedAt: missing',
      'threads[1] (id "t-2") platform: expected one of "threadmark", "reddit", "twitter", "mastodon", "bluesky", "youtube", "4cat", "csv", "text", got "myspace"',
      'posts[1] (id "p-2") author: missing (expected a string)',
      'posts[1] (id "p-2") createdAt: expected an ISO 8601 UTC time such as "2024-05-01T12:00:00Z"',
      'posts[1] (id "p-2") meta.score: expected a string, number, boolean or null',
      'codes[0] (id "k-fallacy") color: expected a colour written "#rrggbb"',
      'codings[2] (id "c-emoji") start: expected a whole number, got 1.5',
    ]);
  });

  it('reports missing or mistyped arrays and envelope parts', () => {
    const b = exampleBundleJson() as Record<string, unknown>;
    delete b.coders;
    b.project = 'mine';
    b.app = { name: 'Threadmark' };
    const problems = problemsOf(b);
    expect(problems).toContain('bundle coders: missing (expected an array)');
    expect(problems).toContain('bundle project: expected an object, got "mine"');
    expect(problems).toContain('app version: missing (expected a string)');
    // Coders are gone, so each coding's coder is unknown too.
    expect(problems).toContain('codings[0] (id "c-whole") coderId: unknown coder "u-ana"');
  });

  it('reports duplicate ids in each array', () => {
    const b = exampleBundleJson();
    b.coders.push({ id: 'u-ana', name: 'Other Ana' });
    b.codings[3]!.id = 'c-whole';
    expect(problemsOf(b)).toEqual([
      'coders[2] (id "u-ana") id: duplicate id (also used by coders[0] (id "u-ana"))',
      'codings[3] (id "c-whole") id: duplicate id (also used by codings[0] (id "c-whole"))',
    ]);
  });

  it('reports unknown references of every kind', () => {
    const b = exampleBundleJson();
    b.threads[0]!.rootPostId = 'p-404';
    b.threads[1]!.rootPostId = 'p-2'; // exists, but in thread t-1
    b.posts[1]!.threadId = 't-9';
    b.posts[2]!.parentId = 'p-1'; // other thread
    b.codes[1]!.parentId = 'k-none';
    Object.assign(b.codings[0]!, { postId: 'p-x', codeId: 'k-x', coderId: 'u-x' });
    expect(problemsOf(b)).toEqual([
      'threads[0] (id "t-1") rootPostId: unknown post "p-404"',
      'threads[1] (id "t-2") rootPostId: post "p-2" belongs to thread "t-9"',
      'posts[1] (id "p-2") threadId: unknown thread "t-9"',
      'posts[1] (id "p-2") parentId: parent post "p-1" is in thread "t-1", not "t-9"',
      'posts[2] (id "p-3") parentId: parent post "p-1" is in thread "t-1", not "t-2"',
      'codes[1] (id "k-equiv") parentId: unknown code "k-none"',
      'codings[0] (id "c-whole") postId: unknown post "p-x"',
      'codings[0] (id "c-whole") codeId: unknown code "k-x"',
      'codings[0] (id "c-whole") coderId: unknown coder "u-x"',
    ]);
  });

  it('reports each loop in the code tree and in reply chains once', () => {
    const b = exampleBundleJson();
    b.codes[0]!.parentId = 'k-equiv'; // k-fallacy ⇄ k-equiv
    b.codes[2]!.parentId = 'k-derail';
    b.posts[0]!.parentId = 'p-2';
    expect(problemsOf(b)).toEqual([
      'posts[0] (id "p-1") parentId: reply chain loops: "p-1" → "p-2" → "p-1"',
      'codes[0] (id "k-fallacy") parentId: code tree loops: "k-fallacy" → "k-equiv" → "k-fallacy"',
      'codes[2] (id "k-derail") parentId: code tree loops: "k-derail" → "k-derail"',
    ]);
  });

  it('checks offsets in code points against the post text', () => {
    const b = exampleBundleJson();
    Object.assign(b.codings[2]!, { start: 33, end: 35 }); // root text is 34 code points
    Object.assign(b.codings[1]!, { start: 26, end: 26 });
    Object.assign(b.codings[4]!, { start: -1 });
    expect(problemsOf(b)).toEqual([
      'codings[1] (id "c-family") end: end 26 must be greater than start 26 (a coding covers at least one character)',
      'codings[2] (id "c-emoji") end: offset 35 is outside the post text (length 34)',
      'codings[4] (id "c-mark") start: must not be negative',
    ]);
  });

  it('rejects post text with an unpaired surrogate (docs/reliability.md, "Encodings and broken text"), naming post and field', () => {
    const b = exampleBundleJson();
    const post = b.posts[0]!;
    post.text = `${post.text}\ud800`;
    expect(problemsOf(b)).toContain(
      `posts[0] (id "${post.id}") text: unpaired surrogate U+D800 at UTF-16 index ${post.text.length - 1}: not valid Unicode text`,
    );
  });

  it('accepts a whole-post coding ending exactly at the text length', () => {
    const b = exampleBundleJson();
    expect(b.codings[0]!.end).toBe(71);
    expect(validateBundle(b).ok).toBe(true);
  });

  it('rejects a quote that is the UTF-16 slice instead of the code point slice', () => {
    const b = exampleBundleJson();
    const text = b.posts[1]!.text;
    b.codings[1]!.quote = text.slice(21, 26); // UTF-16 units: half the family
    const [problem] = problemsOf(b);
    expect(problem).toMatch(/^codings\[1\] \(id "c-family"\) quote: ".*" does not match the post text at \[21, 26\), which is "👩‍👩‍👧"$/u);
  });

  it('fills a missing code order with the array index', () => {
    const b = exampleBundleJson();
    delete (b.codes[2] as Partial<(typeof b.codes)[number]>).order;
    const result = validateBundle(b);
    expect(result.ok && result.value.codes[2]!.order).toBe(2);
  });

  it('puts every message on one line', () => {
    const p: Problem = { record: 'bundle', message: 'a\r\nb' };
    expect(formatProblem(p)).toBe('bundle: a b');
  });
});

describe('parseBundleText', () => {
  const text = JSON.stringify(exampleBundle(), null, 2);

  it('accepts a leading BOM', () => {
    expect(parseBundleText(`\ufeff${text}`).ok).toBe(true);
  });

  it('names line and column of a JSON syntax error', () => {
    const broken = text.replace('"title": "Vaccines",', '"title": "Vaccines",,');
    const line = broken.split('\n').findIndex((l) => l.includes(',,')) + 1;
    const column = broken.split('\n')[line - 1]!.indexOf(',,') + 2;
    expect(parseBundleText(broken)).toEqual({
      ok: false,
      error: [{ record: 'bundle', message: `not valid JSON: line ${line}, column ${column}: expected a property name in double quotes, found ","` }],
    });
  });

  it('reports an empty file and truncated JSON', () => {
    expect(parseBundleText('  \n')).toEqual({ ok: false, error: [{ record: 'bundle', message: 'the file is empty' }] });
    const truncated = parseBundleText('{\r\n  "format": "threadmark",\r\n  "posts": [');
    expect(truncated.ok || truncated.error[0]!.message).toBe('not valid JSON: line 3, column 13: expected a value, found end of input');
  });
});

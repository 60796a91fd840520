import { describe, expect, it } from 'vitest';

import type { Bundle } from './bundle';
import { exampleBundle, REPLY_TEXT } from './fixtures.test-helpers';
import { serializeBundle } from './serialize';
import { parseBundleText } from './validate';

function reimport(text: string): Bundle {
  const result = parseBundleText(text);
  if (!result.ok) throw new Error(result.error.map((p) => p.message).join('\n'));
  return result.value;
}

describe('serializeBundle', () => {
  it('writes 2-space JSON with a trailing newline, envelope keys in documented order', () => {
    const text = serializeBundle(exampleBundle());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "threadmark",\n  "formatVersion": 3,\n  "exportedAt"')).toBe(true);
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual([
      'format',
      'formatVersion',
      'exportedAt',
      'app',
      'project',
      'threads',
      'posts',
      'codes',
      'coders',
      'codings',
      'codebookVersions',
      'assignments',
      'journal',
    ]);
  });

  it('writes the structured code fields in documented order, in codes, change log and versions', () => {
    const written = JSON.parse(serializeBundle(exampleBundle())) as Bundle;
    const codeKeys = ['id', 'name', 'parentId', 'color', 'order', 'definition', 'inclusion', 'exclusion', 'examples', 'exemplarCodingIds', 'shortcut', 'codable', 'retired'];
    expect(Object.keys(written.codes[0]!)).toEqual(codeKeys);
    const entry = written.journal![0]!;
    expect(Object.keys(entry)).toEqual(['id', 'seq', 'at', 'actorId', 'actorName', 'operation', 'summary', 'reverts', 'addedPosts', 'changes']);
    expect(Object.keys(entry.changes[0]!)).toEqual(['table', 'id', 'before', 'after']);
    expect(Object.keys(entry.changes[0]!.after!)).toEqual(codeKeys);
    expect(Object.keys(written.codebookVersions![0]!)).toEqual(['id', 'name', 'createdAt', 'coderId', 'codes']);
    expect(Object.keys(written.codebookVersions![0]!.codes[0]!)).toEqual(codeKeys);
  });

  it('writes an empty journal and versions for a bundle built without them', () => {
    const { journal, codebookVersions, ...rest } = exampleBundle();
    void journal;
    void codebookVersions;
    const written = JSON.parse(serializeBundle(rest)) as Bundle;
    expect(written.journal).toEqual([]);
    expect(written.codebookVersions).toEqual([]);
  });

  it('does not depend on the key order of the objects it is given', () => {
    const b = exampleBundle();
    const shuffled = JSON.parse(JSON.stringify(b), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as Bundle;
    expect(serializeBundle(shuffled)).toBe(serializeBundle(b));
  });

  it('writes record fields in documented order and drops fields outside the format', () => {
    const b = exampleBundle();
    const withExtra = { ...b, codings: b.codings.map((c) => ({ ...c, threadId: 't-1' })) };
    const written = JSON.parse(serializeBundle(withExtra)) as Bundle;
    expect(Object.keys(written.codings[0]!)).toEqual(['id', 'postId', 'codeId', 'coderId', 'start', 'end', 'quote', 'memo', 'createdAt', 'updatedAt']);
    expect(Object.keys(written.posts[1]!.meta)).toEqual(['deleted', 'flair', 'lang', 'score']);
  });

  it('round-trips through parseBundleText, keeping emoji, ZWJ sequences and combining marks', () => {
    const b = exampleBundle();
    const back = reimport(serializeBundle(b));
    expect(back).toEqual(b);
    expect(back.posts[1]!.text).toBe(REPLY_TEXT);
    expect(back.codings[1]!.quote).toBe('👩‍👩‍👧');
    expect(back.codings[4]!.quote).toBe('q\u0301');
  });

  it('gives byte-identical output for export → import → export', () => {
    const b = exampleBundle();
    b.codes[0]!.exemplarCodingIds = ['c-mark', 'c-emoji'];
    const first = serializeBundle(b);
    const second = serializeBundle(reimport(first));
    expect(second).toBe(first);
  });

  it('writes a lone surrogate as an escape rather than corrupting it, and reading refuses it by name (issue 14)', () => {
    const b = exampleBundle();
    b.posts[0]!.author = 'bad\ud800name';
    const text = serializeBundle(b);
    expect(text).toContain('"bad\\ud800name"');
    const read = parseBundleText(text);
    expect(!read.ok && read.error.map((p) => `${p.record} ${p.field}`)).toEqual(['posts[0] (id "p-1") author']);
  });
});

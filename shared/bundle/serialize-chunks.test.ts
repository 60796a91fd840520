import { describe, expect, it } from 'vitest';

import type { Post } from '../model/records';
import type { Bundle } from './bundle';
import { exampleBundle } from './fixtures.test-helpers';
import { serializeBundle } from './serialize';
import { serializeBundleChunksFrom, type RecordBatches } from './serialize-chunks';

async function joined(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** The records cut into uneven batches (empty ones too), handed out one at a time and asynchronously. */
function batchesOf(records: readonly unknown[], sizes: readonly number[]): () => RecordBatches {
  return async function* () {
    let at = 0;
    for (let k = 0; at < records.length; k++) {
      const size = sizes[k % sizes.length]!;
      yield records.slice(at, at + size);
      at += size;
    }
    yield [];
  };
}

function bigBundle(): Bundle {
  const base = exampleBundle();
  const template = base.posts[1]!;
  const posts: Post[] = Array.from({ length: 5_003 }, (_, i) => ({ ...template, id: `p${i}`, text: `"posts": [\n  ] ${i} 👩‍👩‍👧`, meta: { z: i, a: '\n  ]', deleted: i % 2 === 0 } }));
  return { ...base, posts: [...base.posts, ...posts] };
}

describe('serializeBundleChunksFrom', () => {
  it('writes serializeBundle bytes from record batches of any size, sync or async', async () => {
    for (const bundle of [exampleBundle(), bigBundle()]) {
      const sources = {
        threads: () => [bundle.threads],
        posts: batchesOf(bundle.posts, [1, 0, 2_500, 7]),
        codings: batchesOf(bundle.codings, [1]),
        journal: batchesOf(bundle.journal ?? [], [3, 0]),
      };
      // The head's own arrays are ignored where a source is given.
      const head = { ...bundle, posts: [], threads: [], codings: [], journal: [] };
      expect(await joined(serializeBundleChunksFrom(head, sources))).toBe(serializeBundle(bundle));
    }
  });

  it('writes meta keys sorted, a "__proto__" key as data, whatever order they were built in', async () => {
    const bundle = exampleBundle();
    const meta = JSON.parse('{"b": 1, "__proto__": "x", "a": null, "10": true, "2": 0}') as Post['meta'];
    const posts = [{ ...bundle.posts[0]!, meta }, { ...bundle.posts[1]!, meta: { z: 1, y: 'two' } }, ...bundle.posts.slice(2)];
    const text = await joined(serializeBundleChunksFrom(bundle, { posts: () => [posts] }));
    expect(text).toBe(serializeBundle({ ...bundle, posts }));
    const written = JSON.parse(text) as { posts: Post[] };
    expect(Object.keys(written.posts[0]!.meta)).toEqual(['2', '10', '__proto__', 'a', 'b']);
    expect(Object.getPrototypeOf(written.posts[0]!.meta)).toBe(Object.prototype);
    expect(Object.keys(written.posts[1]!.meta)).toEqual(['y', 'z']);
  });

  it('writes empty sources as empty arrays, and arrays without a source from the head', async () => {
    const bundle = exampleBundle();
    const empty = { ...bundle, posts: [], codings: [] };
    expect(await joined(serializeBundleChunksFrom(bundle, { posts: () => [], codings: () => [[], []] }))).toBe(serializeBundle(empty));
    expect(await joined(serializeBundleChunksFrom(bundle, {}))).toBe(serializeBundle(bundle));
  });
});

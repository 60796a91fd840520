import { describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import type { Post } from '@shared/model/records';

import { serializeBundleChunks } from './bundle-chunks';

const joined = (b: Bundle) => [...serializeBundleChunks(b)].join('');

describe('serializeBundleChunks', () => {
  it('gives serializeBundle bytes for a full bundle', () => {
    expect(joined(exampleBundle())).toBe(serializeBundle(exampleBundle()));
  });

  it('gives serializeBundle bytes with every array empty', () => {
    const b = { ...exampleBundle(), threads: [], posts: [], codes: [], coders: [], codings: [] };
    expect(joined(b)).toBe(serializeBundle(b));
  });

  it('gives serializeBundle bytes across batches, with nested meta and hostile strings', () => {
    const base = exampleBundle();
    const template = base.posts[1] as Post;
    const posts: Post[] = Array.from({ length: 4_321 }, (_, i) => ({
      ...template,
      id: `p${i}`,
      text: `"posts": [\n  ] ${i}`,
      meta: { z: i, a: `\n  ]`, deleted: i % 2 === 0 },
    }));
    const b = { ...base, project: { ...base.project, name: '"threads": []' }, posts, codings: [] };
    const chunks = [...serializeBundleChunks(b)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(serializeBundle(b));
  });
});

import { describe, expect, it } from 'vitest';

import type { Bundle } from '@shared/bundle/bundle';
import { exampleBundle } from '@shared/bundle/fixtures.test-helpers';
import { serializeBundle } from '@shared/bundle/serialize';
import type { Post } from '@shared/model/records';
import type { JournalEntry } from '@shared/project/journal-entry';

import { serializeBundleChunks } from './bundle-chunks';

const joined = (b: Bundle) => [...serializeBundleChunks(b)].join('');

describe('serializeBundleChunks', () => {
  it('gives serializeBundle bytes for a full bundle', () => {
    expect(joined(exampleBundle())).toBe(serializeBundle(exampleBundle()));
  });

  it('gives serializeBundle bytes with every array empty', () => {
    const b = { ...exampleBundle(), threads: [], posts: [], codes: [], coders: [], codings: [], codebookVersions: [], assignments: [], journal: [] };
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
    const journal: JournalEntry[] = Array.from({ length: 2_345 }, (_, i) => ({
      id: `e${i}`,
      seq: i + 1,
      at: base.exportedAt,
      actorId: 'threadmark-cli',
      actorName: '"journal": []',
      operation: 'threads.import',
      summary: `Imported\n  ] ${i}`,
      changes: [{ table: 'threads', id: `t${i}`, before: null, after: { ...base.threads[0]!, id: `t${i}` } }],
      addedPosts: [{ threadId: `t${i}`, postIds: [`p${i}`, `q${i}`] }],
      reverts: null,
    }));
    const b = { ...base, project: { ...base.project, name: '"threads": []' }, posts, codings: [], journal };
    const chunks = [...serializeBundleChunks(b)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toBe(serializeBundle(b));
  });
});

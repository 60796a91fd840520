import { describe, expect, it } from 'vitest';

import type { Problem } from '../problem/problem';
import { sliceCodePoints } from '../text/offsets';
import { bytesSource, checkBundleBounded } from './check-bundle-bounded';
import { exampleBundleJson } from './fixtures.test-helpers';
import { readBundleChunks, byteChunks } from './read-bundle-stream';

type Json = ReturnType<typeof exampleBundleJson>;

/** The example with its codings in their posts' order, as every Threadmark writes them. */
function canonical(): Json {
  const b = exampleBundleJson();
  const rank = new Map(b.posts.map((p, i) => [p.id, i]));
  b.codings.sort((x, y) => rank.get(x.postId)! - rank.get(y.postId)!);
  return b;
}

const bytesOf = (json: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`);

/** The bounded answer beside the whole read's, over the same bytes in small pieces (so records cross pieces). */
async function both(json: unknown, piece = 97): Promise<{ bounded: Problem[] | null; whole: Problem[] | null; readWhole: string | null }> {
  const bytes = bytesOf(json);
  let readWhole: string | null = null;
  const bounded = await checkBundleBounded(bytesSource(bytes, piece), null, (why) => (readWhole = why));
  const whole = await readBundleChunks(byteChunks(bytes, piece), null);
  return { bounded: bounded.ok ? null : bounded.error, whole: whole.ok ? null : whole.error, readWhole };
}

const BREAKS: Record<string, (b: Json) => void> = {
  'a quote that does not match': (b) => void (b.codings[0]!.quote = 'nope'),
  'an end past the text': (b) => void (b.codings[1]!.end = 999),
  'start after end': (b) => void Object.assign(b.codings[2]!, { start: 5, end: 3 }),
  'an unknown post, code and coder': (b) => void Object.assign(b.codings.at(-1)!, { postId: 'p-404', codeId: 'k-404', coderId: 'u-404' }),
  'a category-only code': (b) => void Object.assign(b.codes[0]!, { codable: false }),
  'an exemplar of another code': (b) => void (b.codes[2]!.exemplarCodingIds = [b.codings.find((c) => c.codeId !== 'k-derail')!.id, 'c-404']),
  'a root post in another thread': (b) => void (b.threads[1]!.rootPostId = 'p-1'),
  'a root post that is unknown': (b) => void (b.threads[0]!.rootPostId = 'p-0'),
  'a parent in another thread': (b) => void (b.posts[2]!.parentId = 'p-1'),
  'a parent listed later': (b) => void (b.posts[0]!.parentId = 'p-2'),
  'an unknown parent and thread': (b) => void Object.assign(b.posts[1]!, { parentId: 'p-0', threadId: 't-0' }),
  'a post that fails its shape (its codings are not checked against it)': (b) => void ((b.posts[1] as unknown as Record<string, unknown>).author = 7),
  'a coding that fails its shape': (b) => void ((b.codings[0] as unknown as Record<string, unknown>).start = '0'),
  'a lone surrogate in a text and a memo': (b) => {
    b.posts[0]!.text = `${b.posts[0]!.text}\uD800`;
    b.codings[3]!.memo = 'x\uDC00';
  },
  'a deleted post that keeps its text': (b) => void Object.assign(b.posts[2]!, { deletedOnPlatform: '2025-01-01T00:00:00.000Z' }),
  'a missing array and a wrong envelope': (b) => {
    delete (b as Record<string, unknown>).coders;
    b.exportedAt = 'yesterday';
  },
};

describe('checkBundleBounded', () => {
  it('reads a canonical bundle bounded: valid, with its counts', async () => {
    const bytes = bytesOf(canonical());
    const read = await checkBundleBounded(bytesSource(bytes, 64), null);
    expect(read.ok && read.value.readWhole).toBeNull();
    expect(read.ok && read.value.counts).toMatchObject({ threads: 2, posts: 3, codes: 3, coders: 2, codings: 5, journal: 1, assignments: 1 });
  });

  for (const [name, breakIt] of Object.entries(BREAKS)) {
    it(`gives the whole read's problems, bounded, for ${name}`, async () => {
      const b = canonical();
      breakIt(b);
      const { bounded, whole, readWhole } = await both(b);
      expect(whole).not.toBeNull();
      expect(bounded).toEqual(whole);
      expect(readWhole).toBeNull();
    });
  }

  it('finds a reply loop, named from its first post in the file', async () => {
    const b = canonical();
    b.posts[0]!.parentId = 'p-2';
    b.posts[1]!.parentId = 'p-1';
    const { bounded, whole } = await both(b);
    expect(bounded?.map((p) => p.message)).toContain('reply chain loops: "p-1" → "p-2" → "p-1"');
    expect(bounded).toEqual(whole);
  });

  it('reads whole, with the same answer, what it cannot answer bounded', async () => {
    const cases: Array<[string, Json]> = [];
    cases.push(['codings out of post order', exampleBundleJson()]);
    const repeated = canonical();
    repeated.posts.push({ ...repeated.posts[0]!, text: 'other' });
    cases.push(['a repeated post id', repeated]);
    const bad = exampleBundleJson();
    bad.codings[4]!.quote = 'nope';
    cases.push(['out of order and a wrong quote', bad]);
    for (const [name, json] of cases) {
      const bytes = bytesOf(json);
      let readWhole: string | null = null;
      const bounded = await checkBundleBounded(bytesSource(bytes, 50), null, (why) => (readWhole = why));
      const whole = await readBundleChunks(byteChunks(bytes, 50), null);
      expect(bounded.ok ? null : bounded.error, name).toEqual(whole.ok ? null : whole.error);
      expect(readWhole, name).not.toBeNull();
    }
  });

  it('reads whole a compact file (not the canonical layout), with the same answer', async () => {
    const b = canonical();
    b.codings[0]!.quote = sliceCodePoints('x', 0, 1);
    const bytes = new TextEncoder().encode(JSON.stringify(b));
    const bounded = await checkBundleBounded(bytesSource(bytes, 40), null);
    const whole = await readBundleChunks(byteChunks(bytes, 40), null);
    expect(bounded.ok ? null : bounded.error).toEqual(whole.ok ? null : whole.error);
  });

  it('refuses a file that is not JSON where the codings are, as the whole read does', async () => {
    const text = new TextDecoder().decode(bytesOf(canonical())).replace('"c-emoji",', '"c-emoji" oops,');
    const bytes = new TextEncoder().encode(text);
    const bounded = await checkBundleBounded(bytesSource(bytes, 64), null);
    const whole = await readBundleChunks(byteChunks(bytes, 64), null);
    expect(bounded.ok).toBe(false);
    expect(bounded.ok ? null : bounded.error).toEqual(whole.ok ? null : whole.error);
  });
});

/**
 * A seeded random project for retrieval tests: a small code tree, three coders, several threads on
 * two platforms over three months, and codings that overlap, touch and lie apart.
 */
import { serializeBundle } from '../../bundle/serialize';
import { bundleFromStore } from '../../project/bundle-store';
import { code, T0 } from '../../project/testing/core-fixtures.test-helpers';
import { MemoryProjectStore } from '../../project/memory-store';
import { sliceCodePoints } from '../../text/offsets';
import type { Code, Coding, Platform, Post, Thread } from '../../model/records';

export const CODERS = [
  { id: 'coder-ada', name: 'Ada' },
  { id: 'coder-ben', name: 'Ben' },
  { id: 'coder-cem', name: 'Cem' },
];

/** Fallacy > (Ad hominem > Tu quoque, Strawman); Derailing; Irony. */
export const CODES: Code[] = [
  code('c-fallacy', 'Fallacy', { order: 0, codable: false }),
  code('c-adhom', 'Ad hominem', { parentId: 'c-fallacy', order: 0 }),
  code('c-tuq', 'Tu quoque', { parentId: 'c-adhom', order: 0 }),
  code('c-straw', 'Strawman', { parentId: 'c-fallacy', order: 1 }),
  code('c-derail', 'Derailing', { order: 1 }),
  code('c-irony', 'Irony', { order: 2 }),
];

const WORDS = ['why', 'not', 'they', 'said', 'über', 'so', 'what', '👩‍👩‍👧', 'too', 'you', 'never', 'always', 'mean', 'again'];

/** Mulberry32: a tiny seeded generator, so a failing case is the same case on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomProject {
  threads: Thread[];
  posts: Post[];
  codings: Coding[];
  store: MemoryProjectStore;
}

export function randomProject(seed: number, { threads: threadCount = 4, postsPerThread = 6, codingsPerPost = 4 } = {}): RandomProject {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const threads: Thread[] = [];
  const posts: Post[] = [];
  const codings: Coding[] = [];
  const codable = CODES.filter((c) => c.codable);
  for (let t = 0; t < threadCount; t++) {
    const platform: Platform = t % 2 === 0 ? 'reddit' : 'mastodon';
    const threadId = `t-${t}`;
    threads.push({ id: threadId, title: `Thread ${t}`, platform, rootPostId: `p-${t}-0`, importedAt: `2025-0${1 + (threadCount - t) % 3}-01T00:00:00.000Z`, source: 'fixture' });
    for (let p = 0; p < postsPerThread; p++) {
      const id = `p-${t}-${p}`;
      const text = Array.from({ length: 8 + Math.floor(rnd() * 30) }, () => pick(WORDS)).join(' ');
      const month = 1 + Math.floor(rnd() * 3);
      const createdAt = rnd() < 0.1 ? null : `2025-0${month}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}T12:00:00.000Z`;
      posts.push({ id, threadId, parentId: p === 0 ? null : `p-${t}-0`, author: pick(['ana', 'bo', 'cy', 'di']), createdAt, text, platform, platformId: id, url: null, meta: {} });
      const length = [...text].length;
      const n = Math.floor(rnd() * (codingsPerPost + 1));
      for (let k = 0; k < n; k++) {
        const start = Math.floor(rnd() * (length - 1));
        const end = Math.min(length, start + 1 + Math.floor(rnd() * 25));
        codings.push({
          id: `k-${t}-${p}-${k}`,
          postId: id,
          threadId,
          codeId: pick(codable).id,
          coderId: pick(CODERS).id,
          start,
          end,
          quote: sliceCodePoints(text, start, end),
          memo: rnd() < 0.3 ? `memo ${k}` : '',
          createdAt: T0,
          updatedAt: T0,
        });
      }
    }
  }
  const store = new MemoryProjectStore({ project: { id: 'project-r', name: 'Random', createdAt: T0 }, threads, posts, codes: CODES, coders: CODERS, codings });
  return { threads, posts, codings, store };
}

/** The random project as bundle text, as the app exports it and the CLI reads it. */
export async function randomBundleText(seed: number, size?: Parameters<typeof randomProject>[1]): Promise<string> {
  const { store } = randomProject(seed, size);
  const bundle = await bundleFromStore(store, { exportedAt: T0, app: { name: 'Threadmark', version: 'test' } });
  if (!bundle.ok) throw new Error(bundle.error.message);
  return serializeBundle(bundle.value);
}

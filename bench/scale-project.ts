/**
 * The scale bench's project (issue 15): 1,000 threads, thread 0 holding the largest share (10 % of
 * the posts, up to 100,000), replies hanging off the previous post (deep) or any earlier one (wide);
 * 20 % of posts coded by two coders; emoji and one long post in 200. Seeded: the same records every
 * run. Yielded a thread at a time, so the Chromium page can write a million posts into IndexedDB
 * without holding them all (bench/scale-page); bench/scale.ts collects them into one bundle.
 */
import { mulberry32 } from '@shared/agreement/seeded-random';
import type { BundleCoding } from '@shared/bundle/bundle';
import { EMPTY_CODE_FIELDS, type Code, type Coder, type Post, type Thread } from '@shared/model/records';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';

export const SCALE_T0 = '2025-05-01T12:00:00.000Z';
export const SCALE_THREADS = 1_000;
export const SCALE_CODED_SHARE = 0.2;

const WORDS = ['the', 'men', 'victims', 'what', 'about', 'families', 'claim', 'because', 'evidence', 'source?', 'lol', '🙂', '👩‍👩‍👧', 'Ünïcode', '"quoted"', 'a,b'];

export const SCALE_CODERS: Coder[] = [
  { id: 'ada', name: 'Ada' },
  { id: 'ben', name: 'Ben' },
];

export const SCALE_CODES: Code[] = Array.from({ length: 12 }, (_, k) => ({ id: `k${k}`, name: `Code ${k}`, parentId: k < 4 ? null : `k${k % 4}`, color: '#336699', order: k, ...EMPTY_CODE_FIELDS }));

/** The largest thread's post count at this size. */
export const largestThreadSize = (postCount: number): number => Math.min(100_000, Math.floor(postCount / 10));

export interface ScaleThread {
  thread: Thread;
  posts: Post[];
  codings: BundleCoding[];
}

/** The project's threads in order, each with its posts (reading order) and codings. */
export function* scaleThreads(postCount: number): Generator<ScaleThread> {
  const random = mulberry32(1515);
  const largest = largestThreadSize(postCount);
  const rest = Math.floor((postCount - largest) / (SCALE_THREADS - 1));
  let n = 0;
  let codingCount = 0;
  for (let t = 0; t < SCALE_THREADS; t++) {
    const size = t === 0 ? largest : t === SCALE_THREADS - 1 ? postCount - largest - rest * (SCALE_THREADS - 2) : rest;
    const first = n;
    const thread: Thread = { id: `t${t}`, title: `Thread ${t} 🙂`, platform: 'reddit', rootPostId: `p${first}`, importedAt: SCALE_T0, source: 'bench' };
    const posts: Post[] = [];
    const codings: BundleCoding[] = [];
    for (let i = 0; i < size; i++, n++) {
      const words: string[] = [];
      for (let w = n % 200 === 3 ? 1500 : 15 + Math.floor(random() * 40); w > 0; w--) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
      const parentId = i === 0 ? null : random() < 0.5 ? `p${n - 1}` : `p${first + Math.floor(random() * i)}`;
      const text = words.join(' ');
      posts.push({ id: `p${n}`, threadId: thread.id, parentId, author: `u${n % 4_999}`, createdAt: SCALE_T0, text, platform: 'reddit', platformId: `${n}`, url: null, meta: {} });
      if (random() >= SCALE_CODED_SHARE) continue;
      const length = codePointLength(text);
      const code = SCALE_CODES[Math.floor(random() * SCALE_CODES.length)]!.id;
      const start = Math.floor(random() * (length - 1));
      for (const coder of SCALE_CODERS) {
        const s = Math.min(length - 1, start + Math.floor(random() * 3));
        const e = Math.min(length, s + 1 + Math.floor(random() * 60));
        codings.push({ id: `c${codingCount++}`, postId: `p${n}`, codeId: code, coderId: coder.id, start: s, end: e, quote: sliceCodePoints(text, s, e), memo: '', createdAt: SCALE_T0, updatedAt: SCALE_T0 });
      }
    }
    yield { thread, posts, codings };
  }
}

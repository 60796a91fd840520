/**
 * A deterministic synthetic thread for the benchmark: N posts of ~300 characters of generated
 * words in a reply tree, with two codings per post, overlapping on odd posts (the shape measured in
 * docs/editor.md, "Per-post editors in a virtualized list").
 * Pure: no DOM, no React, no Lexical, so generation stays out of every timing.
 */
import type { Post } from '@shared/model/records';

import type { MarkSpan } from '../../renderer/editor/post-content';

export interface GeneratedThread {
  title: string;
  posts: Post[];
  spansByPost: Map<string, readonly MarkSpan[]>;
  /** Reply depth statistics of the generated tree (for the report). */
  depth: { max: number; median: number; p90: number };
  codingCount: number;
}

/** mulberry32: small, fast, deterministic. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of to and in that is was for on it with as he she they be at by this had not but from or have an ' +
  'are which one you were her all their there been has when who will more no if out so said what up its about ' +
  'into than them can only other new some could time these two may then do first any my now such like our over ' +
  'man me even most made after also did many before must through back years where much your way well down should ' +
  'because each just those people how too little state good very make world still own see men work long get here ' +
  'between both life being under never day same another know while last might us great old year off come since ' +
  'against go came right used take three government policy vaccine climate election evidence source claim study ' +
  'report media council housing rent wages school teacher hospital budget police court protest ' +
  'honestly literally basically apparently actually seriously obviously'
).split(' ');

const AUTHORS = Array.from({ length: 400 }, (_, i) => `user_${(i * 7919).toString(36)}`);

/** Eight code colours, as a small codebook would have. */
export const CODE_COLORS = ['#e4572e', '#29335c', '#f3a712', '#669bbc', '#a8c686', '#8e44ad', '#d1495b', '#00798c'];

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T;
}

function generateText(random: () => number, target: number): string {
  const words: string[] = [];
  let length = 0;
  let sentenceStart = true;
  while (length < target) {
    let word = pick(WORDS, random);
    if (sentenceStart) word = word.charAt(0).toUpperCase() + word.slice(1);
    sentenceStart = random() < 0.1;
    if (sentenceStart) word += random() < 0.2 ? '?' : '.';
    else if (random() < 0.05) word += ',';
    words.push(word);
    length += word.length + 1;
  }
  let text = words.join(' ');
  if (!/[.?]$/.test(text)) text += '.';
  return text;
}

/**
 * Reply structure: 30% of posts answer the root (top-level comments), the rest answer a random
 * post among the previous 50. (Pure "last 50" gives median depth ~190 at N=10,000, which no real
 * thread has and which squeezes the text column to zero width in both views.)
 */
export function generateThread(n: number, seed = 20240611): GeneratedThread {
  const random = createRandom(seed);
  const posts: Post[] = [];
  const spansByPost = new Map<string, readonly MarkSpan[]>();
  const depths: number[] = [];
  const baseTime = Date.UTC(2024, 0, 15, 9, 0, 0);
  let codingCount = 0;

  for (let i = 0; i < n; i++) {
    const id = `p${String(i).padStart(6, '0')}`;
    let parentIndex: number | null = null;
    if (i > 0) {
      parentIndex = random() < 0.3 ? 0 : i - 1 - Math.floor(random() * Math.min(50, i));
    }
    const parent = parentIndex === null ? undefined : posts[parentIndex];
    depths.push(parentIndex === null ? 0 : (depths[parentIndex] ?? 0) + 1);

    let text = generateText(random, 270 + Math.floor(random() * 60));
    // Every 8th post has two paragraphs (LF only: text is normalized at import).
    if (i % 8 === 5) {
      const cut = text.indexOf(' ', Math.floor(text.length / 2));
      if (cut > 0) text = `${text.slice(0, cut)}\n\n${text.slice(cut + 1)}`;
    }

    posts.push({
      id,
      threadId: 'bench-thread',
      parentId: parent ? parent.id : null,
      author: pick(AUTHORS, random),
      createdAt: new Date(baseTime + i * 47_000).toISOString(),
      text,
      platform: 'reddit',
      platformId: `t1_${i.toString(36)}`,
      url: null,
      meta: { score: Math.floor(random() * 500) - 20 },
    });

    // Two codings per post; on odd posts the second overlaps the first.
    const len = text.length;
    const firstStart = Math.floor(random() * (len * 0.3));
    const firstEnd = Math.min(len, firstStart + 30 + Math.floor(random() * 60));
    const secondStart =
      i % 2 === 1
        ? firstStart + Math.floor((firstEnd - firstStart) / 2)
        : Math.min(len - 1, firstEnd + 10 + Math.floor(random() * 40));
    const secondEnd = Math.min(len, secondStart + 30 + Math.floor(random() * 60));
    const spans: MarkSpan[] = [
      { id: `${id}-c1`, start: firstStart, end: firstEnd, color: pick(CODE_COLORS, random) },
      { id: `${id}-c2`, start: secondStart, end: secondEnd, color: pick(CODE_COLORS, random) },
    ];
    spansByPost.set(id, spans);
    codingCount += spans.length;
  }

  const sorted = [...depths].sort((a, b) => a - b);
  return {
    title: `Benchmark thread (${n.toLocaleString('en-US')} posts)`,
    posts,
    spansByPost,
    depth: {
      max: sorted[sorted.length - 1] ?? 0,
      median: sorted[Math.floor(sorted.length / 2)] ?? 0,
      p90: sorted[Math.floor(sorted.length * 0.9)] ?? 0,
    },
    codingCount,
  };
}

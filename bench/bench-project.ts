/**
 * The generated project of the bundle benches: threads of 100 posts (replies to earlier posts of
 * the thread), one post in a hundred a few thousand characters long, emoji, quotes and JSON's own
 * characters in the text, 2 codings per post by 3 coders. Seeded, so every run has the same bytes.
 */
import { mulberry32 } from '@shared/agreement/seeded-random';
import type { Bundle, BundleCoding } from '@shared/bundle/bundle';
import { EMPTY_CODE_FIELDS, type Code, type Post, type Thread } from '@shared/model/records';
import { codePointLength, sliceCodePoints } from '@shared/text/offsets';

const T0 = '2025-05-01T12:00:00.000Z';
export const CODINGS_PER_POST = 2;
const POSTS_PER_THREAD = 100;

const WORDS = ['the', 'men', 'victims', 'what', 'about', 'families', 'false', 'equivalence', 'claim', 'because', 'evidence', 'source?', 'lol', '🙂', '👩‍👩‍👧', 'Ünïcode', '"quoted"', 'a,b', '{[x]}'];

export function benchProject(postCount: number): Bundle {
  const random = mulberry32(15);
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let i = 0; i < postCount; i++) {
    const t = Math.floor(i / POSTS_PER_THREAD);
    const first = t * POSTS_PER_THREAD;
    if (i === first) threads.push({ id: `t${t}`, title: `Thread ${t} 🙂`, platform: 'reddit', rootPostId: `p${i}`, importedAt: T0, source: 'bench' });
    const words: string[] = [];
    // One post in a hundred is long (a few thousand characters).
    for (let n = i % 100 === 7 ? 800 : 20 + Math.floor(random() * 30); n > 0; n--) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
    posts.push({ id: `p${i}`, threadId: `t${t}`, parentId: i === first ? null : `p${first + Math.floor(random() * (i - first))}`, author: `u${i % 997}`, createdAt: T0, text: words.join(' '), platform: 'reddit', platformId: `${i}`, url: null, meta: { score: i % 50, flair: i % 3 === 0 ? 'mod' : null } });
  }
  const codes: Code[] = Array.from({ length: 20 }, (_, k) => ({ id: `k${k}`, name: `Code ${k}`, parentId: k < 5 ? null : `k${k % 5}`, color: '#336699', order: k, ...EMPTY_CODE_FIELDS }));
  const coders = ['Ada', 'Ben', 'Cy'].map((name, i) => ({ id: `u${i}`, name }));
  const codings: BundleCoding[] = [];
  for (let c = 0; c < postCount * CODINGS_PER_POST; c++) {
    const post = posts[Math.floor(c / CODINGS_PER_POST)]!;
    const length = codePointLength(post.text);
    const start = Math.floor(random() * (length - 1));
    const end = Math.min(length, start + 1 + Math.floor(random() * 60));
    codings.push({ id: `c${c}`, postId: post.id, codeId: codes[Math.floor(random() * 20)]!.id, coderId: coders[c % 3]!.id, start, end, quote: sliceCodePoints(post.text, start, end), memo: c % 10 === 0 ? 'a memo' : '', createdAt: T0, updatedAt: T0 });
  }
  return { format: 'threadmark', formatVersion: 3, exportedAt: T0, app: { name: 'Threadmark', version: 'bench' }, project: { id: 'project', name: 'Bench', createdAt: T0 }, threads, posts, codes, coders, codings, codebookVersions: [] };
}


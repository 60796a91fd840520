/**
 * Small random projects from a seed, for checking every figure against a naive computation:
 * threads on two platforms, posts by a few authors over a few months (some without a time), a
 * codebook with a category and sub-codes, three coders, and codings that often overlap, also
 * with their own code.
 */
import { mulberry32 } from '../../agreement/seeded-random';
import { EMPTY_CODE_FIELDS, type Code, type Coder, type Coding, type Platform, type Post, type Thread } from '../../model/records';
import { MemoryProjectStore } from '../../project/memory-store';
import type { TableInput } from './table-input';

export interface RandomTableProject {
  threads: Thread[];
  posts: Post[];
  codes: Code[];
  coders: Coder[];
  codings: Coding[];
}

const T0 = '2025-01-01T00:00:00.000Z';
const AUTHORS = ['ada', 'ben', 'cem', '', 'Émile'];
const MONTHS = ['2024-11-03T10:00:00.000Z', '2025-01-31T23:59:59.000Z', '2025-02-01T00:00:00.000Z', null, '2025-04-30T23:59:59.999Z'];

const code = (id: string, name: string, parentId: string | null, order: number, codable = true): Code => ({ id, name, parentId, color: '#336699', order, ...EMPTY_CODE_FIELDS, codable });

export const RANDOM_CODES: Code[] = [
  code('k-claim', 'Claim', null, 0),
  code('k-fallacy', 'Fallacy', null, 1, false),
  code('k-what', 'Whataboutism', 'k-fallacy', 0),
  code('k-false', 'False equivalence', 'k-fallacy', 1),
  code('k-derail', 'Derailing', null, 2),
  code('k-unused', 'Unused', null, 3),
];
export const RANDOM_CODERS: Coder[] = [
  { id: 'c-ada', name: 'Ada' },
  { id: 'c-ben', name: 'Ben' },
  { id: 'c-cem', name: 'Cem' },
];

export function randomTableProject(seed: number, { threads: threadCount = 4, postsPerThread = 5, codings: codingCount = 40 } = {}): RandomTableProject {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const threads: Thread[] = [];
  const posts: Post[] = [];
  for (let t = 0; t < threadCount; t++) {
    const platform: Platform = t % 2 === 0 ? 'reddit' : 'mastodon';
    threads.push({ id: `t${t}`, title: `Thread ${String.fromCharCode(90 - t)}`, platform, rootPostId: `t${t}-p0`, importedAt: T0, source: 'test' });
    for (let p = 0; p < postsPerThread; p++) {
      const length = 10 + Math.floor(random() * 30);
      const text = Array.from({ length }, () => pick(['a', 'b', ' ', 'é', '🙂'])).join('');
      posts.push({ id: `t${t}-p${p}`, threadId: `t${t}`, parentId: p === 0 ? null : `t${t}-p0`, author: pick(AUTHORS), createdAt: pick(MONTHS), text, platform, platformId: `${t}-${p}`, url: null, meta: {} });
    }
  }
  const codable = RANDOM_CODES.filter((c) => c.codable && c.id !== 'k-unused');
  const codings: Coding[] = [];
  for (let i = 0; i < codingCount; i++) {
    const post = pick(posts);
    const length = [...post.text].length;
    const start = Math.floor(random() * (length - 1));
    const end = Math.min(length, start + 1 + Math.floor(random() * 12));
    codings.push({
      id: `g${i}`,
      postId: post.id,
      threadId: post.threadId,
      codeId: pick(codable).id,
      coderId: pick(RANDOM_CODERS).id,
      start,
      end,
      quote: [...post.text].slice(start, end).join(''),
      memo: '',
      createdAt: T0,
      updatedAt: T0,
    });
  }
  return { threads, posts, codes: RANDOM_CODES, coders: RANDOM_CODERS, codings };
}

export function tableInputOf(project: RandomTableProject): TableInput {
  return { ...project, posts: new Map(project.posts.map((p) => [p.id, { author: p.author, platform: p.platform, createdAt: p.createdAt }])) };
}

export function storeOf(project: RandomTableProject): MemoryProjectStore {
  return new MemoryProjectStore({ project: { id: 'p', name: 'Random', createdAt: T0 }, ...project });
}

/**
 * Deterministic synthetic disagreements for the adjudication bench: N (post, code) disagreements
 * among three coders over N/4 posts of ~250 characters, a quarter decided, a tenth proposed.
 * Pure: no DOM, no React, so generation stays out of every timing.
 */
import type { Code, Coding, Decision, Post } from '@shared/model/records';
import type { Disagreement } from '@shared/project/queries/disagreements';

import { CODE_COLORS, createRandom } from '../page/generate-thread';

export interface GeneratedDisagreements {
  disagreements: Disagreement[];
  posts: Map<string, Post>;
  codes: Code[];
}

const WORDS = 'the claim source study report vaccine climate election evidence policy people council housing rent wages school court protest honestly actually obviously media government'.split(' ');
const CODERS = [
  { id: 'u-ada', name: 'Ada' },
  { id: 'u-ben', name: 'Ben' },
  { id: 'u-cy', name: 'Cy' },
];
const AT = '2024-05-01T12:00:00.000Z';

export function generateDisagreements(n: number, seed: number): GeneratedDisagreements {
  const random = createRandom(seed);
  const codes: Code[] = CODE_COLORS.map((color, i) => ({
    id: `code-${i}`,
    name: ['Whataboutism', 'False equivalence', 'Ad hominem', 'Appeal to fear', 'Derailing', 'Sarcasm', 'Source cited', 'Personal story'][i] ?? `Code ${i}`,
    parentId: null,
    color,
    order: i,
    definition: '',
    inclusion: '',
    exclusion: '',
    examples: [],
    exemplarCodingIds: [],
    shortcut: String(i + 1),
    codable: true,
    retired: false,
  }));
  const posts = new Map<string, Post>();
  const disagreements: Disagreement[] = [];
  const postCount = Math.max(1, Math.ceil(n / 4));
  for (let p = 0; p < postCount; p++) {
    const words: string[] = [];
    while (words.join(' ').length < 250) words.push(WORDS[Math.floor(random() * WORDS.length)] as string);
    const text = words.join(' ');
    const post: Post = {
      id: `post-${p}`,
      threadId: `thread-${Math.floor(p / 500)}`,
      parentId: p % 500 === 0 ? null : `post-${p - 1}`,
      author: `user_${(p * 7919).toString(36)}`,
      createdAt: AT,
      text,
      platform: 'reddit',
      platformId: null,
      url: null,
      meta: {},
    };
    posts.set(post.id, post);
  }
  for (let i = 0; i < n; i++) {
    const post = posts.get(`post-${Math.floor(i / 4)}`) as Post;
    const code = codes[i % codes.length] as Code;
    const id = `${post.id}|${code.id}`;
    const coders = CODERS.map((coder, c) => {
      const applied = (i + c) % 3 !== 0;
      const start = Math.floor(random() * 100);
      const codings: Coding[] = applied
        ? [{ id: `${id}-${coder.id}`, postId: post.id, threadId: post.threadId, codeId: code.id, coderId: coder.id, start, end: start + 40 + c * 5, quote: '', memo: '', createdAt: AT, updatedAt: AT }]
        : [];
      return { coderId: coder.id, coderName: coder.name, codings, otherCodeIds: applied ? [] : [(codes[(i + 1) % codes.length] as Code).id] };
    });
    const roll = random();
    const decision: Decision | null =
      roll < 0.35
        ? {
            id,
            postId: post.id,
            codeId: code.id,
            roundId: 'round-1',
            outcome: roll < 0.25 ? 'accept' : 'none',
            acceptedCoderIds: roll < 0.25 ? ['u-ada'] : [],
            consensusCodingIds: [],
            memo: '',
            decidedBy: 'u-lead',
            decidedAt: AT,
            proposed: roll >= 0.25,
          }
        : null;
    disagreements.push({ id, postId: post.id, threadId: post.threadId, codeId: code.id, roundId: 'round-1', coders, decision });
  }
  return { disagreements, posts, codes };
}

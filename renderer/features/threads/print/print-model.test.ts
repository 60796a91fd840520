import { describe, expect, it } from 'vitest';

import type { Code, Coder, Coding, Post } from '@shared/model/records';
import { EMPTY_CODE_FIELDS } from '@shared/model/records';

import { printModel } from './print-model';

const post = (id: string, parentId: string | null, text: string): Post =>
  ({ id, threadId: 't', parentId, platformId: id, author: `author ${id}`, createdAt: null, text, meta: {} }) as unknown as Post;
const code = (id: string, name: string, color: string): Code => ({ ...EMPTY_CODE_FIELDS, id, name, color, parentId: null }) as unknown as Code;
const coding = (id: string, postId: string, codeId: string, start: number, end: number, text: string, memo = ''): Coding =>
  ({ id, postId, codeId, coderId: 'ann', start, end, quote: [...text].slice(start, end).join(''), memo }) as unknown as Coding;

describe('print model', () => {
  const posts = [post('root', null, 'Root 😀 text here'), post('r1', 'root', 'A reply'), post('r2', 'r1', 'A deeper reply'), post('r3', 'root', 'Second reply')];
  const codes = new Map([
    ['claim', code('claim', 'Claim', '#1f77b4')],
    ['tone', code('tone', 'Tone', '#ffe119')],
  ]);
  const coders = new Map<string, Coder>([['ann', { id: 'ann', name: 'Ann' } as Coder]]);

  it('prints every post in reply order with its depth, however many the screen shows', () => {
    const model = printModel(posts, new Map(), codes, coders);
    expect(model.map((p) => [p.post.id, p.depth])).toEqual([
      ['root', 0],
      ['r1', 1],
      ['r2', 2],
      ['r3', 1],
    ]);
    // Uncoded text is one plain piece, whole.
    expect(model.map((p) => p.pieces.map((x) => x.text).join(''))).toEqual(posts.map((p) => p.text));
  });

  it('cuts the text at coding boundaries in code points and numbers the codings by start, with memos', () => {
    const text = posts[0]!.text;
    // "😀 text" is code points 5–11 (the emoji is one code point, two UTF-16 units).
    const codings = [coding('c2', 'root', 'tone', 7, 16, text, 'sarcastic'), coding('c1', 'root', 'claim', 5, 11, text)];
    const [root] = printModel(posts, new Map([['root', codings]]), codes, coders);
    expect(root!.notes.map((n) => [n.n, n.path, n.quote, n.memo, n.coderName])).toEqual([
      [1, 'Claim', '😀 text', '', 'Ann'],
      [2, 'Tone', 'text here', 'sarcastic', 'Ann'],
    ]);
    expect(root!.pieces).toEqual([
      { text: 'Root ', colors: [], ends: [] },
      { text: '😀 ', colors: ['#1f77b4'], ends: [] },
      { text: 'text', colors: ['#ffe119', '#1f77b4'], ends: [1] },
      { text: ' here', colors: ['#ffe119'], ends: [2] },
    ]);
    expect(root!.pieces.map((p) => p.text).join('')).toBe(text);
  });
});

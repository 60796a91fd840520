/** A generated project for the .qdpx tests: emoji, ZWJ sequences, flags and skin tones in posts, CRLF in memos, GUID ids. */
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { EMPTY_CODE_FIELDS, type Post } from '../model/records';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import { derivedId } from '../util/derived-id';

const T0 = '2025-06-01T08:00:00.000Z';
const PIECES = ['Hello 👋🏽 world', 'family 👨‍👩‍👧‍👦 here', 'flag 🇩🇪 and 🏳️‍🌈', 'plain ascii text', 'facepalm 🤦🏼‍♀️ again', 'math 𝔸𝔹ℂ', 'ünïcödé é'];

export function generatedBundle(threadCount = 3, postsPerThread = 4): Bundle {
  const id = (...parts: string[]) => derivedId('gen', ...parts);
  const codes = ['Claim', 'Evidence', 'Emoji'].map((name, order) => ({ id: id('code', name), name, parentId: null, color: '#336699', order, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [] }));
  const coders = [{ id: id('coder', 'a'), name: 'Ana 👩🏾‍💻' }, { id: id('coder', 'b'), name: 'Bo' }];
  const threads = [];
  const posts: Post[] = [];
  const codings: BundleCoding[] = [];
  for (let t = 0; t < threadCount; t++) {
    const threadId = id('thread', String(t));
    const ids = Array.from({ length: postsPerThread }, (_, p) => id('post', String(t), String(p)));
    threads.push({ id: threadId, title: `Thread ${t} 🧵`, platform: 'reddit' as const, rootPostId: ids[0]!, importedAt: `2025-06-0${t + 1}T08:00:00.000Z`, source: 'gen.json' });
    ids.forEach((postId, p) => {
      const text = [PIECES[(t + p) % PIECES.length]!, PIECES[(t + p + 3) % PIECES.length]!].join(p % 2 === 0 ? '\n' : ' — ');
      posts.push({ id: postId, threadId, parentId: p === 0 ? null : ids[0]!, author: `user ${p} 🙂`, createdAt: p === 1 ? null : T0, text, platform: 'reddit', platformId: `r${t}_${p}`, url: null, meta: { score: p } });
      const length = codePointLength(text);
      const ranges: Array<[number, number]> = [[0, length], [6, Math.min(length, 14)], [length - 4, length]];
      ranges.forEach(([start, end], k) => {
        const coder = coders[(p + k) % 2]!;
        const coding = { id: id('coding', postId, String(k)), postId, codeId: codes[k]!.id, coderId: coder.id, start, end, quote: sliceCodePoints(text, start, end), memo: k === 1 ? `memo\r\nwith CRLF ✍️ ${p}` : '', createdAt: T0, updatedAt: T0 };
        codings.push(coding);
      });
    });
  }
  return { format: 'threadmark', formatVersion: 3, exportedAt: T0, app: { name: 'Threadmark', version: 'test' }, project: { id: id('project'), name: 'Generated 🧪', createdAt: T0 }, threads, posts, codes, coders, codings };
}

/** A generated project for the .qdpx tests: emoji, ZWJ sequences, flags and skin tones in posts, CRLF in memos, GUID ids. */
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { attributeValueId } from '../analysis/attributes/attribute-value';
import { EMPTY_CODE_FIELDS, type Attribute, type AttributeValue, type Memo, type Post, type Relation, type RelationCode } from '../model/records';
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

/**
 * The bundle with memos on the project, a thread, posts and a code (two coders, CRLF and emoji),
 * author and thread attributes of every type with values, and relations (whole posts and spans)
 * under two relation codes: what a .qdpx must carry beyond codings.
 */
export function withMemosAttributesRelations(bundle: Bundle): Bundle {
  const id = (...parts: string[]) => derivedId('extras', ...parts);
  const coders = bundle.coders.length >= 2 ? bundle.coders : [...bundle.coders, { id: id('coder', 'x'), name: 'Xu 🧑🏻‍🔬' }, { id: id('coder', 'y'), name: 'Yan' }].slice(0, 2);
  const [a, b] = [coders[0]!, coders[1]!];
  const postsOf = (threadId: string) => bundle.posts.filter((p) => p.threadId === threadId && p.text.length > 3);
  const thread = [...bundle.threads].sort((x, y) => postsOf(y.id).length - postsOf(x.id).length)[0]!;
  const threadPosts = postsOf(thread.id);
  const [p1, p2] = [threadPosts[0]!, threadPosts[1]!];
  const p3 = threadPosts[2] ?? p2;
  const T = '2025-07-01T09:30:00.000Z';
  const memo = (kind: Memo['target']['kind'], targetId: string, coderId: string, text: string): Memo => ({ id: derivedId('memo', kind, targetId, coderId), target: { kind, id: targetId }, coderId, text, createdAt: T, updatedAt: T });
  const memos = [
    memo('project', bundle.project.id, a.id, 'Project memo 📝\r\nsecond line'),
    memo('project', bundle.project.id, b.id, 'Another coder on the project'),
    memo('thread', thread.id, a.id, 'This thread escalates 👨‍👩‍👧'),
    memo('post', p1.id, a.id, 'A post memo'),
    memo('post', p1.id, b.id, 'Same post, other coder'),
    memo('code', bundle.codes.find((c) => c.codable)!.id, b.id, 'When to use this code'),
  ];
  const attributes: Attribute[] = [
    // An id that is not a GUID (as a counter makes): it goes out as a derived GUID and must come back.
    { id: 'attr-role', scope: 'author', name: 'Role', type: 'text', createdAt: T },
    { id: id('attr', 'age'), scope: 'author', name: 'Age', type: 'number', createdAt: T },
    { id: id('attr', 'wave'), scope: 'thread', name: 'Wave', type: 'number', createdAt: T },
    { id: id('attr', 'collected'), scope: 'thread', name: 'Collected', type: 'date', createdAt: T },
    { id: id('attr', 'note'), scope: 'thread', name: 'Note', type: 'text', createdAt: T },
  ];
  const value = (attributeId: string, subject: string, v: string | number): AttributeValue => ({ id: attributeValueId(attributeId, subject), attributeId, subject, value: v });
  const attributeValues = [
    value(attributes[0]!.id, p1.author, 'moderator 🛡️'),
    value(attributes[1]!.id, p1.author, 42.5),
    value(attributes[2]!.id, thread.id, 2),
    value(attributes[3]!.id, thread.id, '2024-02-29'),
    value(attributes[4]!.id, thread.id, 'ZWJ 👩‍❤️‍👨 & <markup>'),
  ];
  const relationCodes: RelationCode[] = [
    { id: id('rc', 'answers'), name: 'answers', definition: 'replies to the point', color: '#112233', order: 0, createdAt: T },
    { id: id('rc', 'quotes'), name: 'quotes', definition: '', color: '#445566', order: 1, createdAt: T },
    { id: id('rc', 'unused'), name: 'unused', definition: 'never applied', color: '#778899', order: 2, createdAt: T },
  ];
  const span = (post: Post, start: number, end: number) => ({ postId: post.id, start, end, quote: sliceCodePoints(post.text, start, end) });
  const relations: Relation[] = [
    { id: id('rel', '1'), relationCodeId: relationCodes[0]!.id, coderId: a.id, threadId: thread.id, from: { postId: p2.id }, to: { postId: p1.id }, memo: '', createdAt: T, updatedAt: T },
    { id: id('rel', '2'), relationCodeId: relationCodes[1]!.id, coderId: b.id, threadId: thread.id, from: span(p3, 1, 3), to: span(p1, 0, 2), memo: 'quoted 🗨️\r\nhere', createdAt: T, updatedAt: T },
  ];
  return { ...bundle, coders, memos, attributes, attributeValues, relationCodes, relations };
}

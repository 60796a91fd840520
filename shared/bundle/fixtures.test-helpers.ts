/**
 * A small valid bundle for tests: two threads, a reply tree, a two-level codebook with structured
 * fields (shortcuts, criteria and examples; exemplars are added by the tests that need them), two coders, codings over emoji, a ZWJ
 * family, a combining mark and CSV-hostile characters, one change-log entry and one named version.
 */
import { EMPTY_CODE_FIELDS, type Code, type Post } from '../model/records';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import type { Bundle, BundleCoding } from './bundle';

const T0 = '2024-05-01T12:00:00.000Z';

export const ROOT_TEXT = 'Vaccines work, the data is clear 😀';
/** q + U+0301 has no precomposed form, so it stays two code points under NFC. */
export const REPLY_TEXT = 'Sure, but what about 👩‍👩‍👧 families? The q\u0301 said "no", 100%\nsecond line';
export const OTHER_TEXT = '=HYPERLINK("http://x") is a trap, @you';

function post(id: string, threadId: string, parentId: string | null, text: string, extra: Partial<Post> = {}): Post {
  return { id, threadId, parentId, author: `user-${id}`, createdAt: T0, text, platform: 'reddit', platformId: `rd_${id}`, url: null, meta: { score: 3 }, ...extra };
}

function code(id: string, name: string, parentId: string | null, order: number, extra: Partial<Code> = {}): Code {
  return { id, name, parentId, color: '#cc3366', order, ...EMPTY_CODE_FIELDS, examples: [], exemplarCodingIds: [], definition: `${name}.`, ...extra };
}

/** A coding whose quote is taken from the text, so offsets and quote always agree. */
export function codingOn(text: string, id: string, postId: string, codeId: string, coderId: string, start: number, end: number, memo = ''): BundleCoding {
  return { id, postId, codeId, coderId, start, end, quote: sliceCodePoints(text, start, end), memo, createdAt: T0, updatedAt: T0 };
}

export function exampleBundle(): Bundle {
  return {
    format: 'threadmark',
    formatVersion: 3,
    exportedAt: T0,
    app: { name: 'Threadmark', version: '0.1.0' },
    project: { id: 'proj-1', name: 'Vaccine threads', createdAt: T0 },
    threads: [
      { id: 't-1', title: 'Vaccines', platform: 'reddit', rootPostId: 'p-1', importedAt: T0, source: 'vaccines.json' },
      { id: 't-2', title: 'Links', platform: 'mastodon', rootPostId: 'p-3', importedAt: T0, source: 'demo' },
    ],
    posts: [
      post('p-1', 't-1', null, ROOT_TEXT, { createdAt: null }),
      post('p-2', 't-1', 'p-1', REPLY_TEXT, { url: 'https://example.org/p-2', meta: { score: -1, deleted: false, lang: 'en', flair: null } }),
      post('p-3', 't-2', null, OTHER_TEXT, { platform: 'mastodon', author: '-dash' }),
    ],
    codes: [
      code('k-fallacy', 'Fallacy', null, 0, { shortcut: 'f' }),
      code('k-equiv', 'False equivalence', 'k-fallacy', 0, {
        inclusion: 'Two unlike things are treated as alike.',
        exclusion: 'A fair comparison: use no code.',
        examples: ['"Both sides are the same."', 'Line one\nline two'],
      }),
      code('k-derail', 'Derailing', null, 1, { shortcut: '2' }),
    ],
    coders: [
      { id: 'u-ana', name: 'Ana' },
      { id: 'u-ben', name: 'Ben, "B" 👩‍👩‍👧' },
    ],
    codings: [
      // Whole-post coding on the reply, and one on the ZWJ family alone (code points 21..26).
      codingOn(REPLY_TEXT, 'c-whole', 'p-2', 'k-derail', 'u-ana', 0, codePointLength(REPLY_TEXT), 'whole post'),
      codingOn(REPLY_TEXT, 'c-family', 'p-2', 'k-equiv', 'u-ben', 21, 26, 'memo, with "quotes"\nand a line'),
      codingOn(ROOT_TEXT, 'c-emoji', 'p-1', 'k-fallacy', 'u-ana', 33, 34),
      codingOn(OTHER_TEXT, 'c-formula', 'p-3', 'k-equiv', 'u-ana', 0, 22, '+1 agreed'),
      codingOn(REPLY_TEXT, 'c-mark', 'p-2', 'k-fallacy', 'u-ana', 41, 43),
    ],
    assignments: [{ id: 'as-1', coderId: 'u-ana', postIds: ['p-1', 'p-2'], source: 'file' }],
    journal: [
      {
        id: 'op-1',
        seq: 1,
        at: T0,
        actorId: 'u-ana',
        actorName: 'Ana',
        operation: 'code.edit',
        summary: 'Renamed “Derail” to “Derailing”',
        changes: [{ table: 'codes', id: 'k-derail', before: code('k-derail', 'Derail', null, 1), after: code('k-derail', 'Derailing', null, 1, { shortcut: '2' }) }],
        addedPosts: [],
        reverts: null,
      },
    ],
    codebookVersions: [
      {
        id: 'v-1',
        name: 'v1, sent to coders 12 March',
        createdAt: T0,
        coderId: 'u-ben',
        codes: [code('k-fallacy', 'Fallacy', null, 0), code('k-derail', 'Derail', null, 1)],
      },
    ],
  };
}

/** A deep copy as plain JSON, for tests that break a bundle on purpose. */
export function exampleBundleJson(): Record<string, unknown> & { [K in keyof Bundle]: Bundle[K] } {
  return JSON.parse(JSON.stringify(exampleBundle())) as Record<string, unknown> & Bundle;
}

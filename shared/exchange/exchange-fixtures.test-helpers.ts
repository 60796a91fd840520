/**
 * Test-only: the projects the annotation formats are round-tripped over (the demo project with
 * codings of two coders, and a generated one whose texts hold emoji, ZWJ sequences, combining marks
 * and right-to-left script), and an import that runs exactly the core path the app and CLI run.
 */
import demoJson from '../../resources/demo/demo-project.threadmark.json';
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { validateBundle } from '../bundle/validate';
import { codePath } from '../codebook/code-path';
import { EMPTY_CODE_FIELDS, type Code, type Post } from '../model/records';
import { bundleFromStore, storeFromBundle } from '../project/bundle-store';
import { addCoderLayer, previewCoderLayer } from '../project/operations/coder-layer';
import { runOperation } from '../project/run-operation';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import type { IdSource } from '../util/clock';
import { planAnnotationLayer, type AnnotationImportOptions, type AnnotationImportReport } from './annotation-layer';
import { readAnnotations } from './annotation-files';
import type { AnnotationFormat } from './exchange-annotation';

export const T0 = '2025-03-12T11:00:00.000Z';
export const T1 = '2025-03-13T08:30:15.250Z';

export function counterIds(prefix = 'id'): IdSource {
  let n = 0;
  return { newId: () => `${prefix}-${++n}` };
}

function coding(post: Post, id: string, codeId: string, coderId: string, start: number, end: number, memo = ''): BundleCoding {
  return { id, postId: post.id, codeId, coderId, start, end, quote: sliceCodePoints(post.text, start, end), memo, createdAt: T0, updatedAt: memo === '' ? T0 : T1 };
}

/** Where `phrase` starts in `text`, in code points. */
export function at(text: string, phrase: string): number {
  const i = text.indexOf(phrase);
  if (i < 0) throw new Error(`“${phrase}” is not in the text`);
  return codePointLength(text.slice(0, i));
}

function valid(bundle: Bundle): Bundle {
  const checked = validateBundle(JSON.parse(JSON.stringify(bundle)));
  if (!checked.ok) throw new Error(checked.error.map((p) => p.message).join('; '));
  return checked.value;
}

export function demoBundle(): Bundle {
  const parsed = validateBundle(JSON.parse(JSON.stringify(demoJson)));
  if (!parsed.ok) throw new Error('the demo project is invalid');
  return parsed.value;
}

/** The demo project coded by Ada and Ben: overlapping spans, memos, a nested code, repeated phrases. */
export function codedDemo(): Bundle {
  const demo = demoBundle();
  const [first, second, third] = demo.posts;
  const leaf = demo.codes.find((c) => c.parentId !== null)!;
  const top = demo.codes.find((c) => c.parentId === null && c.codable)!;
  const ada = { id: 'coder-ada', name: 'Ada' };
  const ben = { id: 'coder-ben', name: 'Ben' };
  const phrase = '"Men are victims too"';
  const codings = [
    coding(first!, 'k-1', leaf.id, ada.id, at(first!.text, phrase), at(first!.text, phrase) + codePointLength(phrase), 'the reply named'),
    coding(first!, 'k-2', top.id, ada.id, 0, 40),
    coding(first!, 'k-3', leaf.id, ben.id, at(first!.text, 'false equivalence'), at(first!.text, 'false equivalence') + 17),
    coding(second!, 'k-4', top.id, ben.id, 0, Math.min(25, codePointLength(second!.text)), 'memo with "quotes"\nand a second line'),
    coding(third!, 'k-5', leaf.id, ada.id, 3, 12),
  ];
  return valid({ ...demo, coders: [ada, ben], codings });
}

export const UNICODE_TEXTS = {
  emoji: 'Great point 😀 but 🙃 this again 😀 and again',
  zwj: 'My family 👨‍👩‍👧‍👦 and the firefighter 👩🏽‍🚒 agree',
  combining: 'The q\u0301 and n\u0303 stay two code points, e\u0301 too? No: NFC makes it é',
  rtl: 'قال: "الرجال ضحايا أيضا" — وهذا ليس جوابا שלום עולם',
};

/** A generated project whose codings sit on, after and across astral and combining characters. */
export function unicodeBundle(): Bundle {
  const texts = { ...UNICODE_TEXTS, combining: UNICODE_TEXTS.combining.normalize('NFC') };
  const posts: Post[] = Object.entries(texts).map(([key, text], i) => ({
    id: `p-${key}`,
    threadId: 't-u',
    parentId: i === 0 ? null : 'p-emoji',
    author: i % 2 === 0 ? 'راوي' : 'writer',
    createdAt: T0,
    text,
    platform: 'mastodon',
    platformId: `m-${i}`,
    url: i === 1 ? 'https://social.example/@writer/2' : null,
    meta: {},
  }));
  const code = (id: string, name: string, parentId: string | null, order: number): Code => ({ ...EMPTY_CODE_FIELDS, id, name, parentId, color: '#336699', order, examples: [], exemplarCodingIds: [] });
  const codes = [code('c-top', 'Deflection 🙃', null, 0), code('c-leaf', 'Whataboutism', 'c-top', 0), code('c-rtl', 'ردّ', null, 1)];
  const [emoji, zwj, combining, rtl] = posts as [Post, Post, Post, Post];
  const coders = [
    { id: 'u-1', name: 'Zoë 👩‍💻' },
    { id: 'u-2', name: 'נועה' },
  ];
  const codings = [
    coding(emoji, 'u-c1', 'c-leaf', 'u-1', at(emoji.text, '😀'), at(emoji.text, '😀') + 1, 'the first 😀'),
    coding(emoji, 'u-c2', 'c-top', 'u-2', at(emoji.text, '🙃 this'), at(emoji.text, '🙃 this') + 6),
    coding(zwj, 'u-c3', 'c-leaf', 'u-1', at(zwj.text, '👨‍👩‍👧‍👦'), at(zwj.text, '👨‍👩‍👧‍👦') + codePointLength('👨‍👩‍👧‍👦')),
    coding(zwj, 'u-c4', 'c-rtl', 'u-2', at(zwj.text, '👩🏽‍🚒 agree'), codePointLength(zwj.text), 'ZWJ + skin tone'),
    coding(combining, 'u-c5', 'c-leaf', 'u-1', at(combining.text, 'q\u0301'), at(combining.text, 'q\u0301') + 2),
    coding(rtl, 'u-c6', 'c-rtl', 'u-2', at(rtl.text, 'الرجال'), at(rtl.text, 'أيضا') + 4, 'تعليق'),
    coding(rtl, 'u-c7', 'c-top', 'u-1', at(rtl.text, 'שלום'), codePointLength(rtl.text)),
  ];
  return valid({
    format: 'threadmark',
    formatVersion: 3,
    exportedAt: T0,
    app: { name: 'Threadmark', version: '0.1.0' },
    project: { id: 'proj-u', name: 'Unicode 🌍 project', createdAt: T0 },
    threads: [{ id: 't-u', title: 'Unicode', platform: 'mastodon', rootPostId: 'p-emoji', importedAt: T0, source: 'generated' }],
    posts,
    codes,
    coders,
    codings,
  });
}

/** The project as a coder file would find it: the same posts and codebook, nobody's codings. */
export function uncoded(bundle: Bundle): Bundle {
  return valid({ ...bundle, coders: [], codings: [], journal: [], assignments: [], rounds: [], decisions: [] });
}

/** Each coding as the facts a round trip must keep (ids aside). */
export function codingFacts(bundle: Bundle, { times = true } = {}): string[] {
  const codes = new Map(bundle.codes.map((c) => [c.id, c]));
  const coders = new Map(bundle.coders.map((c) => [c.id, c.name]));
  return bundle.codings
    .map((c) => JSON.stringify([c.postId, codePath(codes, c.codeId), coders.get(c.coderId), c.start, c.end, c.quote, c.memo, ...(times ? [c.createdAt, c.updatedAt] : [])]))
    .sort();
}

export interface Imported {
  bundle: Bundle;
  report: AnnotationImportReport;
}

/** Reads `text`, places it on `target` and adds it through the core's coders.add-layer, as the CLI does. */
export async function importAnnotations(
  target: Bundle,
  text: string,
  format: AnnotationFormat,
  options: Partial<Omit<AnnotationImportOptions, 'ids'>> & { replace?: boolean } = {},
): Promise<Imported> {
  const read = readAnnotations(format, text, `file.${format}`);
  if (!read.ok) throw new Error(read.error.map((p) => p.message).join('; '));
  const ids = counterIds('imp');
  const planned = planAnnotationLayer(target, read.value, 'file', { coderName: 'Importer', unknownCodes: 'refuse', now: T1, ...options, ids });
  if (!planned.ok) throw new Error(planned.error.map((p) => `${p.record}: ${p.message}`).join('; '));
  const store = storeFromBundle(target);
  const plan = await store.read((r) => previewCoderLayer(r, planned.value.incoming, ids));
  const replace = new Set(options.replace ? plan.coders.filter((c) => !c.isNew).map((c) => c.projectCoderId) : []);
  const added = await runOperation(store, addCoderLayer, { incoming: planned.value.incoming, source: 'file', replace }, { clock: { now: () => T1 }, ids, actor: { id: 'cli', name: 'cli' } });
  if (!added.ok) throw new Error(added.error.message);
  const out = await bundleFromStore(store, { exportedAt: T1, app: { name: 'Threadmark', version: 'test' } });
  if (!out.ok) throw new Error(out.error.message);
  return { bundle: out.value, report: planned.value.report };
}

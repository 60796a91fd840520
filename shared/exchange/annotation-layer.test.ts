import { describe, expect, it } from 'vitest';

import { codePath } from '../codebook/code-path';
import { planAnnotationLayer } from './annotation-layer';
import { writeAnnotations } from './annotation-files';
import type { ExchangeAnnotation, ExchangeFile } from './exchange-annotation';
import { codedDemo, codingFacts, counterIds, importAnnotations, T1, uncoded, unicodeBundle, UNICODE_TEXTS } from './exchange-fixtures.test-helpers';

const span = (extra: Partial<ExchangeAnnotation>): ExchangeAnnotation => ({
  where: 'annotation 1',
  post: { postId: null, platform: null, platformId: null, url: null, text: null },
  start: null,
  end: null,
  exact: null,
  prefix: null,
  suffix: null,
  codePath: 'Whataboutism',
  codeId: null,
  coder: 'Eve',
  memo: '',
  created: null,
  modified: null,
  id: null,
  ...extra,
});
const fileOf = (...annotations: ExchangeAnnotation[]): ExchangeFile => ({ format: 'web-annotation', annotations, documents: [], notes: [] });
const plan = (file: ExchangeFile, unknownCodes: 'refuse' | 'skip' | 'create' = 'refuse') =>
  planAnnotationLayer(uncoded(unicodeBundle()), file, 'f.jsonld', { coderName: 'Importer', unknownCodes, ids: counterIds('n'), now: T1 });

describe('planAnnotationLayer', () => {
  it('finds posts by id, platform id, address or identical text, and reports the rest', () => {
    const planned = plan(
      fileOf(
        span({ post: { postId: 'p-rtl', platform: null, platformId: null, url: null, text: null }, exact: 'قال' }),
        span({ post: { postId: 'nope', platform: 'mastodon', platformId: 'm-0', url: null, text: null }, exact: 'Great' }),
        span({ post: { postId: null, platform: null, platformId: null, url: 'https://social.example/@writer/2', text: null }, exact: 'family' }),
        span({ post: { postId: '99', platform: null, platformId: null, url: null, text: UNICODE_TEXTS.combining.normalize('NFC') }, exact: 'stay' }),
        span({ where: 'annotation 5', post: { postId: 'gone', platform: null, platformId: null, url: 'https://x.example/1', text: null }, exact: 'x' }),
      ),
    );
    if (!planned.ok) throw new Error('refused');
    expect(planned.value.incoming.codings.map((c) => [c.postId, c.quote])).toEqual([
      ['p-rtl', 'قال'],
      ['p-emoji', 'Great'],
      ['p-zwj', 'family'],
      ['p-combining', 'stay'],
    ]);
    expect(planned.value.report.unplaced).toEqual([{ where: 'annotation 5', reason: 'no post of this project matches it (id gone, address https://x.example/1)' }]);
    // The file gave quotes without positions: placed where the quotes are, which is no move.
    expect(planned.value.report.moved).toEqual([]);
  });

  it('refuses unknown codes by default, naming each; skips or creates them when chosen', () => {
    const file = fileOf(span({ post: { postId: 'p-emoji', platform: null, platformId: null, url: null, text: null }, start: 0, end: 5, exact: 'Great', codePath: 'New > Deeper' }), span({ post: { postId: 'p-emoji', platform: null, platformId: null, url: null, text: null }, start: 0, end: 5, exact: 'Great', codePath: 'Deflection 🙃 > Fresh' }));
    const refused = plan(file);
    expect(!refused.ok && refused.error.map((p) => p.record)).toEqual(['code “New > Deeper”', 'code “Deflection 🙃 > Fresh”']);
    const skipped = plan(file, 'skip');
    expect(skipped.ok && [skipped.value.incoming.codings.length, skipped.value.report.unknownCodes]).toEqual([0, ['New > Deeper', 'Deflection 🙃 > Fresh']]);
    const created = plan(file, 'create');
    if (!created.ok) throw new Error('refused');
    const codes = created.value.incoming.codes;
    expect(created.value.incoming.codings.map((c) => codePath(codes, c.codeId))).toEqual(['New > Deeper', 'Deflection 🙃 > Fresh']);
    // "New" is created as the parent; "Deflection 🙃" already exists and is reused.
    expect(codes.length - unicodeBundle().codes.length).toBe(3);
    // A code only an unplaced span uses is not said to be added.
    const unplaced = plan(fileOf(span({ post: { postId: 'gone', platform: null, platformId: null, url: null, text: null }, exact: 'x', codePath: 'Orphan' })), 'create');
    expect(unplaced.ok && [unplaced.value.report.unknownCodes, unplaced.value.report.unplaced.length]).toEqual([[], 1]);
  });

  it('adds a span given twice once, and matches a one-level label by a unique code name', () => {
    const one = span({ post: { postId: 'p-emoji', platform: null, platformId: null, url: null, text: null }, start: 0, end: 5, exact: 'Great' });
    const planned = plan(fileOf(one, { ...one, where: 'annotation 2' }));
    expect(planned.ok && [planned.value.incoming.codings.map((c) => c.codeId), planned.value.report.duplicates]).toEqual([['c-leaf'], 1]);
  });
});

describe('importing onto a coded project', () => {
  it('keeps a coder already present unless replacing was chosen', async () => {
    const source = codedDemo();
    const text = writeAnnotations(source, 'web-annotation');
    const kept = await importAnnotations(source, text, 'web-annotation');
    expect(codingFacts(kept.bundle)).toEqual(codingFacts(source));
    const replaced = await importAnnotations(source, text, 'web-annotation', { replace: true });
    expect(codingFacts(replaced.bundle)).toEqual(codingFacts(source));
    expect(replaced.bundle.codings.map((c) => c.id).filter((id) => source.codings.some((s) => s.id === id))).toEqual([]);
  });

  it('places a file written from an edited post by its quotes, reporting each move', async () => {
    const source = unicodeBundle();
    const text = writeAnnotations(source, 'web-annotation');
    // The project's copy of the emoji post gained a prefix: every position is 4 code points off.
    const shifted = uncoded({ ...source, posts: source.posts.map((p) => (p.id === 'p-emoji' ? { ...p, text: `Re: ${p.text}` } : p)), codings: [] });
    const { bundle, report } = await importAnnotations(shifted, text, 'web-annotation');
    const onEmoji = source.codings.filter((c) => c.postId === 'p-emoji');
    expect(report.moved.map((m) => [m.from.start, m.to.start])).toEqual(onEmoji.map((c) => [c.start, c.start + 4]));
    expect(bundle.codings.filter((c) => c.postId === 'p-emoji').map((c) => c.quote)).toEqual(onEmoji.map((c) => c.quote));
  });
});

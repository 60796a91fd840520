import { describe, expect, it } from 'vitest';

import { codePointLength } from '../text/offsets';
import { ANNO_CONTEXT, readWebAnnotation, writeWebAnnotation } from './web-annotation';
import { codedDemo, unicodeBundle, UNICODE_TEXTS } from './exchange-fixtures.test-helpers';

type Anno = Record<string, unknown> & { target: { type: string; source: string; selector: Array<Record<string, unknown>> }; body: Array<Record<string, unknown>> };

const items = (text: string): Anno[] => (JSON.parse(text) as { first: { items: Anno[] } }).first.items;

describe('writeWebAnnotation', () => {
  it('writes a collection that has every field the W3C model requires', () => {
    const doc = JSON.parse(writeWebAnnotation(codedDemo())) as Record<string, unknown> & { first: Record<string, unknown> & { items: Anno[] } };
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');
    expect(typeof doc.id).toBe('string');
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.total).toBe(doc.first.items.length);
    for (const anno of doc.first.items) {
      // Required of an Annotation: id (an IRI), type "Annotation", at least one target.
      expect(anno.id).toMatch(/^urn:threadmark:coding:/);
      expect(anno.type).toBe('Annotation');
      expect(anno.target.type).toBe('SpecificResource');
      expect(anno.target.source).toMatch(/^(urn:threadmark:post:|https?:)/);
      // Bodies and selectors name their type; tagging comes first.
      expect(anno.body[0]).toMatchObject({ type: 'TextualBody', purpose: 'tagging' });
      expect(anno.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
      expect(anno.creator).toMatchObject({ type: 'Person', name: expect.any(String) });
      expect(anno.created).toEqual(expect.any(String));
    }
  });

  it('counts positions in code points and keeps 32 code points of context', () => {
    const bundle = unicodeBundle();
    const written = items(writeWebAnnotation(bundle));
    const zwj = written.find((a) => a.id === 'urn:threadmark:coding:u-c3')!;
    const [quote, position] = zwj.target.selector as [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }];
    // Naive, independent: the text as an array of code points.
    const points = Array.from(UNICODE_TEXTS.zwj);
    expect(points.slice(position.start, position.end).join('')).toBe('👨‍👩‍👧‍👦');
    expect(quote.exact).toBe('👨‍👩‍👧‍👦');
    expect(quote.prefix).toBe(points.slice(Math.max(0, position.start - 32), position.start).join(''));
    expect(codePointLength(quote.suffix)).toBe(Math.min(32, points.length - position.end));
    // The post has a URL of its own, so it is the source; the others are URNs.
    expect(zwj.target.source).toBe('https://social.example/@writer/2');
    expect(written.find((a) => a.id === 'urn:threadmark:coding:u-c1')!.target.source).toBe('urn:threadmark:post:p-emoji');
    // The memo is a second body, for commenting.
    expect(written.find((a) => a.id === 'urn:threadmark:coding:u-c1')!.body[1]).toMatchObject({ purpose: 'commenting', value: 'the first 😀' });
  });
});

describe('readWebAnnotation', () => {
  const annotation = {
    '@context': ANNO_CONTEXT,
    id: 'http://example.org/anno1',
    type: 'Annotation',
    creator: 'http://example.org/user/1',
    bodyValue: 'a plain comment',
    body: [
      { type: 'TextualBody', purpose: 'tagging', value: 'Fallacy' },
      { type: 'TextualBody', purpose: 'tagging', value: 'Derailing' },
    ],
    target: { source: 'https://example.org/post/1', selector: { type: 'TextQuoteSelector', exact: 'victims' } },
  };

  it('reads one annotation, a page or a list; each tag is a coding, bodyValue a memo', () => {
    for (const doc of [annotation, [annotation], { type: 'AnnotationPage', items: [annotation] }]) {
      const read = readWebAnnotation(JSON.stringify(doc), 'a.jsonld');
      expect(read.ok && read.value.annotations.map((a) => [a.codePath, a.memo, a.exact, a.start, a.post.url, a.coder])).toEqual([
        ['Fallacy', 'a plain comment', 'victims', null, 'https://example.org/post/1', 'http://example.org/user/1'],
        ['Derailing', 'a plain comment', 'victims', null, 'https://example.org/post/1', 'http://example.org/user/1'],
      ]);
    }
  });

  it('leaves out an annotation without a tag and says so', () => {
    const read = readWebAnnotation(JSON.stringify([{ ...annotation, body: [] }]), 'a.jsonld');
    expect(read.ok && read.value.annotations).toEqual([]);
    expect(read.ok && read.value.notes).toEqual(['annotation 1 (http://example.org/anno1) has no tagging body (no code): left out.']);
  });

  it('refuses bad input naming the annotation and field', () => {
    const bad = { ...annotation, target: { source: 'x', selector: { type: 'TextPositionSelector', start: -1, end: 'two' } } };
    const read = readWebAnnotation(JSON.stringify([bad]), 'a.jsonld');
    expect(!read.ok && read.error.map((p) => `${p.record} ${p.field}`)).toEqual([
      'annotation 1 (http://example.org/anno1) target.selector.start',
      'annotation 1 (http://example.org/anno1) target.selector.end',
    ]);
    const external = readWebAnnotation(JSON.stringify({ type: 'AnnotationCollection', first: 'http://example.org/page1' }), 'c.jsonld');
    expect(!external.ok && external.error[0]!.message).toMatch(/pages are not in the file/);
    const notJson = readWebAnnotation('{"type": ', 'c.jsonld');
    expect(!notJson.ok && notJson.error[0]!.message).toMatch(/^not valid JSON: line 1/);
    const other = readWebAnnotation('{"type": "Thing"}', 'c.jsonld');
    expect(!other.ok && other.error[0]!.message).toMatch(/not a Web Annotation document/);
  });
});

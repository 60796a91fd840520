/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) as JSON-LD: the project's
 * codings as one AnnotationCollection whose first (and only) AnnotationPage holds every
 * Annotation. Each coding is an Annotation whose target is a SpecificResource: `source` the post's
 * URL (when no other post shares it) or `urn:threadmark:post:<id>`, with a TextQuoteSelector
 * (exact, and up to 32 code points of prefix and suffix) and a TextPositionSelector. The model
 * counts a TextPositionSelector's start and end in Unicode code points ("characters"), as
 * Threadmark stores them, so they are written unchanged. Bodies: the code as a TextualBody with
 * purpose "tagging" (value the code path, id `urn:threadmark:code:<id>`), the memo as a second
 * TextualBody with purpose "commenting". `creator` is the coder (a Person, the model's Agent class
 * for people, with their name); `created` and `modified` the coding's times.
 */
import type { Bundle } from '../bundle/bundle';
import type { Problem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';
import { annotationSource, jsonText } from './annotation-rows';
import { idFromUrn, urnOf, type ExchangeAnnotation, type ExchangeFile } from './exchange-annotation';
import { asList, isObject, offset, optionalString, parseJson, type Json, type JsonObject } from './json-input';
import { quoteContext } from './quote-anchor';
import { relationAnnotations } from './web-annotation-relations';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export function writeWebAnnotation(bundle: Pick<Bundle, 'project' | 'posts' | 'codes' | 'coders' | 'codings' | 'relationCodes' | 'relations'>): string {
  const { rows, iriOf } = annotationSource(bundle);
  const items = rows.map(({ coding, post, codePath, coderName }) => {
    const { exact, prefix, suffix } = quoteContext(post.text, coding.start, coding.end);
    const body: JsonObject[] = [{ type: 'TextualBody', purpose: 'tagging', id: urnOf('code', coding.codeId), value: codePath }];
    if (coding.memo !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: coding.memo, format: 'text/plain' });
    return {
      id: urnOf('coding', coding.id),
      type: 'Annotation',
      creator: { id: urnOf('coder', coding.coderId), type: 'Person', name: coderName },
      created: coding.createdAt,
      modified: coding.updatedAt,
      body,
      target: {
        type: 'SpecificResource',
        source: iriOf(post),
        selector: [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'TextPositionSelector', start: coding.start, end: coding.end },
        ],
      },
    };
  });
  // Relations follow the codings: one linking annotation each, with two targets (web-annotation-relations.ts).
  const all: unknown[] = [...items, ...relationAnnotations(bundle, iriOf)];
  const collection = urnOf('project', bundle.project.id);
  return jsonText({
    '@context': ANNO_CONTEXT,
    id: `${collection}:annotations`,
    type: 'AnnotationCollection',
    label: bundle.project.name,
    total: all.length,
    first: { id: `${collection}:annotations:page-1`, type: 'AnnotationPage', startIndex: 0, items: all },
  });
}

const hasType = (o: JsonObject, type: string): boolean => asList(o.type).includes(type) || asList(o['@type']).includes(type);

/**
 * Reads a collection with its pages embedded, a page, one annotation or a list of annotations.
 * Annotations without a tagging body are left out and said in the notes; a malformed selector
 * refuses the file, naming the annotation and field.
 */
export function readWebAnnotation(text: string, file: string): Result<ExchangeFile, Problem[]> {
  const parsed = parseJson(text, file);
  if (!parsed.ok) return err([parsed.error]);
  const found = annotationsIn(parsed.value, file);
  if (!found.ok) return err([found.error]);
  const notes: string[] = [];
  const problems: Problem[] = [];
  const annotations: ExchangeAnnotation[] = [];
  found.value.forEach((anno, index) => {
    const where = `annotation ${index + 1}${typeof anno.id === 'string' ? ` (${anno.id})` : ''}`;
    if (asList(anno.motivation).includes('linking')) {
      notes.push(`${where} links two targets (a relation between posts), not a coding: left out.`);
      return;
    }
    const read = readAnnotation(anno, where, file);
    if (!read.ok) problems.push(...read.error);
    else if (read.value.length === 0) notes.push(`${where} has no tagging body (no code): left out.`);
    else annotations.push(...read.value);
  });
  return problems.length > 0 ? err(problems) : ok({ format: 'web-annotation', annotations, documents: [], notes });
}

function annotationsIn(root: Json, file: string): Result<JsonObject[], Problem> {
  if (Array.isArray(root)) return ok(root.filter(isObject));
  if (!isObject(root)) return err({ file, message: 'not a Web Annotation document: expected an object or a list' });
  if (hasType(root, 'Annotation')) return ok([root]);
  if (hasType(root, 'AnnotationPage')) return ok(pageItems(root));
  if (hasType(root, 'AnnotationCollection')) {
    const items: JsonObject[] = [];
    let page: Json | undefined = root.first;
    const seen = new Set<JsonObject>();
    while (page !== undefined && page !== null) {
      if (!isObject(page)) return err({ file, record: 'AnnotationCollection', field: 'first', message: 'the pages are not in the file (only their address): save the collection with its pages embedded' });
      if (seen.has(page)) break;
      seen.add(page);
      items.push(...pageItems(page));
      page = page.next;
    }
    return ok(items);
  }
  return err({ file, field: 'type', message: `not a Web Annotation document: expected an AnnotationCollection, AnnotationPage or Annotation, got ${JSON.stringify(root.type ?? null)}` });
}

const pageItems = (page: JsonObject): JsonObject[] => asList(page.items).filter(isObject);

function readAnnotation(anno: JsonObject, where: string, file: string): Result<ExchangeAnnotation[], Problem[]> {
  const problem = (field: string, message: string): Problem => ({ file, record: where, field, message });
  const target = asList(anno.target).find((t) => isObject(t) || typeof t === 'string');
  if (target === undefined) return err([problem('target', 'an annotation needs a target')]);
  const source = typeof target === 'string' ? target : (optionalString(target.source) ?? optionalString(target.id));
  if (source === null) return err([problem('target.source', 'the target names no source (the post)')]);
  let quote: JsonObject | undefined;
  let position: JsonObject | undefined;
  if (isObject(target)) {
    for (const selector of asList(target.selector).filter(isObject)) {
      if (hasType(selector, 'TextQuoteSelector')) quote ??= selector;
      else if (hasType(selector, 'TextPositionSelector')) position ??= selector;
    }
  }
  const start = offset(position?.start, (m) => problem('target.selector.start', m));
  const end = offset(position?.end, (m) => problem('target.selector.end', m));
  if (!start.ok || !end.ok) return err([start, end].flatMap((r) => (r.ok ? [] : [r.error])));

  const bodies = asList(anno.body).filter(isObject);
  const tags = bodies.filter((b) => asList(b.purpose).includes('tagging'));
  const memo = [...bodies.filter((b) => asList(b.purpose).includes('commenting')).map((b) => optionalString(b.value) ?? ''), optionalString(anno.bodyValue) ?? '']
    .filter((m) => m !== '')
    .join('\n\n');
  const creator = asList(anno.creator)[0];
  const coder = isObject(creator) ? (optionalString(creator.name) ?? optionalString(creator.nickname) ?? optionalString(creator.id)) : optionalString(creator ?? null);
  const postId = idFromUrn('post', source);
  return ok(
    tags.flatMap((tag) => {
      const value = optionalString(tag.value)?.trim() ?? '';
      if (value === '') return [];
      return [
        {
          where,
          post: { postId, platform: null, platformId: null, url: postId === null ? source : null, text: null },
          start: start.value,
          end: end.value,
          exact: quote ? optionalString(quote.exact) : null,
          prefix: quote ? optionalString(quote.prefix) : null,
          suffix: quote ? optionalString(quote.suffix) : null,
          codePath: value,
          codeId: idFromUrn('code', tag.id),
          coder,
          memo,
          created: optionalString(anno.created),
          modified: optionalString(anno.modified),
          id: tags.length === 1 ? idFromUrn('coding', anno.id) : null,
        },
      ];
    }),
  );
}

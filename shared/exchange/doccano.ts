/**
 * doccano's sequence-labeling JSONL (https://github.com/doccano/doccano, "Offset_JSONL" in its
 * upload examples): one JSON object per line, `{"id", "text", "label": [[start, end, "LABEL"], …]}`.
 * doccano is Python, so start and end count Unicode code points, end exclusive: the same as
 * Threadmark's offsets, written unchanged. One line per post with text; the label is the code path.
 * doccano keeps unknown keys as the example's metadata, so Threadmark adds a `threadmark` object
 * that a later import uses and doccano ignores: the post's ids and address, and per label (same
 * order) the coding's id, coder, memo and times. Reading also takes the older key `labels` and the
 * newer `entities` list ({start_offset, end_offset, label}).
 */
import { duplicateKeyMessage, firstDuplicateKey } from '../util/json-duplicate-keys';
import type { Bundle } from '../bundle/bundle';
import type { Problem } from '../problem/problem';
import { codePointLength } from '../text/offsets';
import { err, ok, type Result } from '../util/result';
import { annotationSource, rowsByPost } from './annotation-rows';
import type { ExchangeAnnotation, ExchangeFile, PostReference } from './exchange-annotation';
import { isObject, optionalString, type Json, type JsonObject } from './json-input';
import { quoteContext } from './quote-anchor';

export function writeDoccano(bundle: Pick<Bundle, 'posts' | 'codes' | 'coders' | 'codings'>): string {
  const { rows, posts } = annotationSource(bundle);
  const byPost = rowsByPost(rows);
  return posts
    .map((post) => {
      const mine = byPost.get(post.id) ?? [];
      return `${JSON.stringify({
        id: post.id,
        text: post.text,
        label: mine.map((r) => [r.coding.start, r.coding.end, r.codePath]),
        threadmark: {
          post: { id: post.id, thread: post.threadId, author: post.author, platform: post.platform, platform_id: post.platformId, url: post.url },
          codings: mine.map((r) => ({ id: r.coding.id, code_id: r.coding.codeId, coder: r.coderName, memo: r.coding.memo, created: r.coding.createdAt, modified: r.coding.updatedAt })),
        },
      })}\n`;
    })
    .join('');
}

interface Span {
  start: Json | undefined;
  end: Json | undefined;
  label: Json | undefined;
}

export function readDoccano(text: string, file: string): Result<ExchangeFile, Problem[]> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems: Problem[] = [];
  const annotations: ExchangeAnnotation[] = [];
  const documents: PostReference[] = [];
  const lines = body.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: Json;
    try {
      value = JSON.parse(raw) as Json;
      const duplicate = firstDuplicateKey(raw);
      if (duplicate) return void problems.push({ file, line, message: duplicateKeyMessage(duplicate, line - 1) });
    } catch (e) {
      problems.push({ file, line, message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    if (!isObject(value)) return void problems.push({ file, line, message: 'expected a JSON object per line' });
    const read = readLine(value, line, file);
    if (read.ok) {
      documents.push(read.value.post);
      annotations.push(...read.value.annotations);
    }
    else problems.push(...read.error);
  });
  if (problems.length > 0) return err(problems);
  if (lines.every((l) => l.trim() === '')) return err([{ file, message: 'the file is empty' }]);
  return ok({ format: 'doccano', annotations, documents, notes: [] });
}

function readLine(value: JsonObject, line: number, file: string): Result<{ post: PostReference; annotations: ExchangeAnnotation[] }, Problem[]> {
  const problem = (field: string, message: string): Problem => ({ file, line, field, message });
  if (typeof value.text !== 'string') return err([problem('text', 'each line needs the annotated "text"')]);
  const text = value.text;
  const spans = spansOf(value);
  if (!spans.ok) return err([problem(spans.error.field, spans.error.message)]);
  const meta = isObject(value.threadmark) ? value.threadmark : {};
  const post = isObject(meta.post) ? meta.post : {};
  const codings = Array.isArray(meta.codings) ? meta.codings : [];
  const length = codePointLength(text);
  const id = value.id;
  const reference: PostReference = {
    postId: optionalString(post.id) ?? (typeof id === 'string' || typeof id === 'number' ? String(id) : null),
    platform: optionalString(post.platform),
    platformId: optionalString(post.platform_id),
    url: optionalString(post.url),
    text,
  };
  const problems: Problem[] = [];
  const annotations: ExchangeAnnotation[] = [];
  spans.value.forEach((span, i) => {
    const field = `${spans.key}[${i}]`;
    const { start, end, label } = span;
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
      return void problems.push(problem(field, `start and end must be whole numbers with 0 ≤ start < end ≤ ${length} (the text's length in code points), got ${JSON.stringify([start ?? null, end ?? null])}`));
    }
    if (typeof label !== 'string' || label.trim() === '') return void problems.push(problem(field, 'the label must be a code name or path'));
    const extra = isObject(codings[i]) ? codings[i] : {};
    annotations.push({
      where: `line ${line}, label ${i + 1}`,
      post: reference,
      start,
      end,
      ...quoteContext(text, start, end),
      codePath: label.trim(),
      codeId: optionalString(extra.code_id),
      coder: optionalString(extra.coder),
      memo: optionalString(extra.memo) ?? '',
      created: optionalString(extra.created),
      modified: optionalString(extra.modified),
      id: optionalString(extra.id),
    });
  });
  return problems.length > 0 ? err(problems) : ok({ post: reference, annotations });
}

type Spans = { ok: true; key: string; value: Span[] } | { ok: false; error: { field: string; message: string } };

function spansOf(value: JsonObject): Spans {
  for (const key of ['label', 'labels'] as const) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return { ok: false, error: { field: key, message: 'must be a list of [start, end, label]' } };
    // A text-classification file labels whole texts ("label": ["positive"]): not spans.
    if (list.some((s) => !Array.isArray(s))) return { ok: false, error: { field: key, message: 'must be a list of [start, end, label] (a sequence-labeling export, not a classification one)' } };
    return { ok: true, key, value: (list as Json[][]).map((s) => ({ start: s[0], end: s[1], label: s[2] })) };
  }
  if (Array.isArray(value.entities)) {
    return { ok: true, key: 'entities', value: value.entities.map((e) => (isObject(e) ? { start: e.start_offset, end: e.end_offset, label: e.label } : { start: undefined, end: undefined, label: undefined })) };
  }
  return { ok: true, key: 'label', value: [] };
}

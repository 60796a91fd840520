/**
 * Label Studio's JSON task export (https://labelstud.io/guide/task_format): a list of tasks, each
 * `{id, data: {text, …}, annotations: [{completed_by, result: [{type: "labels", from_name, to_name,
 * value: {start, end, text, labels}}]}]}`. One task per post with text, one annotation per coder
 * (its `created_username` their name), one "labels" result per coding (labels: [code path]), the
 * memo in the region's `meta.text`. The matching labeling config: `<Text name="text"
 * value="$text"/>` and `<Labels name="label" toName="text">` listing the code paths.
 *
 * Offsets: Label Studio's start and end come from the browser. Its frontend counted UTF-16 code
 * units (a wrong offset after every emoji, label-studio#1347) until it was changed to count code
 * points (label-studio-frontend#308, 2022), so files of both kinds exist. Threadmark writes code
 * points; reading, each region's offsets are taken as code points when they cut out its
 * `value.text`, else as UTF-16 units when those do (and the file's notes say so), else the quote
 * decides where the span goes (annotation-layer.ts re-anchors it and reports the move).
 */
import type { Bundle } from '../bundle/bundle';
import type { Problem } from '../problem/problem';
import { codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from '../text/offsets';
import { err, ok, type Result } from '../util/result';
import { annotationSource, jsonText, rowsByPost, type AnnotationRow } from './annotation-rows';
import type { ExchangeAnnotation, ExchangeFile, PostReference } from './exchange-annotation';
import { asList, isObject, optionalString, parseJson, type Json, type JsonObject } from './json-input';
import { quoteContext } from './quote-anchor';

export function writeLabelStudio(bundle: Pick<Bundle, 'posts' | 'codes' | 'coders' | 'codings'>): string {
  const { rows, posts } = annotationSource(bundle);
  const byPost = rowsByPost(rows);
  const coderNumber = new Map(bundle.coders.map((c, i) => [c.id, i + 1]));
  let annotationId = 0;
  const tasks = posts.map((post, index) => {
    const byCoder = new Map<string, AnnotationRow[]>();
    for (const row of byPost.get(post.id) ?? []) {
      const list = byCoder.get(row.coding.coderId);
      if (list) list.push(row);
      else byCoder.set(row.coding.coderId, [row]);
    }
    const annotations = [...byCoder.entries()]
      .sort(([a], [b]) => (coderNumber.get(a) ?? 0) - (coderNumber.get(b) ?? 0))
      .map(([coderId, mine]) => ({
        id: ++annotationId,
        completed_by: coderNumber.get(coderId) ?? 0,
        created_username: mine[0]!.coderName,
        created_at: mine.map((r) => r.coding.createdAt).reduce((a, b) => (b < a ? b : a)),
        updated_at: mine.map((r) => r.coding.updatedAt).reduce((a, b) => (b > a ? b : a)),
        result: mine.map((r) => ({
          id: r.coding.id,
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          origin: 'manual',
          value: { start: r.coding.start, end: r.coding.end, text: r.coding.quote, labels: [r.codePath] },
          ...(r.coding.memo === '' ? {} : { meta: { text: [r.coding.memo] } }),
        })),
      }));
    return {
      id: index + 1,
      data: { text: post.text, post_id: post.id, thread_id: post.threadId, author: post.author, platform: post.platform, platform_id: post.platformId, url: post.url },
      annotations,
    };
  });
  return jsonText(tasks);
}

export function readLabelStudio(text: string, file: string): Result<ExchangeFile, Problem[]> {
  const parsed = parseJson(text, file);
  if (!parsed.ok) return err([parsed.error]);
  const root = parsed.value;
  const tasks = Array.isArray(root) ? root : isObject(root) && Array.isArray(root.tasks) ? root.tasks : isObject(root) && isObject(root.data) ? [root] : null;
  if (tasks === null) return err([{ file, message: 'not a Label Studio export: expected a list of tasks' }]);
  // A file from one annotator names nobody: the importer's chosen name is used for them.
  const annotators = new Set(tasks.filter(isObject).flatMap((t) => annotationsOf(t).map((a) => JSON.stringify(a.completed_by ?? null))));
  const problems: Problem[] = [];
  const annotations: ExchangeAnnotation[] = [];
  const documents: PostReference[] = [];
  let utf16 = 0;
  let predictions = 0;
  tasks.forEach((task, t) => {
    const record = `task ${t + 1}`;
    if (!isObject(task)) return void problems.push({ file, record, message: 'a task must be an object' });
    predictions += asList(task.predictions).length;
    const data = isObject(task.data) ? task.data : null;
    const textOf = data ? optionalString(data.text) : null;
    const reference: PostReference = {
      postId: data ? optionalString(data.post_id) : null,
      platform: data ? optionalString(data.platform) : null,
      platformId: data ? optionalString(data.platform_id) : null,
      url: data ? optionalString(data.url) : null,
      text: textOf,
    };
    if (textOf !== null) documents.push(reference);
    annotationsOf(task).forEach((annotation, a) => {
      const coder = coderOf(annotation, annotators.size > 1);
      asList(annotation.result).forEach((result, r) => {
        if (!isObject(result) || result.type !== 'labels') return;
        const where = `${record}, annotation ${a + 1}, result ${r + 1}`;
        const problem = (field: string, message: string): Problem => ({ file, record: where, field, message });
        if (textOf === null) return void problems.push({ file, record, field: 'data.text', message: 'a task with text labels needs its text in data.text' });
        const value = isObject(result.value) ? result.value : {};
        const { start, end } = value;
        if (typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
          return void problems.push(problem('value.start', `start and end must be whole numbers with 0 ≤ start < end, got ${JSON.stringify([start ?? null, end ?? null])}`));
        }
        const quote = optionalString(value.text);
        const span = codePointSpan(textOf, start, end, quote);
        if (span.utf16) utf16 += 1;
        const context = span.fits ? quoteContext(textOf, span.start, span.end) : { exact: quote, prefix: null, suffix: null };
        const memo = asList(isObject(result.meta) ? result.meta.text : undefined).filter((m): m is string => typeof m === 'string').join('\n\n');
        asList(value.labels).forEach((label) => {
          if (typeof label !== 'string' || label.trim() === '') return void problems.push(problem('value.labels', 'each label must be a code name or path'));
          annotations.push({
            where,
            post: reference,
            start: span.start,
            end: span.end,
            ...context,
            codePath: label.trim(),
            codeId: null,
            coder,
            memo,
            created: optionalString(annotation.created_at),
            modified: optionalString(annotation.updated_at),
            id: asList(value.labels).length === 1 ? optionalString(result.id) : null,
          });
        });
      });
    });
  });
  if (problems.length > 0) return err(problems);
  const notes: string[] = [];
  if (utf16 > 0) notes.push(`${utf16} ${utf16 === 1 ? 'region’s' : 'regions’'} offsets were UTF-16 code units (an older Label Studio): read as code points.`);
  if (predictions > 0) notes.push(`${predictions} ${predictions === 1 ? 'prediction was' : 'predictions were'} left out: only annotations are read.`);
  return ok({ format: 'label-studio', annotations, documents, notes });
}

/** Annotations, and the `completions` of Label Studio before 1.0. */
const annotationsOf = (task: JsonObject): JsonObject[] => [...asList(task.annotations), ...asList(task.completions)].filter(isObject);

function coderOf(annotation: JsonObject, severalAnnotators: boolean): string | null {
  const username = optionalString(annotation.created_username)?.replace(/,\s*\d+\s*$/, '').trim();
  if (username) return username;
  const by: Json | undefined = annotation.completed_by;
  if (isObject(by)) {
    const name = [optionalString(by.first_name), optionalString(by.last_name)].filter((p) => p).join(' ').trim();
    if (name !== '') return name;
    if (optionalString(by.email)) return optionalString(by.email);
  }
  if (!severalAnnotators) return null;
  const id = isObject(by) ? by.id : by;
  return `Label Studio user ${id === undefined || id === null ? '?' : String(id as string | number)}`;
}

/** The region's offsets as code points: as given when they cut out its text, else as UTF-16 units when those do. */
function codePointSpan(text: string, start: number, end: number, quote: string | null): { start: number; end: number; fits: boolean; utf16: boolean } {
  if (quote === null || sliceCodePoints(text, start, end) === quote) return { start, end, fits: true, utf16: false };
  if (text.slice(start, end) === quote) {
    const from = utf16ToCodePoint(text, start);
    const to = utf16ToCodePoint(text, end);
    // Only when the units fall on code point boundaries; a cut surrogate pair is no span.
    if (codePointToUtf16(text, from) === start && codePointToUtf16(text, to) === end) return { start: from, end: to, fits: true, utf16: true };
  }
  return { start, end, fits: false, utf16: false };
}

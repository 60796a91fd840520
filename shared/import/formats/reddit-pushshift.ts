/**
 * Pushshift and Arctic Shift dumps (`RC_…` comments, `RS_…` submissions), docs/thread-formats.md,
 * "Reddit dumps (Pushshift, Arctic Shift)": NDJSON, one flat object per line, comments and
 * submissions possibly mixed. Threads are the `link_id`s and edges the `parent_id`s; a slice of a
 * dump usually lacks some parents, which assembly turns into visible placeholders.
 *
 * Built to stream: `redditDumpRecord` handles one parsed line, so the Worker can feed it from
 * Utf8LineSplitter without holding the file. `parseRedditDump` is the whole-text path for small
 * files. Whether a dump's text is entity-escaped was not checked against a real dump
 * (docs/thread-formats.md, "Open questions"), so it is detected: per file when the whole text is at
 * hand, per record when streaming.
 */
import { err, ok, type Result } from '../../util/result';
import { ProblemList, isImportProblem } from '../import-problem';
import { parseJsonText } from '../json-problem';
import type { ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { escapingOf, isObject, redditRecord, redditTexts, type JsonObject, type RedditEscaping, type RedditKind } from './reddit-record';

export const REDDIT_DUMP_FORMAT = 'reddit-dump';

const NOT_A_DUMP = 'not a Reddit dump (Pushshift / Arctic Shift NDJSON: one comment or submission object per line)';

/** The first line is an object with Reddit's comment or submission fields. */
export function detectRedditDump(head: string): boolean {
  const start = head.replace(/^\uFEFF?\s*/, '');
  if (!start.startsWith('{')) return false;
  const newline = start.indexOf('\n');
  const first = newline === -1 ? start : start.slice(0, newline);
  const has = (key: string): boolean => new RegExp(`"${key}"\\s*:`).test(first);
  return has('subreddit') && has('id') && (has('link_id') || has('parent_id') || has('selftext') || has('num_comments'));
}

/** A comment has a body or parent; a submission a title or self text; `name` settles it. */
function kindOf(obj: JsonObject): RedditKind | null {
  if (typeof obj.name === 'string' && /^t[13]_/.test(obj.name)) return obj.name.startsWith('t1_') ? 't1' : 't3';
  if ('body' in obj || 'parent_id' in obj) return 't1';
  if ('title' in obj || 'selftext' in obj) return 't3';
  return null;
}

/**
 * One parsed NDJSON line → a post, or a problem naming the file and line. `escaping` is the
 * file's, when known; 'detect' decides from this record's own text.
 */
export function redditDumpRecord(
  obj: unknown,
  where: { file: string; line?: number },
  escaping: RedditEscaping | 'detect' = 'detect',
): RawPost | Problem {
  const at = { file: where.file, ...(where.line === undefined ? {} : { line: where.line }) };
  if (!isObject(obj)) return { ...at, message: `expected a JSON object, found ${Array.isArray(obj) ? 'an array' : typeof obj}` };
  const kind = kindOf(obj);
  if (kind === null) return { ...at, message: 'not a Reddit comment or submission (no body, parent_id, title or selftext)' };
  return redditRecord(obj, kind, at, escaping === 'detect' ? escapingOf(redditTexts(obj)) : escaping);
}

export function parseRedditDump(text: string, fileName: string): ParsedFile | Problem[] {
  const problems = new ProblemList(fileName);
  const objects: Array<{ obj: unknown; line: number }> = [];
  let line = 0;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    line++;
    // Untrimmed (JSON allows the CR of a CRLF as whitespace) so error columns match the file.
    const content = text.slice(start, end);
    start = end + 1;
    if (content.trim() === '') continue;
    const parsed = parseJsonText(content, fileName, line);
    if (!parsed.ok) problems.add(parsed.error);
    else if (objects.length === 0 && !(isObject(parsed.value) && kindOf(parsed.value) !== null)) {
      // The first record decides whether this is a dump at all; one clear message beats one per line.
      return [{ file: fileName, line, message: NOT_A_DUMP }];
    } else objects.push({ obj: parsed.value, line });
  }
  if (objects.length === 0 && problems.count === 0) return [{ file: fileName, message: 'the file is empty' }];
  if (problems.count > 0) return problems.list();

  const escaping = escapingOf(objects.flatMap(({ obj }) => (isObject(obj) ? redditTexts(obj) : [])));
  const posts: RawPost[] = [];
  for (const { obj, line: at } of objects) {
    const post = redditDumpRecord(obj, { file: fileName, line: at }, escaping);
    if (isImportProblem(post)) problems.add(post);
    else posts.push(post);
  }
  if (problems.count > 0) return problems.list();
  return { format: REDDIT_DUMP_FORMAT, posts, warnings: [] };
}

/** parseRedditDump in the registry's Result shape. */
export function parseRedditDumpResult(text: string, fileName: string): Result<ParsedFile, Problem[]> {
  const parsed = parseRedditDump(text, fileName);
  return Array.isArray(parsed) ? err(parsed) : ok(parsed);
}

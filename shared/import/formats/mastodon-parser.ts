/**
 * Mastodon API JSON (docs/thread-formats.md, "Mastodon"): a single Status (`GET
 * /api/v1/statuses/:id`), a context (`GET /api/v1/statuses/:id/context`, `{ancestors,
 * descendants}`), an array of statuses (a timeline), a search result's `statuses`, and arrays
 * mixing statuses and contexts (a status saved together with its context).
 *
 * A context never includes its focal status. When the file does not hold it either, the
 * descendants that answer it point to a post that is absent: they hang under a "missing post"
 * placeholder (assembly), and a warning says which status to fetch. They still belong to the
 * ancestors' thread: the ancestors run from the root down to the focal status's parent, so the
 * focal status's replies take the root's thread key rather than starting a thread of their own.
 */
import { err, ok, type Result } from '../../util/result';
import type { FormatParser } from '../detect-format';
import { ProblemList, isImportProblem } from '../import-problem';
import { parseJsonText } from '../json-problem';
import type { ImportWarning, ParsedFile, RawPost } from '../raw-post';
import type { Problem } from '../../problem/problem';
import { mastodonStatus } from './mastodon-status';
import { inside, isObject, type JsonObject, type RecordWhere } from './json-fields';
import { inheritRootThreadKeys } from './thread-keys';

export const MASTODON_FORMAT = 'mastodon';

const NOT_MASTODON =
  'not a Mastodon status or context: expected an object with "id" and "content", or "ancestors" and "descendants"';

const CONTEXT_START = /^\uFEFF?\s*\{\s*"(?:ancestors|descendants)"\s*:\s*\[/;
const REPLY_POINTER = /"in_reply_to_id"\s*:/;
const STATUS_FIELD = /"(?:spoiler_text|reblogs_count|favourites_count)"\s*:/;

interface Context {
  where: RecordWhere;
  ancestors: RawPost[];
  descendants: RawPost[];
}

export const mastodonParser: FormatParser = {
  id: MASTODON_FORMAT,
  label: 'Mastodon API (status, context, or statuses)',
  detect: (head) =>
    /^\uFEFF?\s*[[{]/.test(head) && (CONTEXT_START.test(head) || (REPLY_POINTER.test(head) && STATUS_FIELD.test(head))),
  parse: parseMastodon,
};

export function parseMastodon(text: string, fileName: string): Result<ParsedFile, Problem[]> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return err([{ file: fileName, message: 'the file is empty' }]);
  const json = parseJsonText(body, fileName);
  if (!json.ok) return err([json.error]);

  const problems = new ProblemList(fileName);
  const posts: RawPost[] = [];
  const contexts: Context[] = [];
  const units = unitsOf(json.value, fileName);
  for (const { value, where } of units) {
    if (isContext(value)) contexts.push(readContext(value, where, problems, posts));
    else if (isObject(value) && 'id' in value) add(mastodonStatus(value, where), problems, posts);
    else problems.add({ ...where, message: NOT_MASTODON });
    if (problems.full) break;
  }
  if (problems.count > 0) return err(problems.list());

  const { bridged, warnings } = bridgeAbsentFocals(firstOfEach(posts), contexts);
  return ok({ format: MASTODON_FORMAT, posts: inheritRootThreadKeys(bridged), warnings });
}

/**
 * For each context whose focal status the file lacks: a warning naming it, and its replies moved
 * into the ancestors' thread. The ancestors run root first, so the first one's provisional key is
 * the root (or, past the API's ancestor cap, the nearest post above it the file names).
 */
function bridgeAbsentFocals(posts: RawPost[], contexts: readonly Context[]): { bridged: RawPost[]; warnings: ImportWarning[] } {
  const present = new Set(posts.map((p) => p.platformId));
  const warnings: ImportWarning[] = [];
  const rootKeyOfFocal = new Map<string, string>();
  for (const context of contexts) {
    const focal = absentFocal(context, present);
    if (focal === null) continue;
    warnings.push({
      ...inside(context.where, 'descendants'),
      field: 'in_reply_to_id',
      message:
        `the context's own status ${focal} is not in this file (a context response leaves it out); its replies hang under a placeholder. ` +
        `Import GET /api/v1/statuses/${focal} together with this file to fill it in`,
    });
    const first = context.ancestors[0];
    if (first !== undefined) rootKeyOfFocal.set(focal, first.threadKey);
  }
  const bridged = posts.map((post) => {
    const rootKey = post.parentPlatformId === null ? undefined : rootKeyOfFocal.get(post.parentPlatformId);
    return rootKey === undefined ? post : { ...post, threadKey: rootKey };
  });
  return { bridged, warnings };
}

/** The statuses and contexts of the file: its array's items, a search result's `statuses`, or itself. */
function unitsOf(top: unknown, file: string): Array<{ value: unknown; where: RecordWhere }> {
  if (Array.isArray(top)) return top.map((value, i) => ({ value, where: { file, record: `[${i}]` } }));
  // GET /api/v2/search: {accounts, statuses, hashtags}.
  if (isObject(top) && Array.isArray(top.statuses) && !('id' in top)) {
    return top.statuses.map((value, i) => ({ value, where: { file, record: `statuses[${i}]` } }));
  }
  return [{ value: top, where: { file } }];
}

function isContext(value: unknown): value is JsonObject {
  return isObject(value) && (Array.isArray(value.ancestors) || Array.isArray(value.descendants)) && !('id' in value);
}

function readContext(value: JsonObject, where: RecordWhere, problems: ProblemList, posts: RawPost[]): Context {
  const context: Context = { where, ancestors: [], descendants: [] };
  for (const part of ['ancestors', 'descendants'] as const) {
    const list = value[part];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.add({ ...where, field: part, message: `expected "${part}" to be an array of statuses` });
      continue;
    }
    for (const [i, status] of list.entries()) {
      const at = inside(where, `${part}[${i}]`);
      if (!isObject(status)) {
        problems.add({ ...at, message: 'expected a status object' });
        continue;
      }
      const post = add(mastodonStatus(status, at), problems, posts);
      if (post !== null) context[part].push(post);
    }
  }
  return context;
}

function add(result: RawPost | Problem, problems: ProblemList, posts: RawPost[]): RawPost | null {
  if (isImportProblem(result)) {
    problems.add(result);
    return null;
  }
  posts.push(result);
  return result;
}

/** A status saved twice (its own response and in a context) is one post: the first copy is kept. */
function firstOfEach(posts: readonly RawPost[]): RawPost[] {
  const seen = new Set<string>();
  const unique: RawPost[] = [];
  for (const post of posts) {
    if (seen.has(post.platformId)) continue;
    seen.add(post.platformId);
    unique.push(post);
  }
  return unique;
}

/**
 * The focal status of a context: the post its top descendants answer (a descendant whose parent is
 * not another descendant). null when the file holds it, or when nothing answers it.
 */
function absentFocal(context: Context, present: ReadonlySet<string>): string | null {
  const descendantIds = new Set(context.descendants.map((p) => p.platformId));
  for (const post of context.descendants) {
    const parent = post.parentPlatformId;
    if (parent !== null && !descendantIds.has(parent)) return present.has(parent) ? null : parent;
  }
  return null;
}

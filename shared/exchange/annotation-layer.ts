/**
 * An annotation file (already read into ExchangeAnnotations) placed onto this project's posts, as
 * the coder layer bundle the core's `coders.add-layer` takes (shared/project/operations/
 * coder-layer.ts): the app's "Add coder files…" and `threadmark import-annotations` both go through
 * here and then through that one operation, so the import is one journal entry, all or nothing.
 *
 * - Posts match by Threadmark id, else (platform, platform id), else the post's URL, else a text
 *   identical to the file's own; a span whose post is not found is reported, never guessed.
 * - Positions are kept when they cut out the quote in the stored text; otherwise the quote is
 *   looked for (prefix and suffix break ties, then nearness) and the move is reported; a quote
 *   not in the post is reported as not placed.
 * - Codes match by id, else by path ("Parent > Child"), else a one-level label by a unique code
 *   name. Unknown codes are refused, skipped or created, as the researcher chooses.
 * - Coders by name; annotations that name none get the name the researcher gives.
 */
import type { Bundle, BundleCoding } from '../bundle/bundle';
import { CODE_PATH_SEPARATOR, codePath, sortCodesAsTree } from '../codebook/code-path';
import { EMPTY_CODE_FIELDS, type Code, type Coder, type Post } from '../model/records';
import type { Problem } from '../problem/problem';
import { sliceCodePoints } from '../text/offsets';
import type { IdSource } from '../util/clock';
import { err, ok, type Result } from '../util/result';
import type { ExchangeAnnotation, ExchangeFile, PostReference } from './exchange-annotation';
import { anchorSpan, shorten } from './quote-anchor';

export type UnknownCodes = 'refuse' | 'skip' | 'create';
export const UNKNOWN_CODE_CHOICES: readonly UnknownCodes[] = ['refuse', 'skip', 'create'];

export interface AnnotationImportOptions {
  /** The coder of annotations whose file names none (a plain doccano file). */
  coderName: string;
  unknownCodes: UnknownCodes;
  ids: IdSource;
  /** ISO time for codings whose file gives none. */
  now: string;
}

export interface MovedSpan {
  where: string;
  postId: string;
  from: { start: number | null; end: number | null };
  to: { start: number; end: number };
  quote: string;
}

export interface AnnotationImportReport {
  /** Spans read from the file. */
  read: number;
  /** Codings the layer holds (moved ones included). */
  placed: number;
  moved: MovedSpan[];
  unplaced: Array<{ where: string; reason: string }>;
  /** Code paths the codebook lacks: created (those a placed coding uses), or their codings left out, as chosen. */
  unknownCodes: string[];
  unknownCodeChoice: UnknownCodes;
  /** Spans given twice by one coder on one post with one code: added once. */
  duplicates: number;
  coders: string[];
  /** What the reader had to decide (offsets read as UTF-16, predictions left out, …). */
  notes: string[];
}

type ProjectData = Pick<Bundle, 'project' | 'threads' | 'posts' | 'codes' | 'app'>;

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#469990', '#9a6324', '#808000'];

/** The coder layer bundle and what placing it did; refused (with every unknown code named) only under 'refuse'. */
export function planAnnotationLayer(
  project: ProjectData,
  file: ExchangeFile,
  fileName: string,
  options: AnnotationImportOptions,
): Result<{ incoming: Bundle; report: AnnotationImportReport }, Problem[]> {
  const findPost = postFinder(project.posts);
  const codes = codeFinder(project.codes);
  const report: AnnotationImportReport = {
    read: file.annotations.length,
    placed: 0,
    moved: [],
    unplaced: [],
    unknownCodes: [],
    unknownCodeChoice: options.unknownCodes,
    duplicates: 0,
    coders: [],
    notes: [...file.notes],
  };

  const unknown = [...new Set(file.annotations.filter((a) => codes.find(a) === null).map((a) => a.codePath))];
  report.unknownCodes = unknown;
  if (unknown.length > 0 && options.unknownCodes === 'refuse') {
    return err(
      unknown.map((path) => ({
        file: fileName,
        record: `code “${path}”`,
        message: 'is not in the codebook: add it first, or choose to create the codes the file names (or to leave their codings out)',
      })),
    );
  }
  const created = options.unknownCodes === 'create' ? createCodes(project.codes, unknown, options.ids) : { leafOf: new Map<string, Code>(), all: [] };

  const coderIds = new Map<string, string>();
  const coderOf = (name: string): string => {
    let id = coderIds.get(name);
    if (id === undefined) {
      id = options.ids.newId();
      coderIds.set(name, id);
    }
    return id;
  };
  const usedPosts = new Map<string, Post>();
  for (const document of file.documents) {
    const found = findPost(document, null);
    if (found.ok) usedPosts.set(found.value.id, found.value);
  }
  const codings: BundleCoding[] = [];
  const seen = new Set<string>();
  for (const annotation of file.annotations) {
    const codeId = codes.find(annotation) ?? created.leafOf.get(annotation.codePath)?.id ?? null;
    if (codeId === null) continue; // unknown and skipped: counted in unknownCodes
    const found = findPost(annotation.post, annotation.exact);
    if (!found.ok) {
      report.unplaced.push({ where: annotation.where, reason: found.error });
      continue;
    }
    const post = found.value;
    const anchored = anchorSpan(post.text, annotation);
    if (anchored.kind === 'unplaced') {
      report.unplaced.push({ where: annotation.where, reason: anchored.reason });
      continue;
    }
    if (anchored.kind === 'moved') {
      report.moved.push({ where: annotation.where, postId: post.id, from: { start: annotation.start, end: annotation.end }, to: { start: anchored.start, end: anchored.end }, quote: annotation.exact ?? '' });
    }
    const coder = (annotation.coder ?? '').trim() || options.coderName.trim();
    const key = JSON.stringify([coder, post.id, codeId, anchored.start, anchored.end]);
    if (seen.has(key)) {
      report.duplicates += 1;
      continue;
    }
    seen.add(key);
    usedPosts.set(post.id, post);
    const createdAt = isoOr(annotation.created, options.now);
    codings.push({
      id: annotation.id ?? options.ids.newId(),
      postId: post.id,
      codeId,
      coderId: coderOf(coder),
      start: anchored.start,
      end: anchored.end,
      quote: sliceCodePoints(post.text, anchored.start, anchored.end),
      memo: annotation.memo,
      createdAt,
      updatedAt: isoOr(annotation.modified, createdAt),
    });
  }
  report.placed = codings.length;
  // Only the codes a placed coding uses are created (coders.add-layer adds no unused code).
  if (options.unknownCodes === 'create') {
    const used = new Set(codings.map((c) => c.codeId));
    report.unknownCodes = unknown.filter((path) => used.has(created.leafOf.get(path)?.id ?? ''));
  }
  const coders: Coder[] = [...coderIds.entries()].map(([name, id]) => ({ id, name }));
  report.coders = coders.map((c) => c.name);
  const posts = project.posts.filter((p) => usedPosts.has(p.id));
  const threadIds = new Set(posts.map((p) => p.threadId));
  return ok({
    incoming: {
      format: 'threadmark',
      formatVersion: 3,
      exportedAt: options.now,
      app: project.app,
      project: project.project,
      threads: project.threads.filter((t) => threadIds.has(t.id)),
      posts,
      codes: [...project.codes, ...created.all],
      coders,
      codings,
    },
    report,
  });
}

const isoOr = (value: string | null, fallback: string): string => {
  if (value === null) return fallback;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return fallback;
  const iso = new Date(time).toISOString();
  // Keep the file's own spelling when it already is the canonical form (round trips keep their bytes).
  return iso === value ? value : iso;
};

function postFinder(posts: readonly Post[]) {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const group = (key: (p: Post) => string | null): Map<string, Post[]> => {
    const map = new Map<string, Post[]>();
    for (const p of posts) {
      const k = key(p);
      if (k === null) continue;
      const list = map.get(k);
      if (list) list.push(p);
      else map.set(k, [p]);
    }
    return map;
  };
  const byPlatform = group((p) => (p.platformId === null ? null : `${p.platform}\u0000${p.platformId}`));
  const byUrl = group((p) => p.url);
  const byText = group((p) => (p.text === '' ? null : p.text));
  /** Of several candidates, the one with the file's text, else the only one holding the quote. */
  const pick = (candidates: readonly Post[], ref: PostReference, quote: string | null): Post | null => {
    if (candidates.length === 1) return candidates[0]!;
    const same = candidates.filter((p) => ref.text !== null && p.text === ref.text);
    if (same.length >= 1) return same[0]!;
    const holding = quote === null ? [] : candidates.filter((p) => p.text.includes(quote));
    return holding.length === 1 ? holding[0]! : null;
  };
  return (ref: PostReference, quote: string | null): Result<Post, string> => {
    const direct = ref.postId === null ? undefined : byId.get(ref.postId);
    if (direct) return ok(direct);
    const tries: Array<[string, Post[] | undefined]> = [
      ['platform id', ref.platformId === null || ref.platform === null ? undefined : byPlatform.get(`${ref.platform}\u0000${ref.platformId}`)],
      ['address', ref.url === null ? undefined : byUrl.get(ref.url)],
      ['text', ref.text === null ? undefined : byText.get(ref.text)],
    ];
    for (const [what, candidates] of tries) {
      if (!candidates || candidates.length === 0) continue;
      const found = pick(candidates, ref, quote);
      if (found) return ok(found);
      return err(`${candidates.length} posts share its ${what} and the quote does not tell them apart`);
    }
    const named = [ref.postId && `id ${ref.postId}`, ref.platformId && `platform id ${ref.platformId}`, ref.url && `address ${ref.url}`].filter(Boolean).join(', ');
    return err(`no post of this project matches it${named ? ` (${named})` : ref.text !== null ? ` (text “${shorten(ref.text)}”)` : ''}`);
  };
}

function codeFinder(projectCodes: readonly Code[]) {
  const byId = new Map(projectCodes.map((c) => [c.id, c]));
  const byPath = new Map<string, string>();
  const byName = new Map<string, string[]>();
  for (const { code } of sortCodesAsTree(projectCodes)) {
    const path = codePath(byId, code.id);
    if (!byPath.has(path)) byPath.set(path, code.id);
    byName.set(code.name, [...(byName.get(code.name) ?? []), code.id]);
  }
  return {
    find(annotation: Pick<ExchangeAnnotation, 'codeId' | 'codePath'>): string | null {
      if (annotation.codeId !== null && byId.has(annotation.codeId)) return annotation.codeId;
      const path = splitPath(annotation.codePath).join(CODE_PATH_SEPARATOR);
      const exact = byPath.get(path);
      if (exact !== undefined) return exact;
      const named = path.includes(CODE_PATH_SEPARATOR) ? undefined : byName.get(path);
      return named?.length === 1 ? named[0]! : null;
    },
  };
}

/** The codes for unknown paths, with each missing level of a path as a code of its own (parents first). */
function createCodes(projectCodes: readonly Code[], paths: readonly string[], ids: IdSource): { leafOf: Map<string, Code>; all: Code[] } {
  const byId = new Map(projectCodes.map((c) => [c.id, c]));
  const idByPath = new Map<string, string>();
  for (const { code } of sortCodesAsTree(projectCodes)) {
    const path = codePath(byId, code.id);
    if (!idByPath.has(path)) idByPath.set(path, code.id);
  }
  const leafOf = new Map<string, Code>();
  const createdByPath = new Map<string, Code>();
  for (const path of paths) {
    const names = splitPath(path);
    let parentId: string | null = null;
    let code: Code | undefined;
    names.forEach((name, depth) => {
      const prefix = names.slice(0, depth + 1).join(CODE_PATH_SEPARATOR);
      const existing = idByPath.get(prefix);
      if (existing !== undefined) {
        parentId = existing;
        code = undefined;
        return;
      }
      code = createdByPath.get(prefix);
      if (!code) {
        code = { ...EMPTY_CODE_FIELDS, id: ids.newId(), name, parentId, color: PALETTE[createdByPath.size % PALETTE.length]!, order: 0, examples: [], exemplarCodingIds: [] };
        createdByPath.set(prefix, code);
      }
      parentId = code.id;
    });
    if (code) leafOf.set(path, code);
  }
  return { leafOf, all: [...createdByPath.values()] };
}

/** "A > B" split into trimmed names, however the separator was spaced. */
const splitPath = (path: string): string[] => path.split(CODE_PATH_SEPARATOR.trim()).map((s) => s.trim()).filter((s) => s !== '');

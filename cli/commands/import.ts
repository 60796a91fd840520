import process from 'node:process';

import type { Bundle } from '@shared/bundle/bundle';
import { parserById, type FormatParser } from '@shared/import/detect-format';
import { formatParsers } from '@shared/import/formats';
import type { ImportWarning, ParsedFile } from '@shared/import/raw-post';
import { mappingFormats, readColumnMapping, type ColumnMapping, type MappingFormats } from '@shared/import/stream/column-mapping';
import type { Platform, Post, Thread } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import { importThreads } from '@shared/project/operations/threads-import';
import { existingPostsFor } from '@shared/project/queries/assemble-import';
import { runOperation, type CoreEnv } from '@shared/project/run-operation';
import { formatProblem, type Problem } from '@shared/problem/problem';
import { parseTake } from '@shared/codebook/take-option';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';
import { err, ok, type Result } from '@shared/util/result';

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { usageError } from '../usage-error';
import { assembleInBatches, DEFAULT_ASSEMBLY_BATCH, type BatchedImport, type BatchTarget } from '../import/assemble-in-batches';
import { importIoOf } from '../import/import-io';
import { fullGc } from '../import/gc';
import { formatImportProblem } from '../import/import-problem-text';
import { DEFAULT_STREAM_THRESHOLD, readImportFile } from '../import/read-import-file';
import { DEFAULT_WHOLE_VALIDATION_LIMIT, validateImport } from '../import/validate-import';
import { CODEBOOK_FORMATS, codebookFormatOfName, isCodebookFormat, type CodebookFormat } from '../codebook/codebook-file';
import { importCodebook } from '../codebook/import-codebook';
import { CLI_ACTOR, cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { importQdpxProject } from './import-qdpx';

/** Warnings printed in the summary; the rest are counted. */
export const SHOWN_WARNINGS = 20;

export interface ImportDeps {
  parsers: readonly FormatParser[];
  clock: Clock;
  ids: IdSource;
  /** Files at least this big are streamed line by line when their format allows it. */
  streamThreshold: number;
  /** Posts per assembleThreads call and importThreads commit (whole threads): one journal entry each. */
  assemblyBatch: number;
  /** Bundles with up to this many posts are validated in one validateBundle call, bigger ones in batches. */
  wholeValidationLimit: number;
  /** Imports of at least this many posts collect garbage after every batch (gc.ts). */
  gcThreshold: number;
  /** Formats that take --map. */
  mappingFormats: MappingFormats;
}

const defaultDeps: ImportDeps = {
  parsers: formatParsers,
  clock: systemClock,
  ids: randomIds,
  streamThreshold: DEFAULT_STREAM_THRESHOLD,
  assemblyBatch: DEFAULT_ASSEMBLY_BATCH,
  wholeValidationLimit: DEFAULT_WHOLE_VALIDATION_LIMIT,
  mappingFormats,
  gcThreshold: 200_000,
};

/**
 * `threadmark import <files...> [--format F] [--map field=column,...] -o <bundle> [--into <bundle>]`;
 * `threadmark import <x.qdpx> -o <bundle> [--split source|paragraph]` (a whole REFI-QDA project,
 * import-qdpx.ts; `--codebook-only` takes only its codebook)
 * The --into bundle (or a new, empty project) is opened as a project store (cli/project/
 * bundle-file.ts); the files' threads are assembled against it and added by the core's
 * importThreads operation, journaled, batch by batch for a big import (assemble-in-batches.ts).
 * All or nothing: every file is read, parsed, assembled and committed in memory, and the bundle
 * validated, before the output is written (atomically). -o may equal --into: the bundle is then
 * replaced only on success. A codebook file (.qdc, .qdpx, or --format codebook-csv) is imported on
 * its own instead (cli/codebook/import-codebook.ts), with `--take` saying which differences --into takes.
 */
export async function importCommand(args: readonly string[], cliIo: CliIo, overrides: Partial<ImportDeps> = {}): Promise<number> {
  const deps = { ...defaultDeps, ...overrides };
  const io = importIoOf(cliIo);
  const parsed = parseArgs(args, [
    { name: 'format', takesValue: true },
    { name: 'map', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
    { name: 'into', takesValue: true },
    { name: 'stats', takesValue: false },
    { name: 'take', takesValue: true },
    { name: 'codebook-only', takesValue: false },
    { name: 'split', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('import', parsed.error, io);
  const { positionals: files, options } = parsed.value;
  const output = options.get('output');
  const into = options.get('into');
  const formatId = options.get('format');
  const mapSpec = options.get('map');
  if (files.length === 0) return usageError('import', 'missing <files...>', io);
  if (typeof output !== 'string' || output === '-') return usageError('import', 'missing -o <bundle.threadmark.json>', io);

  // A .qdpx is a whole project unless only its codebook is asked for (import-qdpx.ts).
  const split = options.get('split');
  const qdpxProject = files.length === 1 && /\.qdpx$/i.test(files[0]!) && !options.has('codebook-only') && formatId === undefined;
  if (split !== undefined && !qdpxProject) return usageError('import', '--split is for a .qdpx project import', io);
  if (split !== undefined && split !== 'source' && split !== 'paragraph') return usageError('import', '--split takes source (one post per source) or paragraph (one post per paragraph)', io);
  if (qdpxProject) {
    for (const option of ['map', 'stats', 'take'] as const) if (options.has(option)) return usageError('import', `--${option} is not for a .qdpx project import`, io);
    const request = { file: files[0]!, output, into: typeof into === 'string' ? into : null, split: split === 'paragraph' ? ('paragraph' as const) : ('source' as const) };
    return importQdpxProject(io, request, deps);
  }
  if (options.has('codebook-only') && !files.every((f) => /\.(qdpx|qdc)$/i.test(f))) return usageError('import', '--codebook-only is for a .qdpx or .qdc file', io);
  const codebook = codebookRequest(files, options, typeof formatId === 'string' ? formatId : null);
  if (codebook !== null) {
    if (!codebook.ok) return usageError('import', codebook.error, io);
    const takeOption = options.get('take');
    const take = parseTake(typeof takeOption === 'string' ? takeOption : undefined);
    if (!take.ok) return usageError('import', take.error, io);
    const file = files[0] as string;
    const request = { file, format: codebook.value, output, into: typeof into === 'string' ? into : null, take: take.value, projectName: projectName(file) };
    return importCodebook(io, request, deps);
  }
  if (options.has('take')) return usageError('import', '--take is for a codebook import with --into (a .qdc, .qdpx or --format codebook-csv file)', io);

  const ids = [...deps.parsers.map((p) => p.id), ...CODEBOOK_FORMATS].join(', ');
  let forced: FormatParser | null = null;
  if (typeof formatId === 'string') {
    forced = parserById(formatId, deps.parsers);
    if (forced === null) return usageError('import', `unknown format "${formatId}" (one of: ${ids})`, io);
  }
  let mapping: ColumnMapping | null = null;
  if (typeof mapSpec === 'string') {
    const map = readColumnMapping(mapSpec, (forced ? [forced] : deps.parsers).map((p) => p.id), deps.mappingFormats);
    if (!map.ok && map.error === 'none') {
      const reason = forced ? `format "${forced.id}" takes no --map` : 'no import format takes --map';
      return usageError('import', `${reason} (--map is for formats with columns, such as CSV)`, io);
    }
    if (!map.ok) return usageError('import', map.error, io);
    mapping = map.value;
  }

  const stats = options.has('stats');
  const started = Date.now();
  const stat = (phase: string): void => {
    if (!stats) return;
    const m = process.memoryUsage();
    const mb = (n: number) => Math.round(n / (1024 * 1024));
    io.stderr(`stats: ${phase} after ${((Date.now() - started) / 1000).toFixed(1)} s: heap ${mb(m.heapUsed)} MB, rss ${mb(m.rss)} MB, peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB\n`);
  };
  const fail = (lines: string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };

  // The project to add to: read and validated first, so a bad one stops the import before parsing.
  let store = new MemoryProjectStore();
  let env: CoreEnv = { clock: deps.clock, ids: deps.ids, actor: CLI_ACTOR };
  if (typeof into === 'string') {
    const opened = await openProjectFile(into, io);
    if (!opened.ok) return fail(opened.error.lines);
    store = opened.value.store;
    env = { ...env, actor: opened.value.actor };
  }

  const read: Array<{ fileName: string; parsed: ParsedFile; format: string }> = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const result = await readImportFile(io, file, { parsers: deps.parsers, forced, mapping, streamThreshold: deps.streamThreshold });
    if (result.ok) read.push({ fileName: file, parsed: result.value.parsed, format: result.value.parser.id });
    else problems.push(...result.error);
  }
  stat('parsed');
  if (problems.length > 0) return fail([...problems.map(formatImportProblem), `threadmark: nothing written (${files.length === 1 ? 'the file has' : 'an import of several files is all or nothing;'} problems above)`]);
  if (mapping !== null && !read.some((r) => mapping.byFormat.has(r.format))) {
    return usageError('import', `--map was given but no file is of a format that takes it (${read.map((r) => `${r.fileName}: ${r.format}`).join(', ')})`, io);
  }
  const parsedPosts = read.reduce((n, r) => n + r.parsed.posts.length, 0);
  const collect = parsedPosts >= deps.gcThreshold ? fullGc() : () => {};
  const parserWarnings = read.flatMap((r) => r.parsed.warnings);
  const source = files.join(', ');
  const name = projectName(files[0] as string);
  const importPart = async (threads: Thread[], posts: Post[], part: { index: number; count: number }): Promise<Problem | undefined> => {
    const input = { threads, posts, projectName: name, source: part.count > 1 ? `${source} (part ${part.index} of ${part.count})` : source };
    const applied = await runOperation(store, importThreads, input, env);
    return applied.ok ? undefined : applied.error;
  };
  const target: BatchTarget = {
    stored: await store.read((reader) => reader.storedPlatformIds(platformsOf(read))),
    existingFor: (parsed) => store.read((reader) => existingPostsFor(reader, parsed)),
    commit: ({ threads, posts }, part) => importPart(threads, posts, part),
  };
  // Hands the parsed posts over: they are let go batch by batch as threads are assembled and committed.
  const batched = await assembleInBatches(
    read.map(({ fileName, parsed }) => ({ fileName, parsed })),
    target,
    deps,
    deps.assemblyBatch,
    collect,
  );
  if (!batched.ok) return fail([`threadmark: ${formatProblem(batched.error)}`, 'threadmark: nothing written']);
  const assembled = batched.value;
  // A new bundle from files whose posts were all skipped still gets its project.
  if (assembled.batches === 0 && (await store.read((reader) => reader.project())) === undefined) {
    const problem = await importPart([], [], { index: 1, count: 1 });
    if (problem) return fail([`threadmark: ${formatProblem(problem)}`, 'threadmark: nothing written']);
  }
  stat('assembled');
  const warnings: ImportWarning[] = [...parserWarnings, ...assembled.warnings];

  // A defect in assembly must not ship an invalid file: what the import touched is validated.
  const touched = new Set([...assembled.threads.map((t) => t.id), ...assembled.joinedThreadIds]);
  const check = (bundle: Bundle): Problem[] => {
    const invalid = validateImport(bundle, touched, { wholeLimit: deps.wholeValidationLimit, afterBatch: collect });
    stat('validated');
    return invalid;
  };
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock), { check });
  if (!saved.ok) return fail(saveFailureLines(output, saved.error));
  stat('written');
  io.stdout(summary(read, assembled, warnings, output));
  return EXIT_OK;
}

/**
 * The codebook format when this is a codebook import (--format names one, or a file ends in .qdc
 * or .qdpx), a usage error when such an import is mixed with other files or thread options, and
 * null for a thread import.
 */
function codebookRequest(files: readonly string[], options: ReadonlyMap<string, string | true>, formatId: string | null): Result<CodebookFormat, string> | null {
  const named = files.filter((f) => codebookFormatOfName(f) !== null);
  const forced = formatId !== null && isCodebookFormat(formatId) ? formatId : null;
  if (forced === null && (formatId !== null || named.length === 0)) return null;
  if (files.length > 1) {
    const others = files.filter((f) => codebookFormatOfName(f) === null);
    if (forced === null && others.length > 0) {
      return err(`a codebook import cannot be mixed with thread files (${named.join(', ')}: codebook; ${others.join(', ')}: not): import them in two calls`);
    }
    return err(`a codebook import takes one codebook file, not ${files.length} (${files.join(', ')})`);
  }
  for (const option of ['map', 'stats'] as const) if (options.has(option)) return err(`--${option} is for thread imports, not a codebook import`);
  if (options.has('take') && !options.has('into')) return err('--take needs --into: a new bundle takes the whole codebook');
  return ok(forced ?? codebookFormatOfName(files[0] as string)!);
}

/** The platforms of the parsed posts: which of them the project holds is read for these. */
function platformsOf(read: ReadonlyArray<{ parsed: ParsedFile }>): Platform[] {
  const platforms = new Set<Platform>();
  for (const { parsed } of read) for (const post of parsed.posts) platforms.add(post.platform);
  return [...platforms];
}

/** `data/askscience-2024.ndjson` → `askscience-2024`. */
function projectName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/(\.[A-Za-z0-9]{1,8})+$/, '') || name;
}

function summary(
  read: ReadonlyArray<{ fileName: string; format: string }>,
  assembled: BatchedImport,
  warnings: readonly ImportWarning[],
  output: string,
): string {
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const lines = read.map(({ fileName, format }, i) => {
    const threads = assembled.threads.filter((t) => t.source.split(', ').includes(fileName)).length;
    const duplicates = assembled.duplicatesPerFile[i] ?? 0;
    const posts = assembled.postsPerFile[i] ?? 0;
    const fileWarnings = warnings.filter((w) => w.file === fileName).length;
    return `${fileName}: ${format}, ${plural(threads, 'thread')}, ${plural(posts, 'post')}, ${plural(duplicates, 'duplicate')} skipped, ${plural(fileWarnings, 'warning')}`;
  });
  lines.push(
    `wrote ${output}: ${plural(assembled.threads.length, 'new thread')}, ${plural(assembled.postCount, 'new post')} (placeholders included)` +
      (assembled.joinedThreadIds.length > 0 ? `, replies added to ${plural(assembled.joinedThreadIds.length, 'thread')} already in it` : '') +
      `, ${plural(assembled.duplicatesSkipped, 'duplicate')} skipped`,
  );
  if (warnings.length > 0) {
    lines.push(`${plural(warnings.length, 'warning')}:`);
    for (const w of warnings.slice(0, SHOWN_WARNINGS)) lines.push(`  ${formatImportProblem(w)}`);
    if (warnings.length > SHOWN_WARNINGS) lines.push(`  …and ${warnings.length - SHOWN_WARNINGS} more`);
  }
  return lines.map((l) => `${l}\n`).join('');
}

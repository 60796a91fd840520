/**
 * What the import Worker does, without the Worker: read every file (streaming NDJSON and CSV),
 * parse, rebuild reply trees against the posts already stored, answer with a preview, and write
 * only on `commit`, in one transaction. Each step reports progress, and throws CancelledError
 * once its signal is aborted. Kept apart from the Worker glue so it runs in unit tests over
 * memory files and fake-indexeddb.
 */
import { assembleThreads, type AssembledImport, type ExistingPosts, type StoredPost } from '@shared/import/assemble-threads';
import { existingPostsFor } from '@shared/project/queries/assemble-import';
import { parserById } from '@shared/import/detect-format';
import { formatParsers } from '@shared/import/formats';
import { CSV_FORMAT, csvColumnMapping, looksLikeCsvHeader, type CsvMappingOverride } from '@shared/import/formats/csv-parser';
import type { ParsedFile } from '@shared/import/raw-post';
import type { ByteSource } from '@shared/import/stream/byte-source';
import { mappingFormats, type ColumnMapping } from '@shared/import/stream/column-mapping';
import { readHead, readImportSource } from '@shared/import/stream/read-source';
import type { Platform } from '@shared/model/records';
import type { Problem } from '@shared/problem/problem';
import { CancelledError, cancelSignalOf, isCancelled, NEVER_CANCELLED, throwIfCancelled, type CancelSignal } from '@shared/util/cancelled';
import type { Clock, IdSource } from '@shared/util/clock';

import { csvSample } from './csv-sample';
import {
  SHOWN_WARNINGS,
  type CommitOutcome,
  type FilePreview,
  type ImportFailed,
  type ImportPreview,
  type PreviewOutcome,
  type ReadingProgress,
  type WritingProgress,
} from './import-protocol';

/** Where an import goes: the project's database (import-writer.ts), or a fake in tests. */
export interface ImportTarget {
  /** Which (platform, id) pairs are stored already: re-imports skip them. */
  existingPosts(platforms: readonly Platform[]): Promise<ExistingPosts>;
  /** Where stored posts are (keys `platform\u0000platformId`): replies to them join their threads. */
  locatePosts(keys: readonly string[]): Promise<Map<string, StoredPost>>;
  /** Writes everything in one transaction; `signal` cancelled between batches aborts it (nothing written). */
  write(
    assembled: Pick<AssembledImport, 'threads' | 'posts'>,
    projectName: string,
    progress: (written: number) => void,
    signal: CancelSignal,
  ): Promise<string | null>;
}

export interface ImportSessionDeps {
  target: ImportTarget;
  clock: Clock;
  ids: IdSource;
  /** Milliseconds, for posts per second. */
  now(): number;
}

/** A step's progress reports and its Cancel. */
export interface StepOptions<Progress> {
  signal?: AbortSignal;
  progress?: (progress: Progress) => void;
}

const failed = (message: string): ImportFailed => ({ type: 'failed', problems: [{ message }] });
const cancelSignal = (signal: AbortSignal | undefined): CancelSignal => (signal ? cancelSignalOf(signal) : NEVER_CANCELLED);

export class ImportSession {
  private assembled: AssembledImport | null = null;
  private projectName = 'Imported threads';
  private duplicates = 0;
  private warningCount = 0;

  constructor(private readonly deps: ImportSessionDeps) {}

  /** Reads and assembles every file: `needs-mapping`, `failed` or `preview`. */
  async preview(
    sources: readonly ByteSource[],
    formatId: string | null,
    csvMapping: CsvMappingOverride | null,
    options: StepOptions<ReadingProgress> = {},
  ): Promise<PreviewOutcome> {
    const signal = cancelSignal(options.signal);
    const forced = formatId === null ? null : parserById(formatId, formatParsers);
    if (formatId !== null && forced === null) return failed(`unknown format "${formatId}"`);
    if (sources.length === 0) return failed('no files chosen');

    if (csvMapping === null) {
      const unmapped = await this.firstUnmappedTable(sources, forced?.id ?? null);
      if (unmapped !== null) return unmapped;
    }
    const mapping: ColumnMapping | null =
      csvMapping === null ? null : { byFormat: new Map([[CSV_FORMAT, { format: mappingFormats[CSV_FORMAT]!, mapping: csvMapping }]]) };

    const read: Array<{ fileName: string; parsed: ParsedFile; formatId: string; formatLabel: string }> = [];
    const problems: Problem[] = [];
    for (const [index, source] of sources.entries()) {
      const result = await readImportSource(source, {
        parsers: formatParsers,
        forced,
        mapping,
        streamThreshold: 0,
        signal,
        formatHint: 'choose its format in the list',
        progress: (bytesRead) =>
          options.progress?.({ type: 'progress', phase: 'reading', file: source.name, fileIndex: index, fileCount: sources.length, bytesRead, bytesTotal: source.size }),
      });
      throwIfCancelled(signal, 'the import');
      if (result.ok) read.push({ fileName: source.name, parsed: result.value.parsed, formatId: result.value.parser.id, formatLabel: result.value.parser.label });
      else problems.push(...result.error);
    }
    if (problems.length > 0) return { type: 'failed', problems };

    const { target } = this.deps;
    const existing = await existingPostsFor({ storedPlatformIds: (platforms) => target.existingPosts(platforms), locatePosts: (keys) => target.locatePosts(keys) }, read.map((r) => r.parsed));
    const perFile = countPerFile(read.map((r) => r.parsed), existing);
    const parserWarnings = read.flatMap((r) => r.parsed.warnings);
    const assembled = assembleThreads(
      read.map(({ fileName, parsed }) => ({ fileName, parsed })),
      existing,
      { ids: this.deps.ids, clock: this.deps.clock },
    );
    const warnings = [...parserWarnings, ...assembled.warnings];
    this.assembled = assembled;
    this.projectName = projectName(sources[0]!.name);
    this.duplicates = assembled.duplicatesSkipped;
    this.warningCount = warnings.length;

    const files: FilePreview[] = read.map((r, i) => ({
      name: r.fileName,
      formatId: r.formatId,
      formatLabel: r.formatLabel,
      threads: assembled.threads.filter((t) => t.source.split(', ').includes(r.fileName)).length,
      posts: perFile[i]!.posts,
      duplicates: perFile[i]!.duplicates,
      warnings: warnings.filter((w) => w.file === r.fileName).length,
    }));
    const posts = files.reduce((n, f) => n + f.posts, 0);
    const preview: ImportPreview = {
      files,
      threads: assembled.threads.length,
      posts,
      placeholders: assembled.posts.length - posts,
      joinedThreads: assembled.joinedThreadIds.length,
      duplicates: assembled.duplicatesSkipped,
      warnings: warnings.slice(0, SHOWN_WARNINGS),
      warningCount: warnings.length,
    };
    return { type: 'preview', preview };
  }

  /** Writes the previewed import in one transaction: `committed` or `failed` (nothing written). */
  async commit(options: StepOptions<WritingProgress> = {}): Promise<CommitOutcome> {
    const { now, target } = this.deps;
    const signal = cancelSignal(options.signal);
    const progress = options.progress ?? (() => {});
    const assembled = this.assembled;
    if (assembled === null) return failed('nothing to import: preview the files first');
    const started = now();
    const total = assembled.posts.length;
    progress({ type: 'progress', phase: 'writing', written: 0, total, postsPerSecond: 0 });
    let entryId: string | null;
    try {
      entryId = await target.write(assembled, this.projectName, (written) => {
        const seconds = Math.max((now() - started) / 1000, 0.001);
        progress({ type: 'progress', phase: 'writing', written, total, postsPerSecond: Math.round(written / seconds) });
      }, signal);
    } catch (error) {
      if (signal.cancelled || isCancelled(error)) throw new CancelledError('the import');
      if (isQuotaError(error)) return failed('not enough disk space for this import: nothing was imported. Free some space and import again.');
      const message = error instanceof Error ? error.message : String(error);
      return failed(`nothing was imported: the write was rolled back (${message})`);
    }
    // The write found every post stored already (another window imported these files meanwhile).
    if (entryId === null && assembled.posts.length > 0) return failed('nothing was imported: every post of these files was stored meanwhile (another window imported them)');
    const postsOnly = assembled.posts.filter((p) => p.platformId !== null).length;
    this.assembled = null;
    return {
      type: 'committed',
      summary: { threads: assembled.threads.length, threadIds: assembled.threads.map((t) => t.id), joinedThreads: assembled.joinedThreadIds.length, posts: postsOnly, duplicates: this.duplicates, warningCount: this.warningCount, seconds: (now() - started) / 1000, entryId },
    };
  }

  /** A generic CSV whose text column is not recognized: the dialog asks which column is which. */
  private async firstUnmappedTable(sources: readonly ByteSource[], forcedId: string | null): Promise<PreviewOutcome | null> {
    for (const source of sources) {
      if (source.size === 0) continue;
      const head = await readHead(source);
      const id = forcedId ?? formatParsers.find((p) => p.detect(head.text))?.id ?? null;
      if (id !== CSV_FORMAT) continue;
      const header = looksLikeCsvHeader(head.text);
      if (header === null) continue;
      const { mapping } = csvColumnMapping(header.names);
      if (mapping.text !== null) continue;
      return { type: 'needs-mapping', file: source.name, columns: header.names, sample: csvSample(head.text, header.delimiter, 5), guess: mapping };
    }
    return null;
  }
}

/**
 * Dexie wraps a full disk's QuotaExceededError: check the inner error too (docs/storage.md, "Quota
 * and a full disk").
 */
function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; inner?: { name?: unknown } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** Per file: new posts and duplicates, counted as assembleThreads skips them (first copy wins). */
function countPerFile(files: readonly ParsedFile[], existing: ExistingPosts): Array<{ posts: number; duplicates: number }> {
  const seen = new Map<string, Set<string>>();
  return files.map((file) => {
    let posts = 0;
    let duplicates = 0;
    for (const post of file.posts) {
      let ids = seen.get(post.platform);
      if (!ids) seen.set(post.platform, (ids = new Set()));
      if (ids.has(post.platformId) || existing.hasPost(post.platform, post.platformId)) duplicates++;
      else {
        ids.add(post.platformId);
        posts++;
      }
    }
    return { posts, duplicates };
  });
}

/** `data/askscience-2024.ndjson` → `askscience-2024`: the project's name when there is none yet. */
export function projectName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/(\.[A-Za-z0-9]{1,8})+$/, '') || name;
}

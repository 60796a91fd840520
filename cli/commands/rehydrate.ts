/**
 * `threadmark rehydrate <ids-file> --posts <thread file or bundle> [-o <codings.csv>]`
 * The re-hydration check for an ids-only file: finds each listed post among re-collected posts
 * (a thread file in any import format, or a bundle), verifies its text's SHA-256 and reproduces
 * its codings from the offsets. Mismatches are listed by post id; exit 1 when there is any.
 * -o writes the reproduced codings with their quotes as CSV.
 */
import { readIdsOnly } from '@shared/export/ids-only-read';
import { rehydrate } from '@shared/export/ids-only-rehydrate';
import { assembleThreads } from '@shared/import/assemble-threads';
import { formatParsers } from '@shared/import/formats';
import type { Post } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { toCsv } from '@shared/util/csv';

import { parseArgs } from '../args';
import { importIoOf } from '../import/import-io';
import { DEFAULT_STREAM_THRESHOLD, readImportFile } from '../import/read-import-file';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { usageError } from '../usage-error';

async function collectedPosts(path: string, io: CliIo): Promise<Post[] | string[]> {
  if (path.endsWith('.threadmark.json')) {
    const loaded = await loadBundle(path, io);
    return loaded.ok ? loaded.value.posts : loaded.error.lines;
  }
  const read = await readImportFile(importIoOf(io), path, { parsers: formatParsers, forced: null, mapping: null, streamThreshold: DEFAULT_STREAM_THRESHOLD });
  if (!read.ok) return read.error.map((p) => formatProblem(p));
  // Assembled as an import would (same text normalization), against an empty project.
  let n = 0;
  const assembled = assembleThreads([{ fileName: path, parsed: read.value.parsed }], { hasPost: () => false }, { ids: { newId: () => `rehydrate-${++n}` }, clock: { now: () => '1970-01-01T00:00:00.000Z' } });
  return assembled.posts;
}

export async function rehydrateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'posts', takesValue: true },
    { name: 'output', short: 'o', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('rehydrate', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [idsPath, ...extra] = positionals;
  const postsPath = options.get('posts');
  const output = options.get('output');
  if (idsPath === undefined) return usageError('rehydrate', 'missing <ids-file>', io);
  if (extra.length > 0) return usageError('rehydrate', `unexpected argument ${extra[0]}`, io);
  if (typeof postsPath !== 'string') return usageError('rehydrate', 'missing --posts <thread file or bundle>', io);
  if (output !== undefined && typeof output !== 'string') return usageError('rehydrate', '-o needs a file name', io);
  const fail = (lines: readonly string[]): number => {
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };
  let idsText: string;
  try {
    idsText = await io.readFile(idsPath);
  } catch (e) {
    return fail([`threadmark: cannot read ${idsPath}: ${describeFileError(e)}`]);
  }
  const file = readIdsOnly(idsText, idsPath);
  if (!file.ok) return fail([formatProblem(file.error)]);
  const posts = await collectedPosts(postsPath, io);
  if (posts.length > 0 && typeof posts[0] === 'string') return fail(posts as string[]);
  const report = rehydrate(file.value, posts as Post[]);
  const reproduced = report.reproduced.length;
  const lines = [
    `${report.verified} of ${report.posts} posts verified (text SHA-256 matches), ${reproduced} of ${report.codings} codings reproduced`,
    ...report.mismatches.map((m) => `mismatch: post ${m.postId}: ${m.kind}: ${m.message}`),
  ];
  if (typeof output === 'string') {
    const codeName = new Map(file.value.codes.map((c) => [c.id, c.name]));
    const coderName = new Map(file.value.coders.map((c) => [c.id, c.name]));
    const csv = toCsv([
      ['post_id', 'platform_id', 'code', 'coder', 'start', 'end', 'quote'],
      ...report.reproduced.map((c) => [c.postId, c.platformId ?? '', codeName.get(c.codeId) ?? c.codeId, coderName.get(c.coderId) ?? c.coderId, String(c.start), String(c.end), c.quote]),
    ]);
    try {
      await io.writeFile(output, csv);
    } catch (e) {
      return fail([`threadmark: cannot write ${output}: ${describeFileError(e)}`]);
    }
    lines.push(`wrote ${reproduced} codings to ${output}`);
  }
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return report.mismatches.length === 0 ? EXIT_OK : EXIT_FAILED;
}

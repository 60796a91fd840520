/**
 * `threadmark search <bundle> "<query>" [--regex] [--case-sensitive] [--diacritics-sensitive] [--json] [--limit N]
 *   [--thread ID[,ID]] [--platform NAME[,NAME]] [--author NAME[,NAME]] [--from T] [--to T] [--coded | --uncoded]`
 * Full-text search over every post of a bundle with the app's query language and engine
 * (shared/analysis/search): one keyword-in-context line per hit, or with --json the result as
 * docs/formats.md describes it.
 */
import type { Platform } from '@shared/model/records';
import { formatProblem } from '@shared/problem/problem';
import { searchProject } from '@shared/analysis/search/search-project';
import { DEFAULT_LIMIT, MAX_LIMIT, type SearchFilters, type SearchRequest } from '@shared/analysis/search/search-request';

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { openProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

const FLAGS = ['json', 'regex', 'case-sensitive', 'diacritics-sensitive', 'coded', 'uncoded'] as const;
const VALUES = ['limit', 'thread', 'platform', 'author', 'from', 'to'] as const;

export async function searchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, [...FLAGS.map((name) => ({ name, takesValue: false })), ...VALUES.map((name) => ({ name, takesValue: true }))]);
  if (!parsed.ok) return usageError('search', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, query, ...extra] = positionals;
  if (path === undefined) return usageError('search', 'missing <bundle>', io);
  if (query === undefined) return usageError('search', 'missing "<query>"', io);
  if (extra.length > 0) return usageError('search', `unexpected argument ${extra[0]} (put a query of several words in quotes)`, io);
  const value = (name: (typeof VALUES)[number]): string | undefined => {
    const v = options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const limitText = value('limit');
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) return usageError('search', `--limit must be a whole number from 1 to ${MAX_LIMIT}, not "${limitText}"`, io);
  if (options.has('coded') && options.has('uncoded')) return usageError('search', '--coded and --uncoded exclude each other', io);

  const filters: SearchFilters = {};
  const thread = value('thread');
  const platform = value('platform');
  const author = value('author');
  const list = (v: string): string[] => v.split(',').map((x) => x.trim()).filter(Boolean);
  if (thread !== undefined) filters.threadIds = list(thread);
  if (platform !== undefined) filters.platforms = list(platform) as Platform[];
  if (author !== undefined) filters.authors = list(author);
  if (value('from') !== undefined) filters.from = value('from');
  if (value('to') !== undefined) filters.to = value('to');
  if (options.has('coded')) filters.coded = { mode: 'coded' };
  if (options.has('uncoded')) filters.coded = { mode: 'uncoded' };
  const request: SearchRequest = {
    query,
    regex: options.has('regex'),
    caseSensitive: options.has('case-sensitive'),
    ignoreDiacritics: !options.has('diacritics-sensitive'),
    filters,
    limit,
  };

  const opened = await openProjectFile(path, io);
  if (!opened.ok) {
    io.stderr(opened.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  const result = await opened.value.store.read((reader) => searchProject(reader, request));
  if (!result.ok) {
    io.stderr(`threadmark: ${formatProblem(result.error)}\n`);
    return EXIT_FAILED;
  }
  const { hits, postCount, truncated } = result.value;
  if (options.has('json')) {
    const { query: q, regex, caseSensitive, ignoreDiacritics } = request;
    io.stdout(`${JSON.stringify({ query: q, regex, caseSensitive, ignoreDiacritics, filters, limit, postCount, hitCount: hits.length, truncated, hits }, null, 2)}\n`);
    return EXIT_OK;
  }
  const lines = hits.map((h) => `${h.threadId}/${h.postId} ${h.start}-${h.end}  ${h.left}[${h.match}]${h.right}`);
  const n = (count: number, one: string) => `${count.toLocaleString('en-US')} ${one}${count === 1 ? '' : 's'}`;
  lines.push(truncated ? `the first ${n(hits.length, 'hit')} of ${n(postCount, 'matching post')} (raise --limit for more)` : `${n(hits.length, 'hit')} in ${n(postCount, 'post')}`);
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return EXIT_OK;
}

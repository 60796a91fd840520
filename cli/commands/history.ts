/**
 * `threadmark history <bundle> [--json] [--coder NAME] [--operation KIND] [--since ISO] [--until ISO] [--record ID]`
 * The project journal, oldest first: one line per entry (seq, time, actor, operation, summary,
 * what it changed), or with --json the entries themselves with their counts. The filters are the
 * app's History panel's (shared/project/queries/history.ts).
 */
import type { JournalEntry } from '@shared/project/journal-entry';
import { describeEntry, filterJournal, historyTimeRange, type JournalFilter } from '@shared/project/queries/history';

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { openProjectFile } from '../project/bundle-file';
import { usageError } from '../usage-error';

const FILTERS = ['coder', 'operation', 'since', 'until', 'record'] as const;

export async function historyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, [{ name: 'json', takesValue: false }, ...FILTERS.map((name) => ({ name, takesValue: true }))]);
  if (!parsed.ok) return usageError('history', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  if (path === undefined) return usageError('history', 'missing <bundle>', io);
  if (extra.length > 0) return usageError('history', `unexpected argument ${extra[0]}`, io);
  const filter: JournalFilter = {};
  for (const name of FILTERS) {
    const value = options.get(name);
    if (typeof value === 'string') filter[name] = value;
  }
  for (const name of ['since', 'until'] as const) {
    const value = filter[name];
    if (value !== undefined && historyTimeRange(value) === null) {
      return usageError('history', `--${name} "${value}" is neither a date (2026-03-12) nor a time with its zone (2026-03-12T09:30:00Z, 2026-03-12T10:30+01:00)`, io);
    }
  }

  const opened = await openProjectFile(path, io);
  if (!opened.ok) {
    io.stderr(opened.error.lines.map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  }
  const journal = await opened.value.store.read((reader) => reader.journal());
  const entries = filterJournal(journal, filter);
  if (options.has('json')) {
    io.stdout(`${JSON.stringify(entries.map((entry) => ({ ...entry, counts: describeEntry(entry) })), null, 2)}\n`);
    return EXIT_OK;
  }
  const seqOf = new Map(journal.map((e) => [e.id, e.seq]));
  const lines = entries.map((entry) => entryLine(entry, seqOf));
  const filtered = FILTERS.some((name) => filter[name] !== undefined);
  if (journal.length === 0) lines.push('no journal entries: nothing has been recorded in this project yet');
  else if (filtered) lines.push(`${plural(entries.length, 'entry', 'entries')} of ${journal.length} match`);
  io.stdout(lines.map((l) => `${l}\n`).join(''));
  return EXIT_OK;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** `#3  2026-01-02T03:04:05.000Z  Ana  code.merge  Merged “A” into “B”: 3 codings moved  (4 records changed; entry 6f0…)`. */
function entryLine(entry: JournalEntry, seqOf: ReadonlyMap<string, number>): string {
  const counts = describeEntry(entry);
  const parts = [plural(counts.records, 'record') + ' changed'];
  if (counts.addedPosts > 0) parts.push(`${plural(counts.addedPosts, 'post')} added`);
  const reverts = entry.reverts === null ? '' : `; reverts #${seqOf.get(entry.reverts) ?? entry.reverts}`;
  return `#${entry.seq}  ${entry.at}  ${entry.actorName}  ${entry.operation}  ${entry.summary}  (${parts.join(', ')}${reverts}; entry ${entry.id})`;
}

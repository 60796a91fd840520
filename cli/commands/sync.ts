/**
 * `threadmark sync <bundle> --url U --project P --user X --password-file F [--coder NAME] -o <out>`
 * `threadmark sync --new --url U --project P --user X --password-file F -o <out>`
 * Syncs a bundle with its team project on a CouchDB server as user X (cli/sync/sync-project.ts):
 * pushes what X may write and changed, pulls every database X may read, applies it through the
 * core's `sync.apply`, and writes the bundle to -o (which may be the bundle itself). `--new` starts
 * from nothing: the bundle written is the project as X may read it. A conflict (the same record
 * changed on two machines) is listed, with both versions kept on the server for a lead.
 */
import { MemoryProjectStore } from '@shared/project/memory-store';
import { formatProblem } from '@shared/problem/problem';
import { conflictLines } from '@shared/sync/conflicts';
import { databaseKey, projectKeyProblem } from '@shared/sync/names';
import { randomIds, systemClock, type Clock, type IdSource } from '@shared/util/clock';

import { parseArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { cliBundleHead, openProjectFile, saveFailureLines, saveProjectFile } from '../project/bundle-file';
import { syncProject, type SyncReport } from '../sync/sync-project';
import { usageError } from '../usage-error';
import { readPassword } from './server';

export interface SyncDeps {
  clock: Clock;
  ids: IdSource;
}

const plural = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

export async function syncCommand(args: readonly string[], io: CliIo, deps: SyncDeps = { clock: systemClock, ids: randomIds }): Promise<number> {
  const parsed = parseArgs(args, [
    { name: 'url', takesValue: true },
    { name: 'project', takesValue: true },
    { name: 'user', takesValue: true },
    { name: 'password-file', takesValue: true },
    { name: 'coder', takesValue: true },
    { name: 'new', takesValue: false },
    { name: 'output', short: 'o', takesValue: true },
  ]);
  if (!parsed.ok) return usageError('sync', parsed.error, io);
  const { positionals, options } = parsed.value;
  const [path, ...extra] = positionals;
  const fresh = options.has('new');
  if (extra.length > 0) return usageError('sync', `unexpected argument ${extra[0]}`, io);
  if (path === undefined && !fresh) return usageError('sync', 'missing <bundle> (or --new to start from what the server has)', io);
  if (path !== undefined && fresh) return usageError('sync', '--new starts from nothing: give no <bundle> with it', io);
  for (const name of ['url', 'project', 'user', 'password-file'] as const) {
    if (typeof options.get(name) !== 'string') return usageError('sync', `missing --${name}`, io);
  }
  const output = options.get('output');
  if (typeof output !== 'string' || output === '-') return usageError('sync', 'missing -o <bundle.threadmark.json> (may be the bundle itself)', io);
  const project = options.get('project') as string;
  const keyProblem = projectKeyProblem(project);
  if (keyProblem) return usageError('sync', keyProblem, io);
  const coder = options.get('coder');

  const fail = (lines: readonly string[]): number => {
    io.stderr([...lines, 'threadmark: nothing written'].map((l) => `${l}\n`).join(''));
    return EXIT_FAILED;
  };
  const password = await readPassword(options.get('password-file') as string, io);
  if (!password.ok) return fail([`threadmark: ${password.message}`]);

  let store: MemoryProjectStore;
  if (path === undefined) store = new MemoryProjectStore();
  else {
    const opened = await openProjectFile(path, io);
    if (!opened.ok) return fail(opened.error.lines);
    store = opened.value.store;
  }
  const user = options.get('user') as string;
  const synced = await syncProject(
    store,
    { url: options.get('url') as string, project, auth: { user, password: password.value }, origin: `threadmark-cli:${user.trim().toLowerCase()}`, ...(typeof coder === 'string' ? { coder } : {}) },
    deps,
  );
  if (!synced.ok) return fail([`threadmark: ${formatProblem(synced.error)}`]);
  const saved = await saveProjectFile(store, output, io, cliBundleHead(deps.clock));
  if (!saved.ok) {
    const pushedSome = synced.value.pushed.written + synced.value.pushed.deleted > 0;
    return fail([...saveFailureLines(output, saved.error), ...(pushedSome ? ['threadmark: what was pushed is on the server; sync again to write the bundle'] : [])]);
  }
  io.stdout(reportLines(synced.value, output).map((l) => `${l}\n`).join(''));
  return EXIT_OK;
}

export function reportLines(r: SyncReport, output: string): string[] {
  const who = `${r.user.name} (${r.user.lead ? 'lead' : 'coder'}${r.coder ? `, coder “${r.coder.name}”` : ''})`;
  const received = r.received;
  const lines = [
    `signed in as ${who}`,
    `pushed ${plural(r.pushed.written, 'document')}${r.pushed.deleted > 0 ? `, deleted ${plural(r.pushed.deleted, 'document')}` : ''}${r.pushed.conflicting > 0 ? `, ${plural(r.pushed.conflicting, 'conflicting version')} kept beside the server’s` : ''}`,
    `pulled ${plural(r.pulled.docs, 'document')} from ${r.pulled.databases.join(', ')}: ${received.entries.length === 0 ? 'nothing new' : `${plural(received.added, 'record')} added (${plural(received.posts, 'post')}), ${received.changed.toLocaleString('en-US')} changed, ${received.removed.toLocaleString('en-US')} removed`}`,
  ];
  for (const unread of r.unread) lines.push(`  not read: ${unread}`);
  if (r.conflicts.length > 0) {
    lines.push(`${plural(r.conflicts.length, 'conflict')} (both versions are kept on the server; the winner is in ${output}; a lead resolves them in the app):`);
    for (const item of r.conflicts) for (const line of conflictLines(item)) lines.push(`  ${databaseKey(item.db)}: ${line}`);
  }
  if (r.notPushed.length > 0) {
    lines.push('not pushed:');
    for (const line of r.notPushed) lines.push(`  ${line}`);
  }
  if (r.deferred.length > 0) {
    lines.push(`${plural(r.deferred.length, 'document')} held back (what they depend on has not arrived; sync again later):`);
    for (const d of r.deferred.slice(0, 10)) lines.push(`  ${d.doc._id}: waits for ${d.waitsFor}`);
    if (r.deferred.length > 10) lines.push(`  …and ${(r.deferred.length - 10).toLocaleString('en-US')} more`);
  }
  const entries = received.entries.map((e) => `#${e.seq}`).join(', ');
  lines.push(`wrote ${output}${entries === '' ? '' : `: journal ${received.entries.length === 1 ? 'entry' : 'entries'} ${entries}`}`);
  return lines;
}

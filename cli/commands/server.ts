/**
 * `threadmark server init|add-coder …`: sets a team project up on a CouchDB as its admin
 * (docs/sync.md "Provisioning"): users and roles, the databases, who may read them and the
 * validation of who may write what. An admin script over CouchDB's HTTP API, not a server.
 * Passwords come from files and are never printed; re-running a command completes what is missing.
 */
import { userNameOf } from '@shared/sync/names';
import { userNameProblem } from '@shared/sync/provision-plan';

import { addCoder, provisionProject, type ProvisionSummary } from '../../node/couch/provision';
import { parseArgs, type ParsedArgs } from '../args';
import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { usageError } from '../usage-error';

const COMMON = [
  { name: 'url', takesValue: true },
  { name: 'admin-user', takesValue: true },
  { name: 'admin-password-file', takesValue: true },
  { name: 'project', takesValue: true },
  { name: 'json', takesValue: false },
] as const;

const SUBCOMMANDS = {
  init: [...COMMON, { name: 'leads', takesValue: true }, { name: 'coders', takesValue: true }, { name: 'passwords-file', takesValue: true }],
  'add-coder': [...COMMON, { name: 'coder', takesValue: true }, { name: 'password-file', takesValue: true }, { name: 'lead', takesValue: false }],
} as const;

type Failure = { ok: false; message: string };

/** A password file: the password, one line (a final line break is not part of it). */
export async function readPassword(path: string, io: CliIo): Promise<{ ok: true; value: string } | Failure> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${describeFileError(e)}` };
  }
  const password = text.replace(/\r?\n$/, '');
  if (password === '') return { ok: false, message: `${path} is empty: it holds the password on one line` };
  if (/[\r\n]/.test(password)) return { ok: false, message: `${path} holds more than one line: it holds only the password` };
  return { ok: true, value: password };
}

/**
 * `name,password` per line (the password is everything after the first comma, as is); blank lines
 * and a first line `name,password` are skipped. Every problem names its line.
 */
export function parsePasswordsFile(text: string, file: string): { ok: true; value: Map<string, string> } | { ok: false; messages: string[] } {
  const passwords = new Map<string, string>();
  const firstLine = new Map<string, number>();
  const messages: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const n = index + 1;
    if (line.trim() === '' || (n === 1 && /^\s*name\s*,\s*password\s*$/i.test(line))) return;
    const comma = line.indexOf(',');
    if (comma === -1) return void messages.push(`${file} line ${n}: no comma: write name,password`);
    const name = line.slice(0, comma);
    const password = line.slice(comma + 1);
    const nameProblem = userNameProblem(name);
    if (nameProblem !== null) return void messages.push(`${file} line ${n}: ${nameProblem}`);
    const user = userNameOf(name);
    if (password === '') return void messages.push(`${file} line ${n}: no password for “${user}”`);
    const earlier = firstLine.get(user);
    if (earlier !== undefined) return void messages.push(`${file} line ${n}: “${user}” is already on line ${earlier}`);
    firstLine.set(user, n);
    passwords.set(user, password);
  });
  return messages.length > 0 ? { ok: false, messages } : { ok: true, value: passwords };
}

const list = (value: string | true | undefined): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : [];

function describe(summary: ProvisionSummary): string {
  const lines = [`Team project “${summary.project}” on ${summary.url}`, 'Users:'];
  const width = Math.max(...summary.users.map((u) => u.name.length), 4);
  for (const u of summary.users) lines.push(`  ${u.name.padEnd(width)}  ${u.status.padEnd(11)}  ${u.roles.join(', ')}`);
  lines.push('Databases:');
  const dbWidth = Math.max(...summary.databases.map((d) => d.name.length));
  for (const d of summary.databases) {
    const what = d.kind === 'layer' ? `${d.owner}'s layer` : d.kind;
    lines.push(`  ${d.name.padEnd(dbWidth)}  ${what.padEnd(18)}  ${d.status.padEnd(7)}  security ${d.security}, validation ${d.validation}`);
  }
  return `${lines.join('\n')}\n`;
}

function fail(io: CliIo, messages: readonly string[]): number {
  io.stderr(messages.map((m) => `threadmark: ${m}\n`).join(''));
  return EXIT_FAILED;
}

export async function serverCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined) return usageError('server', 'missing subcommand: init or add-coder', io);
  if (sub !== 'init' && sub !== 'add-coder') return usageError('server', `unknown subcommand "${sub}": init or add-coder`, io);
  const parsed = parseArgs(rest, SUBCOMMANDS[sub]);
  if (!parsed.ok) return usageError('server', parsed.error, io);
  const { positionals, options } = parsed.value;
  if (positionals.length > 0) return usageError('server', `unexpected argument ${positionals[0]}`, io);
  const required = sub === 'init' ? ['url', 'admin-user', 'admin-password-file', 'project', 'leads', 'passwords-file'] : ['url', 'admin-user', 'admin-password-file', 'project', 'coder', 'password-file'];
  const missing = required.find((name) => typeof options.get(name) !== 'string');
  if (missing !== undefined) return usageError('server', `missing --${missing}`, io);
  const value = (name: string) => options.get(name) as string;

  const adminPassword = await readPassword(value('admin-password-file'), io);
  if (!adminPassword.ok) return fail(io, [adminPassword.message]);
  const target = { url: value('url'), admin: { user: value('admin-user'), password: adminPassword.value }, project: value('project') };

  const result = sub === 'init' ? await init(target, parsed.value, io) : await addOne(target, parsed.value, io);
  if (!result.ok) return fail(io, 'messages' in result ? result.messages : [result.message]);
  io.stdout(options.has('json') ? `${JSON.stringify(result.value, null, 2)}\n` : describe(result.value));
  return EXIT_OK;
}

type Outcome = { ok: true; value: ProvisionSummary } | Failure | { ok: false; messages: string[] };

async function init(target: { url: string; admin: { user: string; password: string }; project: string }, { options }: ParsedArgs, io: CliIo): Promise<Outcome> {
  const file = options.get('passwords-file') as string;
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (e) {
    return { ok: false, message: `cannot read ${file}: ${describeFileError(e)}` };
  }
  const passwords = parsePasswordsFile(text, file);
  if (!passwords.ok) return passwords;
  const leads = list(options.get('leads'));
  const coders = list(options.get('coders'));
  const members = new Set([...leads, ...coders].map(userNameOf));
  const result = await provisionProject({ ...target, leads, coders, passwords: passwords.value });
  if (!result.ok) return { ok: false, message: result.error.field === 'passwords' ? `${file}: ${result.error.message}` : result.error.message };
  for (const name of passwords.value.keys()) if (!members.has(name)) io.stderr(`threadmark: ${file}: “${name}” is neither in --leads nor in --coders: not added\n`);
  return result;
}

async function addOne(target: { url: string; admin: { user: string; password: string }; project: string }, { options }: ParsedArgs, io: CliIo): Promise<Outcome> {
  const password = await readPassword(options.get('password-file') as string, io);
  if (!password.ok) return password;
  const result = await addCoder({ ...target, coder: options.get('coder') as string, password: password.value, lead: options.has('lead') });
  return result.ok ? result : { ok: false, message: result.error.message };
}

#!/usr/bin/env node
/**
 * The team-sync scenarios against a real CouchDB 3.x (docs/sync.md "Testing against CouchDB"):
 *
 *   npm run test:couchdb -- --url https://couch.example.org --admin-user admin --admin-password-file pw.txt [vitest args…]
 *
 * The same test files the unit run starts pouchdb-server for (`*.couch.test.ts`); they take their
 * server from node/couch/test-server.ts connectTestCouch(), which uses the server named in
 * THREADMARK_COUCH_URL / _ADMIN / _ADMIN_PASSWORD. Each file provisions projects under fresh keys
 * (`tm-<key>-…` databases stay on the server afterwards: delete them or use a scratch server).
 * Scenarios that kill the server run on pouchdb-server only. The admin's credentials are checked
 * first, so a typo is one clear line rather than every test failing.
 */
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

/** The files this runs: vitest takes it as a path filter. */
export const COUCH_TEST_FILTER = '.couch.test.';

const OPTIONS = ['url', 'admin-user', 'admin-password-file'];

/** `--url U --admin-user A --admin-password-file F` (also `--name=value`); anything else goes to vitest. */
export function parseArgs(argv) {
  const values = {};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? (eq === -1 ? arg.slice(2) : arg.slice(2, eq)) : null;
    if (name === null || !OPTIONS.includes(name)) {
      rest.push(arg);
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') return { ok: false, error: `--${name} needs a value` };
    values[name] = value;
  }
  const missing = OPTIONS.find((name) => values[name] === undefined);
  if (missing) return { ok: false, error: `missing --${missing}` };
  return { ok: true, url: values.url.replace(/\/+$/, ''), adminUser: values['admin-user'], passwordFile: values['admin-password-file'], vitestArgs: rest };
}

/** Why the server or the admin will not do, in words; null when both are fine. */
export async function serverProblem(url, user, password) {
  let response;
  try {
    response = await globalThis.fetch(`${url}/_session`, { headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, accept: 'application/json' }, signal: globalThis.AbortSignal.timeout(15_000) });
  } catch (e) {
    return `cannot reach ${url}: ${e?.cause?.code ?? e?.message ?? e}`;
  }
  if (response.status === 401) return `${url} refused the name or password of "${user}"`;
  let body;
  try {
    body = await response.json();
  } catch {
    return `${url}/_session answered HTTP ${response.status} without JSON: is it a CouchDB?`;
  }
  if (!body?.userCtx?.roles?.includes('_admin')) return `"${user}" is not a server admin on ${url}`;
  return null;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.ok) {
    console.error(`test:couchdb: ${args.error}\nUsage: npm run test:couchdb -- --url U --admin-user A --admin-password-file F [vitest args…]`);
    return 2;
  }
  let password;
  try {
    password = readFileSync(args.passwordFile, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    console.error(`test:couchdb: cannot read ${args.passwordFile}: ${e.code ?? e.message}`);
    return 1;
  }
  const problem = await serverProblem(args.url, args.adminUser, password);
  if (problem !== null) {
    console.error(`test:couchdb: ${problem}`);
    return 1;
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [vitest, 'run', COUCH_TEST_FILTER, '--reporter=default', ...args.vitestArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, THREADMARK_COUCH_URL: args.url, THREADMARK_COUCH_ADMIN: args.adminUser, THREADMARK_COUCH_ADMIN_PASSWORD: password },
  });
  return result.status ?? 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main();
}

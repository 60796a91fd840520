/**
 * A CouchDB-API server for tests on a machine without CouchDB: pouchdb-server from node_modules,
 * on 127.0.0.1 only, a free port, its config.json and log.txt in a temp dir of its own, databases in
 * memory unless `dir` is given. It is started through pouchdb-server-child.mjs, which exits when
 * this process does (even by SIGKILL), so a killed test run leaves no server behind.
 *
 * `connectTestCouch()` is what scenario tests call: a real CouchDB 3.x when THREADMARK_COUCH_URL,
 * THREADMARK_COUCH_ADMIN and THREADMARK_COUCH_ADMIN_PASSWORD are set (`npm run test:couchdb`),
 * else a fresh test server. Docs: docs/sync.md "Testing".
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export interface TestCouch {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  admin: { user: string; password: string };
  /** True for a server from THREADMARK_COUCH_URL: it cannot be killed or restarted, and its databases outlive the run. */
  external: boolean;
  /** Stops the server and removes its temp dir. */
  stop(): Promise<void>;
  /** SIGKILL, no cleanup: a server that crashes. */
  kill(): void;
  /** Starts it again on the same port with the same dir (after kill() or stop()); in-memory databases start empty. */
  restart(): Promise<void>;
  /** The server process's id (a test server; none for a server from THREADMARK_COUCH_URL): benches read its CPU time. */
  pid?(): number | undefined;
}

export interface TestCouchOptions {
  /** Keep the databases on disk here (they survive kill() and restart()); in memory when absent. */
  dir?: string;
}

const CHILD_SCRIPT = fileURLToPath(new URL('./pouchdb-server-child.mjs', import.meta.url));
const READY_TIMEOUT_MS = 45_000;

/** A port nobody listens on now, on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** PUT a `_config` value as pouchdb-server takes it (CouchDB 3 has it under /_node/_local/_config). */
async function putConfig(url: string, auth: string | null, path: string, value: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth !== null) headers.authorization = auth;
  const response = await fetch(`${url}/_config/${path}`, { method: 'PUT', headers, body: JSON.stringify(value) });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Makes `user` the server admin (ends "admin party"), or checks it already is (a restart keeps
 * config.json), then turns CORS on for any origin with credentials, so the web runtime can sync.
 */
async function setUp(url: string, user: string, password: string): Promise<void> {
  const auth = basic(user, password);
  const created = await putConfig(url, null, `admins/${encodeURIComponent(user)}`, password);
  if (created !== 200) {
    const check = await fetch(`${url}/_all_dbs`, { headers: { authorization: auth } });
    await check.arrayBuffer();
    if (!check.ok) throw new Error(`The test server refused its admin “${user}” (HTTP ${check.status}).`);
  }
  for (const [path, value] of [
    ['httpd/enable_cors', 'true'],
    ['cors/origins', '*'],
    ['cors/credentials', 'true'],
    ['cors/methods', 'GET, HEAD, POST, PUT, DELETE, COPY'],
  ] as const) {
    const status = await putConfig(url, auth, path, value);
    if (status !== 200) throw new Error(`The test server refused the setting ${path} (HTTP ${status}).`);
  }
}

export async function startTestCouch(options: TestCouchOptions = {}): Promise<TestCouch> {
  const home = await mkdtemp(join(tmpdir(), 'threadmark-couch-'));
  const admin = { user: 'admin', password: randomBytes(12).toString('hex') };
  let port = 0;
  let child: ChildProcess | null = null;
  let stderr = '';

  const exited = (proc: ChildProcess) =>
    proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  async function launch(): Promise<void> {
    await mkdir(home, { recursive: true });
    const args = [CHILD_SCRIPT, '--host', '127.0.0.1', '--port', String(port), '--config', join(home, 'config.json'), '--no-stdout-logs', '--no-color'];
    // The server runs in `home`: a relative dir is the caller's, so it is resolved here.
    args.push(...(options.dir === undefined ? ['--in-memory'] : ['--dir', resolvePath(options.dir)]));
    stderr = '';
    // THREADMARK_COUCH_NODE_ARGS: options for the server's Node (`--cpu-prof --cpu-prof-dir=…` to profile it).
    const nodeArgs = (process.env.THREADMARK_COUCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
    const proc = spawn(process.execPath, [...nodeArgs, ...args], {
      cwd: home,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, THREADMARK_COUCH_PARENT_PID: String(process.pid), THREADMARK_COUCH_OWN_CWD: '1' },
    });
    child = proc;
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    // Neither the pipe nor the channel keeps the test process alive; stop() is how it ends.
    proc.unref();
    proc.channel?.unref();
    (proc.stderr as { unref?: () => void } | null)?.unref?.();
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await answers(url))) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`The test server exited before answering (code ${proc.exitCode ?? proc.signalCode}): ${stderr.trim()}`);
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`The test server did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s: ${stderr.trim()}`);
      }
      await delay(100);
    }
    await setUp(url, admin.user, admin.password);
  }

  async function halt(signal: NodeJS.Signals): Promise<void> {
    const proc = child;
    child = null;
    if (proc === null) return;
    // Held again while we wait, so the exit is seen even when nothing else keeps this process busy.
    proc.ref();
    const gone = exited(proc);
    proc.kill(signal);
    await gone;
  }

  // The OS may hand the free port to someone else before the server binds it: try a few.
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (e) {
      await halt('SIGKILL');
      if (attempt === 3) {
        await rm(home, { recursive: true, force: true });
        throw e;
      }
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    admin,
    external: false,
    async stop() {
      await halt('SIGTERM');
      await rm(home, { recursive: true, force: true });
    },
    kill() {
      const proc = child;
      child = null;
      proc?.kill('SIGKILL');
    },
    async restart() {
      await halt('SIGTERM');
      await launch();
    },
    pid: () => (child as ChildProcess | null)?.pid,
  };
}

/** The environment `npm run test:couchdb` sets to run the scenarios against a real CouchDB. */
export const COUCH_ENV = { url: 'THREADMARK_COUCH_URL', admin: 'THREADMARK_COUCH_ADMIN', password: 'THREADMARK_COUCH_ADMIN_PASSWORD' } as const;

/** A real server from the environment when one is named there, else a fresh test server. */
export async function connectTestCouch(env: NodeJS.ProcessEnv = process.env): Promise<TestCouch> {
  const url = env[COUCH_ENV.url];
  const user = env[COUCH_ENV.admin];
  const password = env[COUCH_ENV.password];
  const named = [url, user, password].filter((v) => v !== undefined && v !== '').length;
  if (named === 0) return startTestCouch();
  // Half a configuration must not quietly test against pouchdb-server instead.
  if (url === undefined || url === '' || user === undefined || user === '' || password === undefined) {
    throw new Error(`Set all of ${COUCH_ENV.url}, ${COUCH_ENV.admin} and ${COUCH_ENV.password} to test against a CouchDB, or none of them (npm run test:couchdb sets them).`);
  }
  const external = (what: string) => () => {
    throw new Error(`The CouchDB at ${url} is not a test server: it cannot be ${what} by a test (skip this scenario when couch.external).`);
  };
  return {
    url: url.replace(/\/+$/, ''),
    admin: { user, password },
    external: true,
    stop: () => Promise.resolve(),
    kill: external('killed'),
    restart: () => Promise.reject(new Error(`The CouchDB at ${url} is not a test server: it cannot be restarted by a test (skip this scenario when couch.external).`)),
  };
}

/**
 * A project key no earlier run used, for tests: a real server keeps its databases between runs, so
 * every scenario provisions its own project.
 */
export const uniqueProjectKey = (prefix = 't'): string => `${prefix}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

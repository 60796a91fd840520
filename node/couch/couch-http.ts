/**
 * The one way Node code talks to a CouchDB (or pouchdb-server) over HTTP: a typed fetch that never
 * throws. Any HTTP answer is a value (`status` + parsed `json`), because 404, 409 and 412 are
 * ordinary answers to a provisioning script; only "no answer" (refused, unknown host, timeout, not
 * JSON, a bad URL) is a Problem, in words that say what to check.
 */
import { problem, type Problem } from '@shared/problem/problem';
import { err, ok, type Result } from '@shared/util/result';

export interface CouchAuth {
  user: string;
  password: string;
}

export interface CouchRequest {
  method?: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD';
  /** From the server root, starting with "/": build it with couchPath so names are encoded. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  auth?: CouchAuth;
  timeoutMs?: number;
}

export interface CouchResponse {
  status: number;
  json: unknown;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** `/db/_design/threadmark` from ['db', '_design', 'threadmark']: each segment URL-encoded. */
export const couchPath = (...segments: string[]): string => `/${segments.map(encodeURIComponent).join('/')}`;

export const basicAuth = (auth: CouchAuth): string => `Basic ${Buffer.from(`${auth.user}:${auth.password}`, 'utf8').toString('base64')}`;

/** The server's base URL with no trailing slash, or why it is not one. */
export function serverBase(url: string): Result<string, Problem> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err(problem(`“${url}” is not a URL: give the team server as http://host:5984 or https://host/couch`, { field: 'url' }));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return err(problem(`“${url}” is not an http(s) URL`, { field: 'url' }));
  if (parsed.username !== '' || parsed.password !== '') return err(problem('put no name or password in the URL: give them as options (a password in a URL ends up in logs)', { field: 'url' }));
  return ok(parsed.href.replace(/\/+$/, ''));
}

function unreachable(base: string, e: unknown, timeoutMs: number): Problem {
  const cause = (e as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (e as { code?: string }).code;
  const name = (e as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError') return problem(`The team server at ${base} did not answer within ${Math.round(timeoutMs / 1000)} s`);
  if (code === 'ECONNREFUSED') return problem(`Cannot reach the team server at ${base}: connection refused (is CouchDB running on that port?)`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return problem(`Cannot reach the team server at ${base}: no such host`);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return problem(`The team server at ${base} closed the connection before answering`);
  if (typeof code === 'string' && /CERT|SSL|TLS/.test(code)) return problem(`Cannot reach the team server at ${base}: its TLS certificate was refused (${code})`);
  return problem(`Cannot reach the team server at ${base}: ${code ?? (e instanceof Error ? e.message : String(e))}`);
}

export async function couchFetch(url: string, request: CouchRequest): Promise<Result<CouchResponse, Problem>> {
  const base = serverBase(url);
  if (!base.ok) return base;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: 'application/json' };
  const json = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (request.auth !== undefined) headers.authorization = basicAuth(request.auth);
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${base.value}${request.path}`, {
      method: request.method ?? 'GET',
      headers,
      // As UTF-8 bytes: fetch scans a string body for lone surrogates in JavaScript first (a fifth of
      // the first push's request CPU), and JSON.stringify has already escaped any (`\ud800`).
      body: json === undefined ? undefined : Buffer.from(json, 'utf8'),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (e) {
    return err(unreachable(base.value, e, timeoutMs));
  }
  if (request.method === 'HEAD' || text === '') return ok({ status: response.status, json: null });
  try {
    return ok({ status: response.status, json: JSON.parse(text) as unknown });
  } catch {
    return err(problem(`${base.value}${request.path} answered HTTP ${response.status} with something that is not JSON: is ${base.value} a CouchDB server?`));
  }
}

/** CouchDB's `{ error, reason }` in one phrase: "forbidden: only leads may change the codebook". */
export function couchReason(json: unknown): string {
  if (typeof json !== 'object' || json === null) return 'no reason given';
  const { error, reason } = json as { error?: unknown; reason?: unknown };
  return [error, reason].filter((part) => typeof part === 'string' && part !== '').join(': ') || 'no reason given';
}

/** A refused request in words, for answers the caller did not expect. */
export function httpProblem(what: string, response: CouchResponse): Problem {
  return problem(`${what} failed: HTTP ${response.status} (${couchReason(response.json)})`);
}

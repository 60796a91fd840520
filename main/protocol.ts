/**
 * The `app://threadmark` protocol that serves the built renderer. The origin is pinned:
 * IndexedDB is keyed by origin, so changing it would make every user's data seem to vanish.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

import type { CustomScheme, Protocol } from 'electron';

import { CONTENT_SECURITY_POLICY } from '@shared/security/content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'threadmark';
/** Never change: it is the key of the user's IndexedDB data. */
export const APP_ORIGIN = 'app://threadmark';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY };

/**
 * standard: a real origin (IndexedDB, relative URLs); secure: a secure context (crypto.randomUUID);
 * supportFetchAPI and corsEnabled: module scripts and workers load with fetch semantics.
 * No bypassCSP and no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps an app:// URL to a file inside `root`, or null when the URL is foreign or would leave it.
 * URL parsing already folds `..` and `%2e%2e` segments; the containment check also catches
 * encoded separators (`..%2f`, `..%5c`) that only become separators after decoding.
 */
export function resolveAppPath(root: string, rawUrl: string): string | null {
  let url: URL;
  let pathname: string;
  try {
    url = new URL(rawUrl);
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  if (pathname.includes('\0')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^[/\\]+/, '');
  const base = resolve(root);
  const full = resolve(base, relativePath);
  const rel = relative(base, full);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return full;
}

const baseHeaders = (contentType: string): Record<string, string> => ({
  'Content-Type': contentType,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

const plain = (status: number, text: string, method: string): Response =>
  new Response(method === 'HEAD' ? null : text, { status, headers: baseHeaders('text/plain; charset=utf-8') });

export type AppRequest = { url: string; method: string };

/** The protocol handler itself; independent of Electron so it can be tested in Node. */
export function createAppProtocolHandler(root: string): (request: AppRequest) => Promise<Response> {
  return async ({ url, method }) => {
    if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed', method);
    const file = resolveAppPath(root, url);
    if (file === null) return plain(404, 'Not found', method);
    try {
      if (!(await stat(file)).isFile()) return plain(404, 'Not found', method);
      const body = method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(body, { status: 200, headers: baseHeaders(type) });
    } catch {
      return plain(404, 'Not found', method);
    }
  };
}

/** Call once the app is ready; the scheme must have been registered as privileged before that. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}

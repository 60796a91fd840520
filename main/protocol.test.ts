import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  registerAppProtocol,
  resolveAppPath,
} from './protocol';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

let sandbox: string;
let root: string;
let handler: ReturnType<typeof createAppProtocolHandler>;
const get = (url: string) => handler({ url, method: 'GET' });

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'threadmark-protocol-'));
  root = join(sandbox, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Threadmark</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  // A secret right next to the served folder: the classic traversal target.
  writeFileSync(join(sandbox, 'secret.txt'), 'top secret');
  handler = createAppProtocolHandler(root);
});

afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('app:// origin', () => {
  it('is pinned, because IndexedDB data is keyed by it', () => {
    expect(APP_ORIGIN).toBe('app://threadmark');
    expect(APP_ENTRY_URL).toBe('app://threadmark/index.html');
  });

  it('registers a standard, secure scheme without CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeUndefined();
  });

  it('registers the handler for the app scheme', () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol as never, root);
    expect(protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
  });
});

describe('app:// handler', () => {
  it('serves files from the renderer folder with a content type', async () => {
    const page = await get('app://threadmark/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Threadmark</title>');
    const script = await get('app://threadmark/assets/index-abc.js?v=1');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves index.html for the bare origin', async () => {
    expect((await get('app://threadmark/')).status).toBe(200);
  });

  it('sends the exact CSP on every response, errors included', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    for (const url of ['app://threadmark/index.html', 'app://threadmark/missing.js', 'app://threadmark/..%2fsecret.txt']) {
      const response = await get(url);
      expect(response.headers.get('content-security-policy'), url).toBe(EXPECTED_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it.each([
    'app://threadmark/../../etc/passwd',
    'app://threadmark/%2e%2e/%2e%2e/etc/passwd',
    'app://threadmark/%2E%2E/secret.txt',
    'app://threadmark/..%2fsecret.txt',
    'app://threadmark/..%2f..%2f..%2fetc%2fpasswd',
    'app://threadmark/assets/..%2f..%2fsecret.txt',
    'app://threadmark/..%5csecret.txt',
    'app://threadmark/%2fetc%2fpasswd',
    'app://threadmark/index.html%00.js',
    'app://threadmark/%E0%A4%A',
    'app://threadmark/assets',
    'app://threadmark/missing.html',
    'app://elsewhere/index.html',
    'https://threadmark/index.html',
  ])('refuses %s with 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret');
  });

  it('never resolves a path outside the root', () => {
    expect(resolveAppPath(root, 'app://threadmark/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://threadmark/../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppPath(root, 'app://threadmark/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('answers only GET and HEAD', async () => {
    expect((await handler({ url: 'app://threadmark/index.html', method: 'POST' })).status).toBe(405);
    const head = await handler({ url: 'app://threadmark/index.html', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

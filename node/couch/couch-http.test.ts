import { createServer, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { couchFetch, couchPath, couchReason, serverBase } from './couch-http';
import { freePort } from './test-server';

/** A stand-in server on 127.0.0.1: echoes what it got as JSON, or answers HTML on /html. */
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.url === '/html') {
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
        return;
      }
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, url: req.url, authorization: req.headers.authorization ?? null, body: body === '' ? null : (JSON.parse(body) as unknown) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('couchFetch', () => {
  it('sends JSON with Basic auth to the path under the base URL', async () => {
    const result = await couchFetch(url, { method: 'PUT', path: couchPath('db', 'codings:c 1'), body: { a: 1 }, auth: { user: 'ada', password: 'pw:ü' } });
    expect(result).toEqual({
      ok: true,
      value: { status: 200, json: { method: 'PUT', url: '/db/codings%3Ac%201', authorization: `Basic ${Buffer.from('ada:pw:ü', 'utf8').toString('base64')}`, body: { a: 1 } } },
    });
  });

  it('sends the body as UTF-8 JSON: a lone surrogate arrives unchanged (JSON.stringify escapes it)', async () => {
    const result = await couchFetch(url, { method: 'POST', path: '/db/_bulk_docs', body: { text: 'Ünïcode 🙂 \uD800 end' } });
    expect(result.ok && (result.value.json as { body: unknown }).body).toEqual({ text: 'Ünïcode 🙂 \uD800 end' });
  });

  it('returns every HTTP answer as a value: a 404 is not an error', async () => {
    const result = await couchFetch(url, { path: '/missing' });
    expect(result.ok && result.value.status).toBe(404);
  });

  it('says in words when the answer is not JSON', async () => {
    const result = await couchFetch(url, { path: '/html' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: `${url.slice(0, -1)}/html answered HTTP 502 with something that is not JSON: is ${url.slice(0, -1)} a CouchDB server?` }) });
  });

  it('says in words when nothing listens there', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const result = await couchFetch(closed, { path: '/' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ message: `Cannot reach the team server at ${closed}: connection refused (is CouchDB running on that port?)` }) });
  });
});

describe('serverBase', () => {
  it('keeps a path prefix (a proxy) and drops the trailing slash', () => {
    expect(serverBase('https://example.org/couch/')).toEqual({ ok: true, value: 'https://example.org/couch' });
  });

  it('refuses what is not an http(s) URL, and credentials inside it', () => {
    expect(serverBase('couch.example.org')).toMatchObject({ ok: false, error: { field: 'url' } });
    expect(serverBase('ftp://example.org')).toMatchObject({ ok: false, error: { message: '“ftp://example.org” is not an http(s) URL' } });
    expect(serverBase('https://admin:pw@example.org')).toMatchObject({ ok: false, error: { message: expect.stringContaining('put no name or password in the URL') } });
  });
});

describe('couchReason', () => {
  it("joins CouchDB's error and reason", () => {
    expect(couchReason({ error: 'forbidden', reason: 'only leads may change the codebook' })).toBe('forbidden: only leads may change the codebook');
    expect(couchReason(null)).toBe('no reason given');
  });
});

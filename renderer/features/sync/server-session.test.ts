import { describe, expect, it } from 'vitest';
import { recordDoc } from '@shared/sync/doc-mapping';
import { signIn } from './server-session';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A team server answering as CouchDB does for user `ada`, a coder of project `p1`, with these coder records in its codebook. */
function server(coders: Array<{ id: string; name: string; updatedAt?: string }>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    if (url.pathname === '/_session') return json(200, { ok: true, userCtx: { name: 'ada', roles: ['tm-p1-coder'] } });
    if (url.pathname === '/tm-p1-corpus') return json(200, { db_name: 'tm-p1-corpus' });
    if (url.pathname === '/tm-p1-codebook/_all_docs') {
      expect(url.searchParams.get('startkey')).toBe('"coders:"');
      return json(200, { rows: coders.map((c) => ({ id: `coders:${c.id}`, doc: recordDoc('coders', c, { kind: 'codebook' }) })) });
    }
    return json(404, { error: 'not_found' });
  }) as typeof fetch;
}

const form = { serverUrl: 'http://127.0.0.1:5984/', projectKey: 'p1', user: 'Ada', password: 'pw' };

describe('signing in to a team server', () => {
  it('finds the coder record the lead’s project already has for this user, case ignored', async () => {
    const signed = await signIn(form, server([{ id: 'u-ben', name: 'Ben' }, { id: 'u-ada-2', name: 'ada', updatedAt: '2026-02-01T00:00:00Z' }, { id: 'u-ada', name: 'Ada', updatedAt: '2026-01-01T00:00:00Z' }]));
    expect(signed).toEqual({ ok: true, value: { serverUrl: 'http://127.0.0.1:5984', projectKey: 'p1', user: 'ada', lead: false, coder: { id: 'u-ada', name: 'Ada' } } });
  });

  it('names no coder when the codebook has none for this user', async () => {
    const signed = await signIn(form, server([{ id: 'u-ben', name: 'Ben' }]));
    expect(signed).toEqual({ ok: true, value: { serverUrl: 'http://127.0.0.1:5984', projectKey: 'p1', user: 'ada', lead: false } });
  });
});

/**
 * One person, one coder record (docs/sync.md): in a connected project a coder added by name gets
 * the team id of the name, so when a lead adds “Ada” after Ada's own app made her record, the two
 * are one document and the lead's project holds one Ada with all her codings. Against the
 * CouchDB API test server, like sync-scenarios.couch.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import { parseBundleText } from '@shared/bundle/validate';
import type { Bundle } from '@shared/bundle/bundle';
import { bundleFromStore, storeFromBundle } from '@shared/project/bundle-store';
import { MemoryProjectStore } from '@shared/project/memory-store';
import type { Operation } from '@shared/project/operation';
import { addCode } from '@shared/project/operations/codebook';
import { addCoder } from '@shared/project/operations/coders';
import { addCoding } from '@shared/project/operations/codings';
import { importThreads } from '@shared/project/operations/threads-import';
import { runOperation } from '@shared/project/run-operation';
import { counterIds, post, steppingClock, thread } from '@shared/project/testing/core-fixtures.test-helpers';

import { provisionProject } from '../../node/couch/provision';
import { connectTestCouch, uniqueProjectKey, type TestCouch } from '../../node/couch/test-server';
import { memoryIo } from '../memory-io.test-helpers';
import { run } from '../run';

const HEAD = { exportedAt: '2026-01-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };
const PASSWORDS = new Map([
  ['lena', 'lena-pw'],
  ['ada', 'ada-pw'],
]);
const LENA = { id: 'coder-lena', name: 'Lena' };

let couch: TestCouch;
beforeAll(async () => {
  couch = await connectTestCouch();
}, 30_000);
afterAll(() => couch?.stop());

describe('a coder the lead adds by name after the coder’s own app did', () => {
  it('is one coder record with all their codings once synced', async () => {
    const project = uniqueProjectKey('cid');
    const provisioned = await provisionProject({ url: couch.url, admin: couch.admin, project, leads: ['lena'], coders: ['ada'], passwords: PASSWORDS });
    if (!provisioned.ok) throw new Error(provisioned.error.message);
    const m = memoryIo(Object.fromEntries([...PASSWORDS].map(([user, pw]) => [`${user}.pw`, `${pw}\n`])));
    const sync = async (user: string, bundle: string, isNew = false) => {
      const before = m.stdout().length;
      const code = await run(['sync', ...(isNew ? ['--new'] : [bundle]), '--url', couch.url, '--project', project, '--user', user, '--password-file', `${user}.pw`, '-o', bundle], m.io);
      expect(code).toBe(0);
      return m.stdout().slice(before);
    };
    const read = (path: string): Bundle => {
      const parsed = parseBundleText(m.files.get(path)!);
      if (!parsed.ok) throw new Error(parsed.error.map((p) => p.message).join('; '));
      return parsed.value;
    };
    /** One machine working offline on its bundle as `actor`. */
    const work = async (path: string, store: MemoryProjectStore | null, actor: { id: string; name: string }, steps: Array<[Operation<never, unknown, unknown>, unknown]>) => {
      const own = store ?? storeFromBundle(read(path));
      const env = { clock: steppingClock(), ids: counterIds(`${actor.name}-machine`), actor };
      for (const [op, input] of steps) {
        const done = await runOperation(own, op as Operation<unknown, unknown, unknown>, input, env);
        if (!done.ok) throw new Error(done.error.message);
      }
      const bundle = await bundleFromStore(own, HEAD);
      if (!bundle.ok) throw new Error(bundle.error.message);
      m.files.set(path, serializeBundle(bundle.value));
    };

    // The lead's project, without Ada yet.
    const posts = [post('p-1', 'Men are victims too', null), post('p-2', 'What about the families?')];
    await work('lena.json', new MemoryProjectStore(), LENA, [
      [importThreads, { threads: [thread('t-1', 'p-1')], posts, projectName: 'Team', source: 'threads.json' }],
      [addCoder, { ...LENA, idPolicy: 'team' }],
      [addCode, { name: 'Whataboutism', color: '#336699' }],
    ]);
    await sync('lena', 'lena.json');

    // Ada's app joins the project and makes her record (joinAs: by name, team id), then she codes offline.
    await sync('ada', 'ada.json', true);
    const codeId = read('ada.json').codes[0]!.id;
    const ada = { id: 'coder-ada', name: 'Ada' };
    await work('ada.json', null, ada, [
      [addCoder, { name: 'Ada', idPolicy: 'team' }],
      [addCoding, { postId: 'p-1', codeId, start: 0, end: 3 }],
      [addCoding, { postId: 'p-2', codeId, start: 0, end: 4 }],
    ]);
    await sync('ada', 'ada.json');

    // Meanwhile the lead adds “Ada” by name (the round dialog), not knowing hers exists.
    await work('lena.json', null, LENA, [[addCoder, { name: 'ada ', idPolicy: 'team' }]]);
    await sync('lena', 'lena.json');
    await sync('lena', 'lena.json');

    const lead = read('lena.json');
    const adas = lead.coders.filter((c) => c.name.toLowerCase() === 'ada');
    expect(adas.map((c) => c.id)).toEqual(['coder-ada']);
    // All her codings, counted from her own bundle, are hers in the lead's project.
    const hers = read('ada.json').codings.filter((c) => c.coderId === 'coder-ada').length;
    expect(hers).toBe(2);
    expect(lead.codings.filter((c) => c.coderId === 'coder-ada')).toHaveLength(hers);
    expect(lead.codings.every((c) => lead.coders.some((k) => k.id === c.coderId))).toBe(true);

    // And Ada's machine, synced again, still has one Ada.
    await sync('ada', 'ada.json');
    expect(read('ada.json').coders.filter((c) => c.name.toLowerCase() === 'ada').map((c) => c.id)).toEqual(['coder-ada']);
  }, 60_000);
});

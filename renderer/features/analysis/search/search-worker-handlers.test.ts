import 'fake-indexeddb/auto';

import { afterEach, describe, expect, it } from 'vitest';

import { randomBundleText } from '@shared/analysis/segments/segments-fixture.test-helpers';
import { parseBundleText } from '@shared/bundle/validate';
import { createWorkerClient, serveWorker } from '@shared/rpc/rpc';

import { importBundle } from '../../../db/project-store';
import { freshDb, testClock, testIds } from '../../../db/testing/test-support';
import type { SearchProtocol } from './search-protocol';
import type { IndexProgress } from './search-session';
import { searchHandlers, throttledProgress } from './search-worker-handlers';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** The Worker's handlers over a MessageChannel, every message each way recorded as sent. */
function connect(now: () => number) {
  const { port1, port2 } = new MessageChannel();
  const sent: { toWorker: unknown[]; toWindow: unknown[] } = { toWorker: [], toWindow: [] };
  const spy = (port: MessagePort, into: unknown[]) => {
    const post = port.postMessage.bind(port);
    port.postMessage = ((message: unknown, options?: StructuredSerializeOptions) => {
      into.push(structuredClone(message));
      post(message, options);
    }) as typeof port.postMessage;
  };
  spy(port1, sent.toWorker);
  spy(port2, sent.toWindow);
  const stop = serveWorker<SearchProtocol>(port2, searchHandlers(now));
  const client = createWorkerClient<SearchProtocol>(port1, { name: 'search' });
  closers.push(() => {
    stop();
    client.dispose();
    port2.close();
  });
  return { client, sent };
}

describe('the search Worker restoring its index', () => {
  it('is asked with two names and answers with counts: no post text crosses to or from the window', async () => {
    const parsed = parseBundleText(await randomBundleText(5, { threads: 40, postsPerThread: 6, codingsPerPost: 1 }));
    if (!parsed.ok) throw new Error('invalid bundle');
    const db = freshDb();
    await importBundle(db, parsed.value, { clock: testClock(), ids: testIds() });
    const projectId = (await db.projects.toArray())[0]!.id;
    const target = { dbName: db.name, projectId };
    const frozen = () => 0; // a clock that never moves: only the first and the last progress go out

    const first = connect(frozen);
    expect(await first.client.prepare(target)).toEqual({ ok: true, value: { how: 'built', posts: 240 } });

    // The project reopened: a fresh Worker restores the index from its cache and reads the texts itself.
    const reopened = connect(frozen);
    const progress: IndexProgress[] = [];
    expect(await reopened.client.prepare(target, { onProgress: (p) => progress.push(p) })).toEqual({ ok: true, value: { how: 'restored', posts: 240 } });
    expect(progress).toEqual([
      { done: 1, total: 40 },
      { done: 40, total: 40 },
    ]);

    const { toWorker, toWindow } = reopened.sent;
    expect(toWorker).toEqual([{ rpc: 'threadmark-rpc/1', type: 'call', id: 1, method: 'prepare', request: target }]);
    expect(toWindow).toHaveLength(3); // two progress reports and the answer
    const wire = JSON.stringify([...toWorker, ...toWindow]);
    expect(wire.length).toBeLessThan(600);
    const texts = parsed.value.posts.map((p) => p.text).filter((t) => t.length >= 12);
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => wire.includes(t))).toEqual([]);

    // And the restored index answers as the built one did.
    const viaBuilt = await first.client.search({ ...target, request: { query: 'why' } });
    const viaRestored = await reopened.client.search({ ...target, request: { query: 'why' } });
    expect(viaRestored).toEqual(viaBuilt);
    expect(viaRestored.ok && viaRestored.value.ok && viaRestored.value.value.postCount).toBeGreaterThan(0);
    db.close();
  });

  it('reports progress at most once per interval, always the first and the last', () => {
    let clock = 0;
    const sent: number[] = [];
    const report = throttledProgress((p) => sent.push(p.done), 100, () => clock);
    for (let done = 1; done <= 10; done++) {
      report({ done, total: 10 });
      clock += 30;
    }
    // At 0 ms (1), 120 ms (5), 240 ms (9), and the last (10).
    expect(sent).toEqual([1, 5, 9, 10]);
  });
});

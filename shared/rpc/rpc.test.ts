import { afterEach, describe, expect, it } from 'vitest';

import { isCancelled } from '../util/cancelled';
import { createWorkerClient, serveWorker, type RpcClientEndpoint, type RpcHandlers, type RpcMethod, type RpcProtocol } from './rpc';

interface TestProtocol {
  add: RpcMethod<{ a: number; b: number }, number>;
  count: RpcMethod<{ to: number }, string, { at: number }>;
  wait: RpcMethod<{ finishAnyway: boolean }, string>;
  fail: RpcMethod<{ async: boolean }, never>;
}

/** What a client built for a newer protocol may ask a Worker that does not know it. */
interface WiderProtocol extends TestProtocol {
  shout: RpcMethod<string, string>;
}

const handlers: RpcHandlers<TestProtocol> = {
  add: ({ a, b }) => a + b,
  async count({ to }, { progress }) {
    for (let at = 1; at <= to; at++) {
      progress({ at });
      await Promise.resolve();
    }
    return `counted to ${to}`;
  },
  wait: ({ finishAnyway }, { signal }) =>
    new Promise((resolve, reject) => {
      signal.addEventListener('abort', () => (finishAnyway ? resolve('finished anyway') : reject(signal.reason)));
    }),
  fail: async ({ async }) => {
    if (async) await Promise.resolve();
    throw new Error(`boom (${async ? 'async' : 'sync'})`);
  },
};

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function connect<P extends RpcProtocol<P> = TestProtocol>(options: Parameters<typeof serveWorker<TestProtocol>>[2] = {}) {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  const stop = serveWorker<TestProtocol>(port2, handlers, options);
  return { client: createWorkerClient<P>(port1, { name: 'test' }), port1, port2, stop };
}

describe('createWorkerClient and serveWorker over a MessageChannel', () => {
  it('answers typed calls with Results, matching concurrent calls by id', async () => {
    const { client } = connect();
    const [one, two] = await Promise.all([client.add({ a: 1, b: 2 }), client.add({ a: 40, b: 2 })]);
    expect(one).toEqual({ ok: true, value: 3 });
    expect(two).toEqual({ ok: true, value: 42 });
  });

  it('reports progress to the caller before the answer', async () => {
    const { client } = connect();
    const seen: number[] = [];
    const result = await client.count({ to: 3 }, { onProgress: (p) => seen.push(p.at) });
    expect(seen).toEqual([1, 2, 3]);
    expect(result).toEqual({ ok: true, value: 'counted to 3' });
  });

  it('turns a handler that throws, sync or async, into an error Result with a Problem', async () => {
    const { client } = connect();
    expect(await client.fail({ async: false })).toEqual({ ok: false, error: { message: 'boom (sync)' } });
    expect(await client.fail({ async: true })).toEqual({ ok: false, error: { message: 'boom (async)' } });
  });

  it('answers an unknown method with an error Result', async () => {
    const { client } = connect<WiderProtocol>();
    expect(await client.shout('hey')).toEqual({ ok: false, error: { message: 'unknown method "shout"' } });
    expect(await client.add({ a: 1, b: 1 })).toEqual({ ok: true, value: 2 });
  });

  it('cancels through an AbortSignal: the handler sees it, the answer is a cancelled Problem', async () => {
    const { client } = connect();
    const abort = new AbortController();
    const pending = client.wait({ finishAnyway: false }, { signal: abort.signal });
    abort.abort();
    const result = await pending;
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('cancelled');
      expect(isCancelled(result.error)).toBe(true);
    }
  });

  it('says what really happened when the handler finishes despite the cancel', async () => {
    const { client } = connect();
    const abort = new AbortController();
    const pending = client.wait({ finishAnyway: true }, { signal: abort.signal });
    abort.abort();
    expect(await pending).toEqual({ ok: true, value: 'finished anyway' });
  });

  it('does not send a call whose signal is already aborted', async () => {
    const { client } = connect();
    const result = await client.add({ a: 1, b: 2 }, { signal: AbortSignal.abort() });
    expect(!result.ok && isCancelled(result.error)).toBe(true);
  });

  it('dispose settles pending calls as cancelled and closes the client', async () => {
    const { client } = connect();
    const pending = client.wait({ finishAnyway: false });
    await client.add({ a: 0, b: 0 });
    client.dispose();
    const result = await pending;
    expect(!result.ok && isCancelled(result.error)).toBe(true);
    expect(client.closed).toBe(true);
    expect((await client.add({ a: 1, b: 1 })).ok).toBe(false);
  });

  it('refuses a request its validator rejects', async () => {
    const isAdd = (request: unknown): request is { a: number; b: number } =>
      typeof request === 'object' && request !== null && typeof (request as { a?: unknown }).a === 'number' && typeof (request as { b?: unknown }).b === 'number';
    const { client } = connect({ validate: { add: isAdd } });
    expect(await client.add({ a: 1, b: 'x' as unknown as number })).toEqual({ ok: false, error: { message: 'an invalid request to "add"' } });
    expect(await client.add({ a: 1, b: 2 })).toEqual({ ok: true, value: 3 });
  });

  it('answers a request that cannot be sent (not cloneable) with an error Result', async () => {
    const { client } = connect();
    const result = await client.add({ a: 1, b: (() => 2) as unknown as number });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^could not send the request to the test worker: /);
  });

  it('ignores messages that are not its own, and answers a malformed request with an error', async () => {
    const { port1, client } = connect();
    const answers: unknown[] = [];
    port1.addEventListener('message', (event) => answers.push(event.data));
    port1.postMessage({ hello: 'there' });
    port1.postMessage({ rpc: 'threadmark-rpc/1', type: 'call', id: 999, method: 42 });
    expect(await client.add({ a: 2, b: 2 })).toEqual({ ok: true, value: 4 });
    expect(answers).toContainEqual({ rpc: 'threadmark-rpc/1', type: 'reply', id: 999, result: { ok: false, error: { message: 'a malformed request' } } });
  });

  it('answers a malformed reply with an error Result', async () => {
    const { port1, port2 } = (() => {
      const channel = new MessageChannel();
      ports.push(channel.port1, channel.port2);
      return channel;
    })();
    port2.addEventListener('message', (event: MessageEvent<{ id: number }>) => port2.postMessage({ rpc: 'threadmark-rpc/1', type: 'reply', id: event.data.id, result: { ok: 'maybe' } }));
    const client = createWorkerClient<TestProtocol>(port1, { name: 'odd' });
    expect(await client.add({ a: 1, b: 1 })).toEqual({ ok: false, error: { message: 'the odd worker sent a malformed answer to "add"' } });
  });

  it('stopping the server cancels what is running', async () => {
    const { client, stop } = connect();
    const pending = client.wait({ finishAnyway: false });
    await client.add({ a: 0, b: 0 });
    stop();
    // The server no longer listens, but the running handler was aborted and still answers.
    const result = await pending;
    expect(!result.ok && isCancelled(result.error)).toBe(true);
  });
});

describe('a failing Worker', () => {
  /** A stand-in Worker: an EventTarget that can raise `error` as a Worker does. */
  function fakeWorker() {
    const target = new EventTarget();
    let terminated = false;
    const endpoint = Object.assign(target, {
      postMessage: () => {},
      terminate: () => {
        terminated = true;
      },
    }) as unknown as RpcClientEndpoint & EventTarget;
    return { endpoint, fail: (message: string) => target.dispatchEvent(Object.assign(new Event('error'), { message })), terminated: () => terminated };
  }

  it('settles every pending call with the failure, ends the Worker, and answers later calls at once', async () => {
    const worker = fakeWorker();
    const client = createWorkerClient<TestProtocol>(worker.endpoint, { name: 'agreement' });
    const pending = [client.add({ a: 1, b: 1 }), client.count({ to: 2 })];
    worker.fail('SyntaxError: unexpected token');
    const failed = { ok: false, error: { message: 'the agreement worker failed: SyntaxError: unexpected token' } };
    expect(await Promise.all(pending)).toEqual([failed, failed]);
    expect(worker.terminated()).toBe(true);
    expect(client.closed).toBe(true);
    expect(await client.add({ a: 1, b: 1 })).toEqual(failed);
  });

  it('is not a thenable, so it can be awaited and returned from async functions', async () => {
    const client = createWorkerClient<TestProtocol>(fakeWorker().endpoint);
    expect(await Promise.resolve(client)).toBe(client);
  });
});

describe('serveWorker transfer', () => {
  it('moves the buffers a method names out of the Worker instead of copying them', async () => {
    interface BytesProtocol {
      bytes: RpcMethod<{ n: number }, Uint8Array>;
    }
    const made: Uint8Array[] = [];
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    serveWorker<BytesProtocol>(port2, { bytes: ({ n }) => (made.push(new Uint8Array(n).fill(7)), made[made.length - 1]!) }, { transfer: { bytes: (answer) => [answer.buffer as ArrayBuffer] } });
    const client = createWorkerClient<BytesProtocol>(port1);
    const answer = await client.bytes({ n: 4 });
    expect(answer.ok && [...answer.value]).toEqual([7, 7, 7, 7]);
    expect(made[0]!.byteLength).toBe(0); // detached: it left the Worker
  });
});

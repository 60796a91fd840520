/**
 * One typed RPC for every Worker: a protocol type names each method's request, response and
 * progress; `createWorkerClient` turns it into methods that resolve to Results (never reject) and
 * `serveWorker` answers them inside the Worker. Cancellation is an AbortSignal on the call (the
 * handler sees its own signal aborted, and the answer says what really happened: a commit that
 * finished before the cancel arrived is still a commit); progress goes to a callback. Messages
 * are checked on both ends: an unknown method, a malformed message or a handler that throws
 * becomes an error Result with a Problem, and a cancelled call a Problem of kind `cancelled`.
 *
 * Pure: the ends are anything with postMessage and message events (a Worker, a Worker's `self`,
 * a MessagePort), so Node tests run it over a MessageChannel.
 */
import type { Problem } from '../problem/problem';
import { CancelledError, cancelledProblem, isCancelled } from '../util/cancelled';
import { err, ok, type Result } from '../util/result';

/** One method of a protocol: what it is asked, what it answers, what it reports meanwhile. */
export interface RpcMethod<Request, Response, Progress = never> {
  request: Request;
  response: Response;
  progress: Progress;
}

/** The client's own members, which no method may be named. */
type ReservedName = 'dispose' | 'closed' | 'then';

interface AnyMethod {
  request: unknown;
  response: unknown;
  progress: unknown;
}

/** A protocol: method names → RpcMethod (`interface ImportProtocol { preview: RpcMethod<…> }`). */
export type RpcProtocol<P> = { [K in keyof P]: K extends ReservedName ? never : AnyMethod };

export type RequestOf<M extends AnyMethod> = M['request'];
export type ResponseOf<M extends AnyMethod> = M['response'];
export type ProgressOf<M extends AnyMethod> = M['progress'];

/** A call's answer: the handler's response, or what went wrong (kind `cancelled` when cancelled). */
export type RpcResult<Response> = Result<Response, Problem>;

/** What a Worker, a Worker's `self` and a MessagePort have in common. */
export interface RpcEndpoint {
  /** `transfer`: buffers moved to the other end, not copied (a Worker's answer of many megabytes). */
  postMessage(message: unknown, options?: { transfer?: ArrayBuffer[] }): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The client's end: also told when the Worker fails, and ended on dispose. */
export interface RpcClientEndpoint extends RpcEndpoint {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
  /** A Worker's. */
  terminate?(): void;
  /** A MessagePort's. */
  close?(): void;
}

// ── The wire ────────────────────────────────────────────────────────────────────────────────

const TAG = 'threadmark-rpc/1';

type ToWorker = { rpc: typeof TAG; type: 'call'; id: number; method: string; request: unknown } | { rpc: typeof TAG; type: 'cancel'; id: number };
type FromWorker = { rpc: typeof TAG; type: 'progress'; id: number; progress: unknown } | { rpc: typeof TAG; type: 'reply'; id: number; result: RpcResult<unknown> };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** An RPC message of ours with a usable id, or null (someone else's message: ignored). */
function envelope(data: unknown): (Record<string, unknown> & { id: number }) | null {
  return isRecord(data) && data.rpc === TAG && isId(data.id) ? (data as Record<string, unknown> & { id: number }) : null;
}

function isProblem(value: unknown): value is Problem {
  if (!isRecord(value) || typeof value.message !== 'string') return false;
  const optionalString = (key: string) => value[key] === undefined || typeof value[key] === 'string';
  return optionalString('file') && optionalString('record') && optionalString('field') && (value.line === undefined || typeof value.line === 'number');
}

function isResult(value: unknown): value is RpcResult<unknown> {
  return isRecord(value) && ((value.ok === true && 'value' in value) || (value.ok === false && isProblem(value.error)));
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

// ── The client ──────────────────────────────────────────────────────────────────────────────

export interface CallOptions<Progress> {
  /** Aborting asks the handler to stop; the call still resolves with what the handler answers. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export type RpcCall<M extends AnyMethod> = (request: RequestOf<M>, options?: CallOptions<ProgressOf<M>>) => Promise<RpcResult<ResponseOf<M>>>;

export type WorkerClient<P extends RpcProtocol<P>> = { readonly [K in keyof P]: RpcCall<P[K]> } & {
  /** Ends the Worker; calls still pending resolve as cancelled. */
  dispose(): void;
  /** True after dispose, or once the Worker failed: calls then resolve with an error at once. */
  readonly closed: boolean;
};

export interface ClientOptions {
  /** Names the Worker in messages: `the import worker failed: …`. */
  name?: string;
}

interface Pending {
  method: string;
  resolve(result: RpcResult<unknown>): void;
  onProgress: ((progress: unknown) => void) | undefined;
}

/** The window's side: typed methods over `endpoint` (a Worker), each resolving to a Result. */
export function createWorkerClient<P extends RpcProtocol<P>>(endpoint: RpcClientEndpoint, options: ClientOptions = {}): WorkerClient<P> {
  const name = options.name === undefined ? 'worker' : `${options.name} worker`;
  const pending = new Map<number, Pending>();
  let serial = 0;
  let closedWith: Problem | null = null;

  const settle = (id: number, result: RpcResult<unknown>): void => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    call.resolve(result);
  };

  const onMessage = (event: { data: unknown }): void => {
    const message = envelope(event.data);
    if (message === null) return;
    const call = pending.get(message.id);
    if (!call) return;
    if (message.type === 'progress') call.onProgress?.(message.progress);
    else if (message.type === 'reply') settle(message.id, isResult(message.result) ? message.result : err({ message: `the ${name} sent a malformed answer to "${call.method}"` }));
  };

  const close = (problem: Problem): void => {
    if (closedWith !== null) return;
    closedWith = problem;
    endpoint.removeEventListener('message', onMessage);
    endpoint.removeEventListener('error', onError);
    if (endpoint.terminate) endpoint.terminate();
    else endpoint.close?.();
    for (const id of [...pending.keys()]) settle(id, err(problem));
  };

  const onError = (event: { message?: string }): void => {
    close({ message: `the ${name} failed: ${event.message || 'unknown error'}` });
  };

  endpoint.addEventListener('message', onMessage);
  endpoint.addEventListener('error', onError);

  const call = (method: string, request: unknown, callOptions: CallOptions<unknown> = {}): Promise<RpcResult<unknown>> => {
    if (closedWith !== null) return Promise.resolve(err(closedWith));
    const { signal, onProgress } = callOptions;
    if (signal?.aborted) return Promise.resolve(err(cancelledProblem(`the call to "${method}"`)));
    const id = ++serial;
    return new Promise<RpcResult<unknown>>((resolve) => {
      const onAbort = (): void => {
        if (pending.has(id) && closedWith === null) post({ rpc: TAG, type: 'cancel', id });
      };
      pending.set(id, {
        method,
        onProgress,
        resolve: (result) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(result);
        },
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      post({ rpc: TAG, type: 'call', id, method, request }, id);
    });
  };

  /** Posts, and settles the call when the message cannot be sent (a value that cannot be cloned). */
  const post = (message: ToWorker, id?: number): void => {
    try {
      endpoint.postMessage(message);
    } catch (error) {
      if (id !== undefined) settle(id, err({ message: `could not send the request to the ${name}: ${describeError(error)}` }));
    }
  };

  const methods = new Map<string, (request: unknown, options?: CallOptions<unknown>) => Promise<RpcResult<unknown>>>();
  const dispose = (): void => close(cancelledProblem(`the ${name}'s work`));
  return new Proxy({} as WorkerClient<P>, {
    get(_target, key) {
      if (key === 'dispose') return dispose;
      if (key === 'closed') return closedWith !== null;
      if (typeof key !== 'string' || key === 'then') return undefined;
      let method = methods.get(key);
      if (!method) methods.set(key, (method = (request, callOptions) => call(key, request, callOptions)));
      return method;
    },
  });
}

// ── The server ──────────────────────────────────────────────────────────────────────────────

export interface RpcContext<Progress> {
  /** Aborted when the caller cancels (its reason is a CancelledError). */
  signal: AbortSignal;
  /** Reported to the caller's onProgress while the call runs. */
  progress(progress: Progress): void;
}

export type RpcHandlers<P extends RpcProtocol<P>> = {
  [K in keyof P]: (request: RequestOf<P[K]>, context: RpcContext<ProgressOf<P[K]>>) => ResponseOf<P[K]> | Promise<ResponseOf<P[K]>>;
};

export interface ServeOptions<P extends RpcProtocol<P>> {
  /** Per method, a check of the request as it arrived; a request that fails it is refused. */
  validate?: { [K in keyof P]?: (request: unknown) => request is RequestOf<P[K]> };
  /** Per method, the buffers in its answer to transfer rather than copy (the answer's sender no longer has them). */
  transfer?: { [K in keyof P]?: (response: ResponseOf<P[K]>) => ArrayBuffer[] };
}

/**
 * The Worker's side: answers calls arriving at `endpoint` (the Worker's `self`) with `handlers`.
 * Returns a function that stops listening (and cancels the calls still running).
 */
export function serveWorker<P extends RpcProtocol<P>>(endpoint: RpcEndpoint, handlers: RpcHandlers<P>, options: ServeOptions<P> = {}): () => void {
  const running = new Map<number, AbortController>();

  const send = (message: FromWorker, transfer: ArrayBuffer[] = []): void => {
    try {
      endpoint.postMessage(message, { transfer });
    } catch (error) {
      if (message.type === 'reply') {
        endpoint.postMessage({ ...message, result: err({ message: `the answer could not be sent: ${describeError(error)}` }) } satisfies FromWorker);
      }
    }
  };
  const reply = (id: number, result: RpcResult<unknown>, transfer?: ArrayBuffer[]): void => send({ rpc: TAG, type: 'reply', id, result }, transfer);

  const onMessage = (event: { data: unknown }): void => {
    const message = envelope(event.data);
    if (message === null) return;
    if (message.type === 'cancel') {
      running.get(message.id)?.abort(new CancelledError());
      return;
    }
    const { id, method, request } = message;
    if (message.type !== 'call' || typeof method !== 'string') return reply(id, err({ message: 'a malformed request' }));
    if (running.has(id)) return reply(id, err({ message: `request ${id} is already running` }));
    if (!Object.hasOwn(handlers, method)) return reply(id, err({ message: `unknown method "${method}"` }));
    const validate = options.validate?.[method as keyof P];
    if (validate && !validate(request)) return reply(id, err({ message: `an invalid request to "${method}"` }));
    const handler = handlers[method as keyof P] as (request: unknown, context: RpcContext<unknown>) => unknown;

    const controller = new AbortController();
    running.set(id, controller);
    const context: RpcContext<unknown> = {
      signal: controller.signal,
      progress: (progress) => {
        if (running.get(id) === controller) send({ rpc: TAG, type: 'progress', id, progress });
      },
    };
    void new Promise((resolve) => resolve(handler(request, context)))
      .then(
        (value): RpcResult<unknown> => ok(value),
        (error: unknown): RpcResult<unknown> => err(isCancelled(error) ? cancelledProblem(`"${method}"`) : { message: describeError(error) }),
      )
      .then((result) => {
        running.delete(id);
        const transfer = options.transfer?.[method as keyof P] as ((response: unknown) => ArrayBuffer[]) | undefined;
        reply(id, result, result.ok && transfer ? transfer(result.value) : undefined);
      });
  };

  endpoint.addEventListener('message', onMessage);
  return () => {
    endpoint.removeEventListener('message', onMessage);
    for (const controller of running.values()) controller.abort(new CancelledError());
    running.clear();
  };
}

/**
 * Cancellation, one way everywhere: work that stops because someone cancelled it throws
 * CancelledError (inside a write, which aborts it), a Result that crosses a boundary carries a
 * Problem of kind `cancelled`, and `isCancelled` recognizes either. Long work polls a CancelSignal
 * between chunks or batches; an AbortSignal (a Worker call's, a fetch's) is adapted by cancelSignalOf.
 */
import type { Problem } from '../problem/problem';

/** The one way a cancelled piece of work ends: thrown inside a write (which aborts it), or tested for. */
export class CancelledError extends Error {
  constructor(what = 'the work') {
    super(`${what} was cancelled`);
    this.name = 'CancelledError';
  }
}

/**
 * True for a CancelledError (also one rebuilt on the other side of a postMessage, which keeps only
 * its name), a Problem of kind `cancelled`, and an IPC error with code `cancelled`. A DOM
 * `AbortError` is not cancellation: Dexie reports a failed transaction (a full disk) as one.
 */
export function isCancelled(error: unknown): boolean {
  if (error instanceof CancelledError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; kind?: unknown; code?: unknown };
  return (error instanceof Error && e.name === 'CancelledError') || e.kind === 'cancelled' || e.code === 'cancelled';
}

/** What a Result says when the work was cancelled: `the import was cancelled`, with its place. */
export function cancelledProblem(what = 'the work', place: Omit<Problem, 'message' | 'kind'> = {}): Problem {
  return { ...place, message: `${what} was cancelled`, kind: 'cancelled' };
}

/** Checked between chunks or batches; set by Cancel. */
export interface CancelSignal {
  readonly cancelled: boolean;
}

export const NEVER_CANCELLED: CancelSignal = { cancelled: false };

/** A CancelSignal that is cancelled once `signal` is aborted. */
export function cancelSignalOf(signal: AbortSignal): CancelSignal {
  return {
    get cancelled() {
      return signal.aborted;
    },
  };
}

/** Throws CancelledError once `signal` is cancelled (an AbortSignal counts once aborted). */
export function throwIfCancelled(signal: CancelSignal | AbortSignal | undefined, what?: string): void {
  if (signal === undefined) return;
  const cancelled = 'aborted' in signal ? signal.aborted : signal.cancelled;
  if (cancelled) throw new CancelledError(what);
}

import { describe, expect, it } from 'vitest';

import { CancelledError, cancelledProblem, cancelSignalOf, isCancelled, NEVER_CANCELLED, throwIfCancelled } from './cancelled';

describe('cancellation', () => {
  it('recognizes a CancelledError, one rebuilt from its name, a cancelled Problem and a cancelled IPC error', () => {
    expect(isCancelled(new CancelledError('the import'))).toBe(true);
    expect(new CancelledError('the import').message).toBe('the import was cancelled');
    expect(isCancelled(Object.assign(new Error('x'), { name: 'CancelledError' }))).toBe(true);
    expect(isCancelled(cancelledProblem('the import', { file: 'big.csv' }))).toBe(true);
    expect(cancelledProblem('the import', { file: 'big.csv' })).toEqual({ file: 'big.csv', message: 'the import was cancelled', kind: 'cancelled' });
    expect(isCancelled({ code: 'cancelled', message: 'The link was not opened.' })).toBe(true);
  });

  it('does not take a failure for a cancel: a DOM AbortError (Dexie’s full disk) is not one', () => {
    expect(isCancelled(Object.assign(new Error('AbortError'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }))).toBe(false);
    expect(isCancelled(new Error('disk full'))).toBe(false);
    expect(isCancelled({ message: 'unknown method' })).toBe(false);
    expect(isCancelled(null)).toBe(false);
    expect(isCancelled('cancelled')).toBe(false);
  });

  it('throws CancelledError once a CancelSignal or an AbortSignal is set', () => {
    const signal = { cancelled: false };
    expect(() => throwIfCancelled(signal)).not.toThrow();
    signal.cancelled = true;
    expect(() => throwIfCancelled(signal, 'the import')).toThrow(CancelledError);
    expect(() => throwIfCancelled(AbortSignal.abort())).toThrow(CancelledError);
    expect(() => throwIfCancelled(undefined)).not.toThrow();
    expect(() => throwIfCancelled(NEVER_CANCELLED)).not.toThrow();
  });

  it('adapts an AbortSignal to the CancelSignal long work polls', () => {
    const abort = new AbortController();
    const signal = cancelSignalOf(abort.signal);
    expect(signal.cancelled).toBe(false);
    abort.abort();
    expect(signal.cancelled).toBe(true);
  });
});

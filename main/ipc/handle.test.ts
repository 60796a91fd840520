import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { ok } from '@shared/util/result';

import { createHandle, dispatch, isTrustedSender, originOf } from './handle';

const APP = 'app://threadmark';
const topFrame = (url: string) => ({ url, parent: null });
const event = (frame: { url: string; parent: unknown } | null) => ({ sender: {} as never, senderFrame: frame as never });

describe('originOf', () => {
  it('rebuilds origins that WHATWG URL reports as "null"', () => {
    expect(new URL('app://threadmark/x').origin).toBe('null');
    expect(originOf('app://threadmark/index.html#/t/1')).toBe(APP);
    expect(originOf('app://Threadmark/')).toBe(APP);
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  it('accepts only the top frame of the app origin', () => {
    expect(isTrustedSender(topFrame('app://threadmark/index.html'), APP)).toBe(true);
    expect(isTrustedSender(null, APP)).toBe(false);
    expect(isTrustedSender(topFrame('https://evil.example/'), APP)).toBe(false);
    expect(isTrustedSender(topFrame('app://threadmark.evil.example/'), APP)).toBe(false);
    expect(isTrustedSender(topFrame('file:///app/out/renderer/index.html'), APP)).toBe(false);
    expect(isTrustedSender({ url: 'app://threadmark/index.html', parent: {} as never }, APP)).toBe(false);
  });
});

describe('dispatch', () => {
  const impl = () => ok({ name: 'Threadmark', version: '1', platform: 'linux' });

  it('runs the implementation for a trusted sender and a valid request', async () => {
    const result = await dispatch('app:info', impl, APP, event(topFrame(`${APP}/index.html`)), [undefined]);
    expect(result).toEqual({ ok: true, value: { name: 'Threadmark', version: '1', platform: 'linux' } });
  });

  it.each([
    ['another origin', topFrame('https://evil.example/')],
    ['a subframe of the app', { url: `${APP}/index.html`, parent: { url: `${APP}/index.html` } }],
    ['a destroyed frame', null],
  ])('rejects %s with untrusted-sender before parsing', async (_name, frame) => {
    const spy = vi.fn(impl);
    const result = await dispatch('app:info', spy, APP, event(frame), [{ garbage: true }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('untrusted-sender');
    expect(spy).not.toHaveBeenCalled();
  });

  it('rejects an invalid payload with invalid-request naming the field', async () => {
    const spy = vi.fn(async () => ok(null));
    const result = await dispatch('file:open', spy, APP, event(topFrame(`${APP}/`)), [{ title: 7, filters: [] }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toContain('title');
    expect(spy).not.toHaveBeenCalled();
  });

  it('rejects extra arguments', async () => {
    const result = await dispatch('app:info', impl, APP, event(topFrame(`${APP}/`)), [undefined, 'extra']);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('turns a throwing implementation into internal without leaking the message', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await dispatch(
      'app:info',
      () => {
        throw new Error('/home/alice/secret path');
      },
      APP,
      event(topFrame(`${APP}/`)),
      [undefined],
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).not.toContain('alice');
    spy.mockRestore();
  });
});

describe('createHandle', () => {
  it('registers through ipcMain.handle and never throws to the caller', async () => {
    const ipcMain = { handle: vi.fn() };
    createHandle(ipcMain as never, APP)('app:info', () => {
      throw new Error('boom');
    });
    expect(ipcMain.handle).toHaveBeenCalledExactlyOnceWith('app:info', expect.any(Function));
    const listener = ipcMain.handle.mock.calls[0]?.[1] as (event: unknown, ...args: unknown[]) => Promise<unknown>;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(listener(event(topFrame(`${APP}/`)), undefined)).resolves.toMatchObject({ ok: false });
    await expect(listener(event(topFrame('https://evil.example/')), undefined)).resolves.toMatchObject({
      error: { code: 'untrusted-sender' },
    });
    vi.restoreAllMocks();
  });
});

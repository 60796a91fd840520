import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { denyAllPermissions, hardenWebContents } from './security';

type Listener = (event: { preventDefault: () => void; url?: string }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: typeof windowOpen) => {
      windowOpen = handler;
    }),
  };
  const fire = (name: string, url?: string) => {
    const event = { preventDefault: vi.fn(), url };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event);
    return event;
  };
  return { contents, fire, openWindow: (url: string) => windowOpen?.({ url }) };
}

describe('hardenWebContents', () => {
  it('prevents every navigation and hands the URL to the link opener', () => {
    const { contents, fire } = fakeContents();
    const openLink = vi.fn();
    hardenWebContents(contents as never, openLink);
    for (const url of ['https://example.org/', 'app://threadmark/other.html', 'file:///etc/passwd']) {
      expect(fire('will-navigate', url).preventDefault).toHaveBeenCalledOnce();
      expect(openLink).toHaveBeenLastCalledWith(url);
    }
  });

  it('denies every window.open', () => {
    const { contents, openWindow } = fakeContents();
    const openLink = vi.fn();
    hardenWebContents(contents as never, openLink);
    expect(openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(openWindow('app://threadmark/index.html')).toEqual({ action: 'deny' });
    expect(openLink).toHaveBeenCalledWith('https://example.org/');
  });

  it('refuses to attach webviews', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents as never, vi.fn());
    expect(fire('will-attach-webview').preventDefault).toHaveBeenCalledOnce();
  });
});

describe('denyAllPermissions', () => {
  it('denies permission requests, checks and device access', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as never);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    for (const permission of ['media', 'clipboard-sanitized-write', 'fullscreen', 'persistent-storage']) {
      expect(check({}, permission, 'app://threadmark', {})).toBe(false);
    }

    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as (details: unknown) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://threadmark' })).toBe(false);
  });
});

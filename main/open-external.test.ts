import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { createOpenExternal, parseExternalUrl } from './open-external';

function setup(response: number) {
  const dialog = { showMessageBox: vi.fn(async () => ({ response, checkboxChecked: false })) };
  const shell = { openExternal: vi.fn(async () => {}) };
  return { open: createOpenExternal({ dialog: dialog as never, shell, getWindow: () => null }), dialog, shell };
}

describe('parseExternalUrl', () => {
  it.each(['https://example.org/a?b=c#d', 'http://example.org', 'mailto:team@example.org'])('allows %s', (url) => {
    expect(parseExternalUrl(url)).not.toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)',
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'app://threadmark/index.html',
    'data:text/html,<script>alert(1)</script>',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://bank.example@evil.example/',
    '//example.org',
    'not a url',
  ])('refuses %s', (url) => {
    expect(parseExternalUrl(url)).toBeNull();
  });
});

describe('createOpenExternal', () => {
  it.each(['javascript:alert(1)', 'file:///etc/passwd'])('rejects %s without asking or opening', async (url) => {
    const { open, dialog, shell } = setup(1);
    expect(await open(url)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('shows the full normalized URL and opens it once confirmed', async () => {
    const { open, dialog, shell } = setup(1);
    expect(await open('https://例え.jp/path?q=1')).toEqual({ ok: true, value: undefined });
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ detail: 'https://xn--r8jz45g.jp/path?q=1', cancelId: 0, defaultId: 0 }),
    );
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://xn--r8jz45g.jp/path?q=1');
  });

  it('opens nothing when the user cancels', async () => {
    const { open, shell } = setup(0);
    expect(await open('https://example.org/')).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

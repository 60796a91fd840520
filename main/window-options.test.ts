import { describe, expect, it, vi } from 'vitest';

// Guard: this module must not need Electron at runtime.
vi.mock('electron', () => ({}));

import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('locks webPreferences down exactly', () => {
    expect(mainWindowOptions('/app/out/preload/preload.cjs').webPreferences).toStrictEqual({
      preload: '/app/out/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('titles the window and shows it only when ready', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options.title).toBe('Threadmark');
    expect(options.show).toBe(false);
  });
});

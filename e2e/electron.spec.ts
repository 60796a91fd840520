/**
 * Smoke test of the real desktop app. Runs only where an Electron binary exists (it cannot be
 * downloaded on the project's CI machines); elsewhere it is reported as skipped, with the reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { _electron, expect, test } from '@playwright/test';

const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const DEFAULT_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/** Mirrors node_modules/electron/index.js, minus its attempt to download a missing binary. */
function findElectronBinary(): string | null {
  const packageDir = join(appRoot, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (DEFAULT_EXECUTABLE[process.platform] ?? 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, executable) : existsSync(pathFile) ? join(packageDir, 'dist', executable) : null;
  return candidate !== null && existsSync(candidate) ? candidate : null;
}

const executablePath = findElectronBinary();

test.skip(executablePath === null, 'skipped: no Electron binary');

test('the app window opens sandboxed on app://threadmark', async () => {
  expect(existsSync(join(appRoot, 'out', 'main', 'index.js')), 'build the app first (npm run build)').toBe(true);

  // Without the dev-server variable main loads the built renderer over app://.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL' && entry[0] !== 'ELECTRON_RUN_AS_NODE',
    ),
  );
  // Chromium refuses to start as root unless its OS sandbox is turned off (CI containers).
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await _electron.launch({
    executablePath: executablePath ?? undefined,
    args: [...rootArgs, appRoot],
    cwd: appRoot,
    env,
  });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    await expect(page).toHaveTitle('Threadmark');
    expect(await page.evaluate(() => location.origin)).toBe('app://threadmark');
    expect(await page.evaluate(() => typeof process)).toBe('undefined');
    expect(await page.evaluate(() => typeof require)).toBe('undefined');

    // The bridge is the only thing the preload adds, and IPC answers the app's own origin.
    const bridgeKeys = await page.evaluate(() => Object.keys((window as unknown as { threadmark: object }).threadmark).sort());
    expect(bridgeKeys).toEqual(['invoke', 'on']);
    const info = await page.evaluate(() =>
      (window as unknown as { threadmark: { invoke(channel: string, req: undefined): Promise<unknown> } }).threadmark.invoke(
        'app:info',
        undefined,
      ),
    );
    expect(info).toMatchObject({ ok: true, value: { version: expect.any(String), platform: process.platform } });
  } finally {
    await app.close();
  }
});

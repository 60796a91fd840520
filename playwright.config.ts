import { defineConfig } from '@playwright/test';

// THREADMARK_E2E_PORT and THREADMARK_E2E_OUT let parallel runs on one machine use their own port and
// build (`npx electron-vite build --outDir out-x`); CI uses the defaults.
const PORT = Number(process.env.THREADMARK_E2E_PORT ?? 4173);
const OUT = process.env.THREADMARK_E2E_OUT ?? 'out';

/**
 * e2e runs the built renderer as a web page in Debian's Chromium (no Electron binary can be
 * downloaded on the project's machines; docs/toolchain.md, "No Electron binary on CI"). Chromium's
 * background networking is off: the machine has no network and would refuse its connections.
 */
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.THREADMARK_E2E_OUT ? `reports/playwright-${PORT}.json` : 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --outDir ${OUT}/renderer --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

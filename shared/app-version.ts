/**
 * Threadmark's version, package.json's `version` injected at build time: every build that bundles
 * shared/ defines `__APP_VERSION__` (electron.vite.config.ts, cli/vite.config.ts, vitest.config.ts,
 * the bench configs). It names the app in bundles' `app.version`, .qdc origins, reports and
 * `threadmark --version`.
 */
declare const __APP_VERSION__: string | undefined;

/** Outside a Vite build (a script run by hand) the version is unknown, and says so. */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-unknown';

/** Written into every bundle's `app` field. */
export const APP_INFO = { name: 'Threadmark', version: APP_VERSION } as const;

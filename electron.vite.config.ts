import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

import packageJson from './package.json' with { type: 'json' };
import { META_CONTENT_SECURITY_POLICY } from './shared/security/content-security-policy';

// The config is bundled before it runs, so paths come from the working directory (docs/toolchain.md,
// "electron-vite with our own folders").
const root = process.cwd();
const shared = { '@shared': resolve(root, 'shared') };
/** shared/app-version.ts: package.json's version, in bundles' `app.version` and .qdc origins. */
const appVersion = { __APP_VERSION__: JSON.stringify(packageJson.version) };

/**
 * The production CSP as a <meta> tag, added at build time only: the dev server's React refresh
 * needs an inline script, the built app none. Electron also sends the policy as a header.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'threadmark-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

const sharedDir = resolve(root, 'shared').replaceAll('\\', '/');

/**
 * The renderer's chunks besides its entry (the React app itself), matched on the module's path;
 * the highest priority wins, so the named libraries leave the catch-all `vendor`.
 */
const RENDERER_CHUNKS = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/, priority: 10 },
  { name: 'vendor-lexical', test: /[\\/]node_modules[\\/](?:lexical|@lexical[\\/][^\\/]+)[\\/]/, priority: 10 },
  { name: 'vendor-zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 10 },
  // Observable Plot and the d3 modules it draws with: loaded only when the Tables & charts tab shows a chart.
  { name: 'vendor-plot', test: /[\\/]node_modules[\\/](?:@observablehq[\\/]plot|d3|d3-[^\\/]+|interval-tree-1d|binary-search-bounds|isoformat|internmap|delaunator|robust-predicates)[\\/]/, priority: 10 },
  // PouchDB and what it brings: loaded only once a project is connected to a team server (renderer/features/sync/).
  { name: 'vendor-pouchdb', test: /[\\/]node_modules[\\/](?:pouchdb-browser|spark-md5|vuvuzela|events)[\\/]/, priority: 10 },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/, priority: 0 },
  // The project's own pure domain code (shared/).
  { name: 'app-shared', test: (id: string) => id.replaceAll('\\', '/').startsWith(`${sharedDir}/`) },
];

export default defineConfig({
  main: {
    define: appVersion,
    resolve: { alias: shared },
    build: { lib: { entry: resolve(root, 'main/index.ts') } },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      lib: { entry: resolve(root, 'main/preload.ts') },
      // A CommonJS preload keeps `sandbox: true` (an ESM preload needs sandbox off).
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    define: appVersion,
    resolve: { alias: shared },
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; the web runtime downloads and parses it.
      minify: true,
      rolldownOptions: {
        input: resolve(root, 'renderer/index.html'),
        // One 1.3 MB bundle tripped Vite's 500 kB warning on every build. The big libraries and
        // shared/ get chunks of their own (all still load at start, preloaded; from disk in Electron).
        output: { codeSplitting: { groups: RENDERER_CHUNKS } },
      },
    },
    worker: { format: 'es' },
  },
});

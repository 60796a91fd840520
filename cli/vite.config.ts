/**
 * Builds the `threadmark` CLI for Node 20: out/cli/threadmark.mjs, and each command in its own chunk
 * under out/cli/assets/ (run.ts imports a command when it runs, so `agree --units` does not load
 * the bundle code of `export`).
 * SSR mode keeps node: builtins external; noExternal bundles zod and csv-stringify in, so the
 * output runs without node_modules.
 */
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

import packageJson from '../package.json' with { type: 'json' };

// Vite rewrites import.meta.url in config files to the real location, so this works from any cwd.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  // shared/app-version.ts: `threadmark --version` and the bundles the CLI writes.
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  resolve: { alias: { '@shared': `${root}shared` } },
  ssr: { target: 'node', noExternal: true },
  build: {
    ssr: 'cli/threadmark.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'threadmark.mjs' },
    },
  },
});

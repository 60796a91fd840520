import { resolve } from 'node:path';

import { defineConfig } from 'vite';

// The import bench page (bench/import-page) with the app's real import Worker; bench/run.mjs
// builds it from the repository root, as bench/vite.config.ts builds the thread bench page.
const root = process.cwd();

export default defineConfig({
  root: resolve(root, 'bench/import-page'),
  base: './',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  logLevel: 'warn',
  // As the app's renderer build (electron.vite.config.ts): the import Worker is an ES module.
  worker: { format: 'es' },
  build: {
    outDir: resolve(root, 'out/bench-import'),
    emptyOutDir: true,
    // BENCH_NO_MINIFY=1 keeps function names readable in CPU profiles (investigation only).
    minify: process.env.BENCH_NO_MINIFY !== '1',
  },
});

import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths come from the working directory, as in electron.vite.config.ts: bench/run.mjs runs the
// build from the repository root.
const root = process.cwd();

export default defineConfig({
  root: resolve(root, 'bench/page'),
  base: './',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: true,
    // BENCH_NO_MINIFY=1 keeps function names readable in CPU profiles (investigation only).
    minify: process.env.BENCH_NO_MINIFY !== '1',
  },
});

import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The adjudication bench page (bench/adjudication-page); bench/run.mjs builds it from the
// repository root, as bench/vite.config.ts builds the thread bench page.
const root = process.cwd();

export default defineConfig({
  root: resolve(root, 'bench/adjudication-page'),
  base: './',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'out/bench-adjudication'),
    emptyOutDir: true,
    minify: process.env.BENCH_NO_MINIFY !== '1',
  },
});

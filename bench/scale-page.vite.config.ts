import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The scale bench's Chromium page (bench/scale-page): the real App, its search and backup Workers.
// bench/run.mjs builds it from the repository root; BENCH_SCALE_OUT puts it elsewhere (an engineer's
// own build directory while others use out/).
const root = process.cwd();

export default defineConfig({
  root: resolve(root, 'bench/scale-page'),
  base: './',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  define: { __APP_VERSION__: JSON.stringify('bench') },
  plugins: [react()],
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: process.env.BENCH_SCALE_OUT ?? resolve(root, 'out/bench-scale-page'),
    emptyOutDir: true,
    minify: process.env.BENCH_NO_MINIFY !== '1',
  },
});

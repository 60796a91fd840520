import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// The config is bundled before it runs, so paths come from the working directory (stack-notes §2).
const root = process.cwd();
const shared = { '@shared': resolve(root, 'shared') };

export default defineConfig({
  main: {
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
    resolve: { alias: shared },
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
    worker: { format: 'es' },
  },
});

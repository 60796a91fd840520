/**
 * Builds the agreement bench (bench/agreement.ts) into one ESM file for Node, as cli/vite.config.ts
 * builds the CLI: out/bench-agreement/agreement.mjs. bench/run.mjs runs it after the browser bench.
 */
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

// Vite rewrites import.meta.url in config files to the real location, so this works from any cwd.
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: { '@shared': `${root}shared` } },
  ssr: { target: 'node', noExternal: true },
  build: {
    ssr: 'bench/agreement.ts',
    outDir: 'out/bench-agreement',
    emptyOutDir: true,
    target: 'node20',
    // Readable names in CPU profiles (node --cpu-prof); the timings do not depend on it.
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'agreement.mjs' },
    },
  },
});

/**
 * Builds the team bench (bench/team.ts) into one ESM file for Node, as cli/vite.config.ts
 * builds the CLI: out/bench-team/team.mjs. bench/run.mjs runs it after the agreement bench.
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
    ssr: 'bench/team.ts',
    outDir: 'out/bench-team',
    emptyOutDir: true,
    target: 'node20',
    // Readable names in CPU profiles (node --cpu-prof); the timings do not depend on it.
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: { format: 'es', entryFileNames: 'team.mjs' },
    },
  },
});

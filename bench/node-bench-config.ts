/**
 * The Vite config that builds one Node bench (bench/agreement.ts, bench/disagreements.ts,
 * bench/team.ts) into one ESM file, as cli/vite.config.ts builds the CLI:
 * out/bench-<name>/<name>.mjs. bench/run.mjs builds each and runs it in a child Node process.
 * What the benches share at run time (options, timing, child runs) is in node-bench-kit.ts.
 */
import { fileURLToPath } from 'node:url';

import { defineConfig, type UserConfig } from 'vite';

// Vite rewrites import.meta.url in config files to the real location, so this works from any cwd.
const root = fileURLToPath(new URL('..', import.meta.url));

/** The config for bench/<name>.ts, built to out/bench-<name>/<name>.mjs. */
export function nodeBenchConfig(name: string): UserConfig {
  return defineConfig({
    root,
    publicDir: false,
    logLevel: 'warn',
    resolve: { alias: { '@shared': `${root}shared` } },
    ssr: { target: 'node', noExternal: true },
    build: {
      ssr: `bench/${name}.ts`,
      outDir: `out/bench-${name}`,
      emptyOutDir: true,
      target: 'node20',
      // Readable names in CPU profiles (node --cpu-prof); the timings do not depend on it.
      minify: false,
      sourcemap: false,
      rolldownOptions: {
        output: { format: 'es', entryFileNames: `${name}.mjs` },
      },
    },
  });
}

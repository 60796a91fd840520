import { resolve } from 'node:path';

import { defineConfig } from 'vitest/config';

import packageJson from './package.json' with { type: 'json' };

export default defineConfig({
  // shared/app-version.ts: the version every build injects, so tests see the real one.
  define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
  resolve: { alias: { '@shared': resolve(process.cwd(), 'shared') } },
  test: {
    environment: 'node',
    // Tests assert behaviour, never time (speed is the bench's). On 2 shared cores under load the
    // largest inputs (100,000-post threads, whole-program type checks) ran past vitest's 5 s default.
    testTimeout: 20_000,
    include: ['shared/**/*.test.ts', 'resources/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'main/**/*.test.ts', 'cli/**/*.test.ts', 'boundaries/**/*.test.ts', 'node/**/*.test.ts', 'scripts/**/*.test.mjs'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});

import { resolve } from 'node:path';

import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(process.cwd(), 'shared') } },
  test: {
    environment: 'node',
    include: ['shared/**/*.test.ts', 'resources/**/*.test.ts', 'renderer/**/*.test.ts', 'renderer/**/*.test.tsx', 'main/**/*.test.ts', 'cli/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});

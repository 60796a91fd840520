/**
 * Builds the team-sync bench's Chromium half (bench/sync-browser.ts) into one ESM file for Node:
 * out/bench-sync-browser/sync-browser.mjs. Playwright stays a dependency loaded at run time (it
 * finds its own files next to it); the test server's child script is copied beside the bundle.
 */
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = nodeBenchConfig('sync-browser');

export default {
  ...config,
  build: {
    ...config.build,
    rolldownOptions: { ...config.build?.rolldownOptions, external: [/^@playwright\//, /^playwright/, /^@axe-core\//] },
  },
  plugins: [
    {
      name: 'copy-couch-child',
      closeBundle() {
        copyFileSync(`${root}node/couch/pouchdb-server-child.mjs`, `${root}out/bench-sync-browser/pouchdb-server-child.mjs`);
      },
    },
  ],
};

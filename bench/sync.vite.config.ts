/**
 * Builds the team-sync bench (bench/sync.ts) into one ESM file for Node: out/bench-sync/sync.mjs.
 * bench/run.mjs runs it with `--only sync`. The test server's child script
 * (node/couch/pouchdb-server-child.mjs) is started by path next to the code that starts it, so it
 * is copied beside the bundle.
 */
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = nodeBenchConfig('sync');

export default {
  ...config,
  plugins: [
    {
      name: 'copy-couch-child',
      closeBundle() {
        copyFileSync(`${root}node/couch/pouchdb-server-child.mjs`, `${root}out/bench-sync/pouchdb-server-child.mjs`);
      },
    },
  ],
};

/**
 * Builds the search bench (bench/search.ts) into one ESM file for Node: out/bench-search/search.mjs.
 * bench/run.mjs runs it with `--only search`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('search');

/**
 * Builds the post-metadata bench (bench/post-meta.ts) into one ESM file for Node:
 * out/bench-post-meta/post-meta.mjs. bench/run.mjs runs it with `--only post-meta`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('post-meta');

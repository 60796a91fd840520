/**
 * Builds the streaming bundle bench (bench/bundle-stream.ts) into one ESM file for Node:
 * out/bench-bundle-stream/bundle-stream.mjs. bench/run.mjs runs it with `--only bundle-stream`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('bundle-stream');

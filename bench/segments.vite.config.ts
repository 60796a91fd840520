/**
 * Builds the segments bench (bench/segments.ts) into one ESM file for Node:
 * out/bench-segments/segments.mjs. bench/run.mjs runs it with `--only segments`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('segments');

/**
 * Builds the hostile-sizes bench (bench/limits.ts) into one ESM file for Node: out/bench-limits/limits.mjs.
 * bench/run.mjs runs it with `--only limits`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('limits');

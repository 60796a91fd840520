/**
 * Builds the REFI-QDA project bench (bench/qdpx.ts) into one ESM file for Node: out/bench-qdpx/qdpx.mjs.
 * bench/run.mjs runs it with `--only qdpx`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('qdpx');

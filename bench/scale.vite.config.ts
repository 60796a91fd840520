/**
 * Builds the scale bench (bench/scale.ts) into one ESM file for Node:
 * out/bench-scale/scale.mjs. bench/run.mjs runs it with `--only scale`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('scale');

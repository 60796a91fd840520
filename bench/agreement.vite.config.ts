/**
 * Builds the agreement bench (bench/agreement.ts) into one ESM file for Node:
 * out/bench-agreement/agreement.mjs. bench/run.mjs runs it after the browser bench.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('agreement');

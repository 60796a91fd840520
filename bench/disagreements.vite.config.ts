/**
 * Builds the adjudication bench (bench/disagreements.ts) into one ESM file for Node:
 * out/bench-disagreements/disagreements.mjs, run by bench/run.mjs.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('disagreements');

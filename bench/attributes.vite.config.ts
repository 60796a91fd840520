/**
 * Builds the attributes bench (bench/attributes.ts) into one ESM file for Node:
 * out/bench-attributes/attributes.mjs. bench/run.mjs runs it with `--only attributes`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('attributes');

/**
 * Builds the reliability CSV bench (bench/agree-units.ts) into one ESM file for Node:
 * out/bench-agree-units/agree-units.mjs. bench/run.mjs runs it with `--only agree-units`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('agree-units');

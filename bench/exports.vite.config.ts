/**
 * Builds the exports bench (bench/exports.ts) into one ESM file for Node: out/bench-exports/exports.mjs.
 * bench/run.mjs runs it with `--only exports`.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('exports');

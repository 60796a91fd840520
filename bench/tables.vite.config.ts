/**
 * Builds the tables bench (bench/tables.ts) into one ESM file for Node:
 * out/bench-tables/tables.mjs, run by bench/run.mjs (`--only tables`).
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('tables');

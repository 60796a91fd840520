/**
 * Builds the team bench (bench/team.ts) into one ESM file for Node: out/bench-team/team.mjs.
 * bench/run.mjs runs it after the agreement bench.
 */
// .js names the .ts to Vite's config loader (an import without an extension draws its warning).
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('team');

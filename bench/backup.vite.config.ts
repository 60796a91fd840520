/** Builds the backup bench (bench/backup.ts) into out/bench-backup/backup.mjs; bench/run.mjs runs it. */
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('backup');

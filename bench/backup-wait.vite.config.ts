/** Builds the backup-wait bench (bench/backup-wait.ts) into out/bench-backup-wait/backup-wait.mjs; bench/run.mjs runs it. */
import { nodeBenchConfig } from './node-bench-config.js';

export default nodeBenchConfig('backup-wait');

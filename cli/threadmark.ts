/** Entry of the `threadmark` command (built to out/cli/threadmark.mjs by cli/vite.config.ts). */
import process from 'node:process';

import { nodeIo } from './node-io';
import { run } from './run';

// exitCode rather than exit(): lets piped stdout drain before Node ends.
process.exitCode = await run(process.argv.slice(2), nodeIo);

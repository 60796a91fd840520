/** Entry of the `threadmark` command (built to out/cli/threadmark.mjs by cli/vite.config.ts). */
import process from 'node:process';

import { main } from './cli-main';

// exitCode rather than exit(): lets piped stdout drain before Node ends.
process.exitCode = await main(process.argv.slice(2));

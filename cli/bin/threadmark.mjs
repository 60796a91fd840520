#!/usr/bin/env node
// The `threadmark` bin: runs the built CLI (npm run build:cli), which bundles shared/ code.
import { existsSync } from 'node:fs';

const built = new URL('../../out/cli/threadmark.mjs', import.meta.url);

if (!existsSync(built)) {
  process.stderr.write('threadmark: run `npm run build:cli` first\n');
  process.exit(1);
}
await import(built.href);

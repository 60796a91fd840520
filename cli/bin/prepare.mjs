// npm `prepare` script: after `npm install` in a clone, build the CLI so `npx threadmark` works.
// Without dev dependencies (vite absent) there is nothing to build with, so it does nothing.
// A failed build only warns: it must not make `npm install` fail; the bin then says to build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

if (existsSync(join(root, 'node_modules', 'vite'))) {
  const result = spawnSync('npx', ['vite', 'build', '--config', 'cli/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32', // npx is npx.cmd there
  });
  if (result.status !== 0) {
    process.stderr.write('threadmark: the CLI build failed; run `npm run build:cli` to see why\n');
  }
}
process.exit(0);

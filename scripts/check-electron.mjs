// npm `prestart`: `npm start` runs the desktop app, which needs an Electron binary for this platform.
// Installing the `electron` package downloads none here (no postinstall), and electron-vite then stops
// with a bare "Error: Electron uninstall". This check says what is missing and how to get it instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Why `npm start` cannot run Electron, or null when it can. Mirrors how electron-vite finds the
 * binary: ELECTRON_EXEC_PATH when set, else node_modules/electron/path.txt naming a file in dist/.
 * Pure apart from `exists` and `readText`, which the caller supplies.
 * @param {{ root: string, env: Record<string, string | undefined>, exists: (path: string) => boolean, readText: (path: string) => string }} probe
 * @returns {string | null}
 */
export function electronProblem({ root, env, exists, readText }) {
  const packageDir = join(root, 'node_modules', 'electron');
  if (env.ELECTRON_EXEC_PATH) {
    return exists(env.ELECTRON_EXEC_PATH) ? null : missingMessage(`ELECTRON_EXEC_PATH points to ${env.ELECTRON_EXEC_PATH}, which does not exist.`);
  }
  if (!exists(join(packageDir, 'package.json'))) {
    return [
      'threadmark: `npm start` needs the `electron` package, and node_modules/electron is missing.',
      '  Install the dependencies:  npm install',
      '  Without Electron:  npm run web  serves the same app as a web page (any Chromium browser).',
    ].join('\n');
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!exists(pathFile)) {
    return missingMessage('node_modules/electron/path.txt is absent: the binary was never downloaded.');
  }
  const binary = join(packageDir, 'dist', readText(pathFile).trim());
  return exists(binary) ? null : missingMessage(`${binary} does not exist.`);
}

/** @param {string} what */
function missingMessage(what) {
  return [
    'threadmark: `npm start` needs an Electron binary for this platform, and none is installed.',
    `  Missing: ${what}`,
    '  Download it (about 100 MB, from GitHub; Electron 45\'s installer declares Node 22.12+):',
    '    node node_modules/electron/install.js',
    '    or  npx electron --version   (downloads it on first use)',
    '  Or use one you have:  ELECTRON_EXEC_PATH=/path/to/electron npm start',
    '  Without Electron:  npm run web  serves the same app as a web page on http://127.0.0.1:4173.',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problem = electronProblem({
    root: fileURLToPath(new URL('..', import.meta.url)),
    env: process.env,
    exists: existsSync,
    readText: (path) => readFileSync(path, 'utf8'),
  });
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}

import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { electronProblem } from './check-electron.mjs';
import { previewArgs } from './web.mjs';

const root = '/repo';
const pkg = join(root, 'node_modules', 'electron');

/** A file system holding exactly `files` (path → text). */
function probe(files, env = {}) {
  return { root, env, exists: (path) => path in files, readText: (path) => files[path] ?? '' };
}

describe('electronProblem', () => {
  it('is null when path.txt names a binary that exists', () => {
    const files = { [join(pkg, 'package.json')]: '{}', [join(pkg, 'path.txt')]: 'electron\n', [join(pkg, 'dist', 'electron')]: '' };
    expect(electronProblem(probe(files))).toBeNull();
  });

  it('explains a binary that was never downloaded: how to install it, and npm run web', () => {
    const message = electronProblem(probe({ [join(pkg, 'package.json')]: '{}' }));
    expect(message).toContain('path.txt is absent');
    expect(message).toContain('node node_modules/electron/install.js');
    expect(message).toContain('npx electron --version');
    expect(message).toContain('npm run web');
    expect(message).not.toContain('uninstall');
  });

  it('names the binary path.txt points to when it is gone', () => {
    const files = { [join(pkg, 'package.json')]: '{}', [join(pkg, 'path.txt')]: 'electron' };
    expect(electronProblem(probe(files))).toContain(`${join(pkg, 'dist', 'electron')} does not exist`);
  });

  it('asks for npm install when the electron package itself is missing', () => {
    expect(electronProblem(probe({}))).toContain('npm install');
  });

  it('uses ELECTRON_EXEC_PATH, as electron-vite does', () => {
    expect(electronProblem(probe({ '/opt/electron': '' }, { ELECTRON_EXEC_PATH: '/opt/electron' }))).toBeNull();
    expect(electronProblem(probe({}, { ELECTRON_EXEC_PATH: '/opt/electron' }))).toContain('ELECTRON_EXEC_PATH points to /opt/electron');
  });
});

describe('previewArgs', () => {
  const port = (args) => args[args.indexOf('--port') + 1];

  it('defaults to 127.0.0.1:4173, strict', () => {
    expect(previewArgs([])).toEqual({ args: ['preview', '--outDir', 'out/renderer', '--host', '127.0.0.1', '--port', '4173', '--strictPort'] });
  });

  it('takes --port N, --port=N and --host', () => {
    expect(port(previewArgs(['--port', '5000']).args)).toBe('5000');
    expect(port(previewArgs(['--port=5001']).args)).toBe('5001');
    expect(previewArgs(['--host', '0.0.0.0']).args).toContain('0.0.0.0');
  });

  it('refuses a bad port, a missing value and unknown options', () => {
    expect(previewArgs(['--port', 'abc'])).toHaveProperty('error');
    expect(previewArgs(['--port', '0'])).toHaveProperty('error');
    expect(previewArgs(['--port'])).toHaveProperty('error');
    expect(previewArgs(['--open'])).toHaveProperty('error');
  });
});

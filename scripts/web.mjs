// `npm run web` after the build: serves out/renderer with `vite preview` on 127.0.0.1:4173.
// `npm run web -- --port 5000` (or --port=5000, --host 0.0.0.0) overrides the defaults; the port stays
// strict, because each address is its own IndexedDB store (README, "Where your data lives") and a
// silent move to another port would look like an empty project list.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4173;

/**
 * `vite preview`'s arguments for this command line, or an error message.
 * @param {readonly string[]} argv the arguments after the script name
 * @returns {{ args: string[] } | { error: string }}
 */
export function previewArgs(argv) {
  let host = DEFAULT_HOST;
  let port = DEFAULT_PORT;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--port' && flag !== '--host') return { error: `unknown option ${arg} (accepted: --port N, --host H)` };
    const value = inline ?? argv[(i += 1)];
    if (value === undefined || value === '') return { error: `${flag} needs a value` };
    if (flag === '--host') host = value;
    else {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) return { error: `--port must be a number from 1 to 65535, not ${value}` };
      port = Number(value);
    }
  }
  return { args: ['preview', '--outDir', 'out/renderer', '--host', host, '--port', String(port), '--strictPort'] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const parsed = previewArgs(process.argv.slice(2));
  if ('error' in parsed) {
    process.stderr.write(`threadmark web: ${parsed.error}\n`);
    process.exit(2);
  }
  const root = fileURLToPath(new URL('..', import.meta.url));
  const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js'); // not in vite's exports map
  const result = spawnSync(process.execPath, [viteBin, ...parsed.args], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

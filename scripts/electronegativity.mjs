// `npm run test:electron-security` (part of `npm test`): runs @doyensec/electronegativity on main/
// (the Electron main process and preload) and fails on any finding that is not in the reviewed
// allowlist (scripts/electronegativity-allowlist.json), and on an allowlist entry that no longer
// matches anything, so the list stays true. The tool's own CLI always exits 0 and, with the
// commander it resolves here, ignores its options; its runner is called directly instead.
// Offline it cannot fetch translations or the Electron release list: it says so and scans anyway.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What is new and what is stale, comparing findings with the allowlist by check id and file.
 * @param {Array<{ id: string, file: string, line?: number }>} findings
 * @param {Array<{ id: string, file: string }>} allowed
 */
export function compareFindings(findings, allowed) {
  const key = (f) => `${f.id} ${f.file}`;
  const allowedKeys = new Set(allowed.map(key));
  const foundKeys = new Set(findings.map(key));
  return {
    unexpected: findings.filter((f) => !allowedKeys.has(key(f))),
    stale: allowed.filter((a) => !foundKeys.has(key(a))),
  };
}

/** The Electron version the app is built with, as electronegativity wants it. */
const electronVersion = () => JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

async function main() {
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const result = await run({ input: join(root, 'main'), isRelative: true, electronVersionOverride: electronVersion(), customScan: [], excludeFromScan: [], parserPlugins: [] });
  // Tests are not shipped code.
  const findings = result.issues
    .filter((i) => !/\.test\.ts$/.test(i.file))
    .map((i) => ({ id: i.id, file: i.file, line: i.location.line, severity: i.severity.name, description: i.description }));
  const { allowed } = JSON.parse(readFileSync(join(root, 'scripts', 'electronegativity-allowlist.json'), 'utf8'));
  const { unexpected, stale } = compareFindings(findings, allowed);
  for (const error of result.errors) console.error(`electronegativity: could not parse ${error.file}: ${error.message}`);
  process.stdout.write(`electronegativity: ${result.atomicChecks + result.globalChecks} checks, ${findings.length} findings, ${findings.length - unexpected.length} reviewed (allowlist)\n`);
  for (const f of unexpected) console.error(`NEW ${f.severity} ${f.id} main/${f.file}:${f.line} ${f.description}`);
  for (const a of stale) console.error(`STALE allowlist entry ${a.id} ${a.file}: no longer found; remove it from scripts/electronegativity-allowlist.json`);
  if (unexpected.length > 0 || stale.length > 0 || result.errors.length > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

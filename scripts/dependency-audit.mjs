#!/usr/bin/env node
/**
 * The dependency audit (issue 14): every dependency pinned to an exact version, every locked
 * package fetched from the npm registry with an integrity hash (so `npm ci` verifies each byte),
 * then npm's advisory database for what ships (`--omit=dev`). The advisory check needs npm's
 * audit endpoint; where it can't be reached, the script says so instead of passing in silence.
 *
 *   node scripts/dependency-audit.mjs            # exit 1 on a pin/lock problem or a high advisory
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REGISTRY = 'https://registry.npmjs.org/';
const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** Problems with how dependencies are pinned and locked, one sentence each. */
export function lockProblems(pkg, lock) {
  const problems = [];
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const [name, version] of Object.entries(pkg[field] ?? {})) {
      if (!EXACT.test(version)) problems.push(`package.json ${field}.${name}: "${version}" is a range; pin an exact version`);
    }
  }
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.link) continue;
    if (!entry.integrity) problems.push(`package-lock.json ${path}: no integrity hash`);
    if (entry.resolved && !entry.resolved.startsWith(REGISTRY)) problems.push(`package-lock.json ${path}: resolved from ${entry.resolved}, not the npm registry`);
  }
  return problems;
}

/** Reads `npm audit --json`'s answer: the advisories at high or critical, or why there is no answer. */
export function auditFindings(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { reached: false, reason: 'npm audit gave no JSON answer' };
  }
  if (report.error || report.message) return { reached: false, reason: report.message ?? report.error?.summary ?? 'npm audit failed' };
  const serious = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical');
  return { reached: true, serious: serious.map((v) => `${v.name} (${v.severity}): ${v.range}`) };
}

function main() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
  const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8'));
  const problems = lockProblems(pkg, lock);
  for (const p of problems) console.error(p);
  process.stdout.write(`pins and lock: ${problems.length === 0 ? 'every dependency exact, every package from the registry with an integrity hash' : `${problems.length} problems`}\n`);
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const found = auditFindings(run.stdout ?? '');
  if (!found.reached) process.stdout.write(`advisories: not audited — npm's audit endpoint could not be reached here (${found.reason})\n`);
  else {
    for (const s of found.serious) console.error(`advisory: ${s}`);
    process.stdout.write(`advisories: ${found.serious.length} high or critical in what ships\n`);
  }
  process.exit(problems.length > 0 || (found.reached && found.serious.length > 0) ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

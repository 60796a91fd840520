/**
 * The reliability CSV bench (issue 15, "Fast reliability CSV"): `threadmark agree --units` end to
 * end on 1,000,000 units × 5 coders (seeded; 5 categories, ~10 % of cells missing, as rows left
 * out), against NLTK's `AnnotationTask(data).alpha()` reading the same file with Python's csv
 * module, in the same run. Budget: threadmark ≥ 10× NLTK's speed end to end. Reported, never
 * enforced.
 *
 * Each run of each program is its own process under /usr/bin/time -v (wall time from here, peak
 * resident set from time). The CLI is built for the bench into out/bench-agree-units-cli. Python 3
 * with NLTK is looked for as `python3`, then /usr/bin/python3 (Debian's python3-nltk); without it
 * NLTK is "not measured". Both programs' α (nominal) are printed, and must agree.
 * Built by bench/agree-units.vite.config.ts, run by bench/run.mjs (`--only agree-units`);
 * `node out/bench-agree-units/agree-units.mjs --runs N [--units N]` works too.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { mulberry32 } from '@shared/agreement/seeded-random';

import { median, ms, option, print, range } from './node-bench-kit';

const CODERS = 5;
const CATEGORIES = 5;
const MISSING_SHARE = 0.1;
const BUDGET = 10;
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const CLI_DIR = join(REPO, 'out', 'bench-agree-units-cli');

const NLTK_SCRIPT = `
import csv, json, sys
from nltk.metrics.agreement import AnnotationTask
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = csv.reader(f)
    names = [n.strip().lower() for n in next(rows)]
    u, c, v = names.index('unit'), names.index('coder'), names.index('value')
    data = [(row[c], row[u], row[v]) for row in rows if row[v].strip() != '']
print(json.dumps({'alpha_nominal': AnnotationTask(data=data).alpha()}))
`;

/** The seeded file: units agree with a true category 70 % of the time; missing cells are left out. */
async function writeUnitsFile(path: string, units: number): Promise<void> {
  const random = mulberry32(15);
  const out = createWriteStream(path);
  let lines: string[] = ['unit,coder,value'];
  for (let u = 0; u < units; u++) {
    const truth = 1 + Math.floor(random() * CATEGORIES);
    for (let c = 0; c < CODERS; c++) {
      if (random() < MISSING_SHARE) continue;
      const value = random() < 0.7 ? truth : 1 + Math.floor(random() * CATEGORIES);
      lines.push(`item${u},coder${c},${value}`);
    }
    if (lines.length >= 50_000) {
      if (!out.write(`${lines.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      lines = [];
    }
  }
  out.end(lines.length ? `${lines.join('\n')}\n` : '');
  await new Promise<void>((resolve, reject) => out.once('finish', () => resolve()).once('error', reject));
}

interface Sample {
  ms: number;
  /** User + system CPU time (from /usr/bin/time; else wall): steadier than wall on a shared machine. */
  cpuMs: number;
  peakMb: number | null;
  alpha: number;
}

const TIME = '/usr/bin/time';

/** One program run: wall ms, peak RSS (MB, from /usr/bin/time -v when present), its α nominal. */
function runOnce(command: string, args: readonly string[]): Sample {
  const timed = existsSync(TIME);
  const start = performance.now();
  const out = timed ? spawnSync(TIME, ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }) : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  const wall = performance.now() - start;
  if (out.status !== 0) throw new Error(`bench/agree-units: ${command} failed: ${out.stderr}`);
  const report = out.stderr ?? '';
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  const user = /User time \(seconds\): ([\d.]+)/.exec(report);
  const system = /System time \(seconds\): ([\d.]+)/.exec(report);
  const cpuMs = user && system ? (Number(user[1]) + Number(system[1])) * 1000 : wall;
  const printed = JSON.parse(out.stdout) as { alpha_nominal: number };
  return { ms: wall, cpuMs, peakMb: peak ? Number(peak[1]) / 1024 : null, alpha: printed.alpha_nominal };
}

function pythonWithNltk(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import nltk'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  return null;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const runs = option('agree-units', argv, 'runs', 3);
  const units = option('agree-units', argv, 'units', 1_000_000);
  const [load1] = os.loadavg();
  print(`bench: agree --units, ${units.toLocaleString('en-US')} units × ${CODERS} coders, ${runs} run(s); load average ${load1!.toFixed(2)}, ${os.cpus().length} cores`);

  const built = spawnSync('npx', ['vite', 'build', '--config', 'cli/vite.config.ts', '--outDir', CLI_DIR, '--emptyOutDir'], { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error('bench/agree-units: building the CLI failed');
  const file = join(os.tmpdir(), `threadmark-bench-units-${units}x${CODERS}.csv`);
  await writeUnitsFile(file, units);
  const script = join(os.tmpdir(), 'threadmark-bench-nltk-alpha.py');
  await writeFile(script, NLTK_SCRIPT);
  const python = pythonWithNltk();

  const threadmark: Sample[] = [];
  const nltk: Sample[] = [];
  for (let r = 0; r < runs; r++) {
    threadmark.push(runOnce(process.execPath, [join(CLI_DIR, 'threadmark.mjs'), 'agree', '--units', file, '--json']));
    print(`  run ${r + 1} threadmark ${ms(threadmark.at(-1)!.cpuMs)} CPU / ${ms(threadmark.at(-1)!.ms)} wall, peak ${mb(threadmark.at(-1)!.peakMb)}`);
    if (python) {
      nltk.push(runOnce(python, [script, file]));
      print(`  run ${r + 1} NLTK       ${ms(nltk.at(-1)!.cpuMs)} CPU / ${ms(nltk.at(-1)!.ms)} wall, peak ${mb(nltk.at(-1)!.peakMb)}`);
    }
  }
  print('');
  print(`| program | CPU median (min–max) | wall median | peak RSS | α nominal |`);
  print(`| --- | --- | --- | --- | --- |`);
  const row = (name: string, samples: Sample[]) =>
    print(`| ${name} | ${range(samples.map((s) => s.cpuMs))} | ${ms(median(samples.map((s) => s.ms)))} | ${mb(median(samples.map((s) => s.peakMb ?? Number.NaN)))} | ${samples[0]!.alpha.toFixed(6)} |`);
  row('threadmark agree --units --json', threadmark);
  if (python) {
    row(`NLTK AnnotationTask.alpha() (${python})`, nltk);
    const ratio = median(nltk.map((s) => s.cpuMs)) / median(threadmark.map((s) => s.cpuMs));
    const wallRatio = median(nltk.map((s) => s.ms)) / median(threadmark.map((s) => s.ms));
    const same = Math.abs(nltk[0]!.alpha - threadmark[0]!.alpha) < 1e-9;
    print('');
    print(`threadmark is ${ratio.toFixed(1)}× NLTK's speed end to end in CPU time, ${wallRatio.toFixed(1)}× in wall time (budget ≥ ${BUDGET}×: ${ratio >= BUDGET ? 'met' : 'NOT met'}); α ${same ? 'agrees' : 'DIFFERS'}`);
  } else {
    print('');
    print('NLTK: not measured (no python3 with nltk; Debian: apt-get install python3-nltk)');
  }
  print(`load average after: ${os.loadavg()[0]!.toFixed(2)}`);
}

const mb = (x: number | null): string => (x === null || Number.isNaN(x) ? 'not measured' : `${Math.round(x).toLocaleString('en-US')} MB`);

await main();

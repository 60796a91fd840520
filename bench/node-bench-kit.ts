/**
 * What every Node bench (bench/<name>.ts, built by node-bench-config.ts) needs besides its own
 * data and cases: printing, numeric options, timing (wall and CPU), medians, and one measured run
 * per child process with its peak memory. Bundled into each bench by Vite; no state of its own.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const print = (line = ''): void => void process.stdout.write(`${line}\n`);

/** Present under `node --expose-gc`: collecting before a timing keeps earlier garbage out of it. */
export const gc = (globalThis as { gc?: () => void }).gc;

/** `--name N` from argv, a positive whole number, or fallback when absent; `bench` names the bench in the error. */
export function option(bench: string, argv: readonly string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const n = Number.parseInt(argv[i + 1] ?? '', 10);
  if (!(n > 0)) throw new Error(`bench/${bench}: --${name} needs a positive whole number`);
  return n;
}

export interface Timed<T> {
  /** Wall time, ms. */
  ms: number;
  /** This process's CPU time (user + system), ms: steadier than wall time on a shared machine. */
  cpuMs: number;
  value: T;
}

/** Times fn, after a collection unless `collect` is false (a collection of a big heap leaves sweeping behind). */
export async function timed<T>(fn: () => T | Promise<T>, collect = true): Promise<Timed<T>> {
  if (collect) gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** `7.3 ms`, `1,234 ms`. */
export const ms = (x: number): string => `${x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US')} ms`;

/** `median (min–max)` of run times. */
export const range = (values: readonly number[]): string => `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;

/** One run measured in its own process: wall and CPU ms, the bytes it made or read, the peak memory it added. */
export interface ChildSample {
  ms: number;
  cpuMs: number;
  bytes: number;
  peakMb: number;
}

/**
 * In a child: times work (its input already made) and prints its ChildSample as the last line.
 * Peak memory is the process's maximum resident set minus the resident set after a collection
 * just before the work, i.e. what the work itself added at its worst.
 */
export async function reportChildRun(work: () => Promise<number> | number): Promise<void> {
  gc?.();
  const before = process.memoryUsage().rss;
  const { ms: wall, cpuMs, value: bytes } = await timed(work, false);
  const peak = process.resourceUsage().maxRSS * 1024 - before;
  const sample: ChildSample = { ms: wall, cpuMs, bytes, peakMb: Math.max(0, peak) / 2 ** 20 };
  print(JSON.stringify(sample));
}

/**
 * Runs each mode `runs` times, interleaved, each in a fresh `node --expose-gc [nodeArgs] <self>
 * --child <mode> [args]` (self: the bench's import.meta.url), and collects the samples by mode.
 */
export function runChildren<M extends string>(
  bench: string,
  self: string,
  modes: readonly M[],
  runs: number,
  { nodeArgs = [], args = [] }: { nodeArgs?: readonly string[]; args?: readonly string[] },
): Map<M, ChildSample[]> {
  const results = new Map<M, ChildSample[]>(modes.map((m) => [m, []]));
  for (let r = 0; r < runs; r++) {
    for (const mode of modes) {
      const out = spawnSync(process.execPath, ['--expose-gc', ...nodeArgs, fileURLToPath(self), '--child', mode, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (out.status !== 0) throw new Error(`bench/${bench}: ${mode} failed: ${out.stderr}`);
      results.get(mode)!.push(JSON.parse(out.stdout.trim().split('\n').at(-1)!) as ChildSample);
    }
  }
  return results;
}

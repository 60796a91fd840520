/**
 * The finding "four parallel `threadmark import … --into p.json -o p.json` all exit 0 and three
 * imports vanish", run for real: the CLI is built once into a temp folder and started four times
 * at once. Every import either lands (all its posts are in the final bundle) or is refused with a
 * message and a non-zero exit; none vanishes silently.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir = '';
let cli = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'threadmark-parallel-'));
  const built = spawnSync('npx', ['vite', 'build', '-c', 'cli/vite.config.ts', '--outDir', join(dir, 'cli'), '--emptyOutDir'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stderr);
  cli = join(dir, 'cli', 'threadmark.mjs');
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A Reddit dump of one submission and `comments` comments, ids prefixed so each file's posts are its own. */
function redditDump(prefix: string, comments: number): string {
  const lines = [JSON.stringify({ id: `${prefix}0`, name: `t3_${prefix}0`, title: `Thread ${prefix}`, selftext: 'Opening post', author: 'op', created_utc: 1600000000, subreddit: 'test' })];
  for (let i = 1; i <= comments; i++)
    lines.push(JSON.stringify({ id: `${prefix}${i}`, parent_id: `t3_${prefix}0`, link_id: `t3_${prefix}0`, author: `u${i % 50}`, body: `Comment ${i} of ${prefix}: ${'words '.repeat(20)}`, created_utc: 1600000000 + i, subreddit: 'test' }));
  return `${lines.join('\n')}\n`;
}

interface Exit {
  code: number | null;
  stderr: string;
}

function runCli(args: string[]): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const postIds = async (path: string): Promise<Set<string>> => new Set((JSON.parse(await readFile(path, 'utf8')) as { posts: Array<{ platformId: string }> }).posts.map((p) => p.platformId));

describe('parallel imports into one bundle', () => {
  it('each of four imports at once lands or is refused with a message; none vanishes', async () => {
    const project = join(dir, 'p.threadmark.json');
    await writeFile(join(dir, 'base.ndjson'), redditDump('base', 10));
    expect((await runCli(['import', 'base.ndjson', '-o', project])).code).toBe(0);
    const files = ['a', 'b', 'c', 'd'];
    for (const f of files) await writeFile(join(dir, `${f}.ndjson`), redditDump(f, 2000));

    const exits = await Promise.all(files.map((f) => runCli(['import', `${f}.ndjson`, '--into', project, '-o', project])));

    const stored = await postIds(project);
    for (let i = 1; i <= 10; i++) expect(stored.has(`base${i}`)).toBe(true);
    let landed = 0;
    exits.forEach((exit, i) => {
      const f = files[i]!;
      const present = Array.from({ length: 2001 }, (_, n) => stored.has(`${f}${n}`));
      if (exit.code === 0) {
        landed++;
        expect(present.every(Boolean), `import ${f} exited 0 but its posts are not all stored`).toBe(true);
      } else {
        expect(exit.stderr, `import ${f} failed without saying why`).toMatch(/is locked|changed while importing/);
        expect(present.some(Boolean), `refused import ${f} left posts behind`).toBe(false);
      }
    });
    expect(landed).toBeGreaterThanOrEqual(1);
    // An independent count: the stored posts are exactly the base and the landed imports.
    expect(stored.size).toBe(11 + landed * 2001);
    // No lock or temp file left behind.
    expect((await readdir(dir)).filter((n) => n.endsWith('.lock') || n.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('a run stopped by SIGTERM removes its lock and temp files', async () => {
    const project = join(dir, 'q.threadmark.json');
    await writeFile(join(dir, 'big.ndjson'), redditDump('big', 60000));
    const child = spawn(process.execPath, [cli, 'import', 'big.ndjson', '-o', project], { cwd: dir });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Once the lock is there, the run is under way (its signal handlers are set before it locks).
    for (let i = 0; i < 200 && !(await readdir(dir)).includes('q.threadmark.json.lock'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await readdir(dir)).toContain('q.threadmark.json.lock');
    child.kill('SIGTERM');
    expect(await closed).toBe(143);
    expect((await readdir(dir)).filter((n) => n.startsWith('q.threadmark.json.lock') || n.startsWith('.q.threadmark.json.'))).toEqual([]);
  }, 60_000);
});

/**
 * The attributes bench (issue 11, part 6): every author's and thread's attributes, derived from
 * 1,000,000 posts (10,000 threads, 50,000 authors, Reddit and Mastodon metadata) plus two user
 * attributes with 50,000 values, through the memory store's reader as the CLI runs it.
 *
 *   attributes  attributesOf(reader): the reads, the platform values of every author and thread,
 *               the user values, both tables in order.
 *   baseline    a plain pass over the same posts read the same way: posts per author and per
 *               thread counted in two Maps, nothing else.
 * Reported as a ratio (no budget was set); peak RSS beside it. Data generation is untimed; runs
 * interleave both modes after a GC. `node --expose-gc out/bench-attributes/attributes.mjs --runs N`.
 */
import os from 'node:os';

import { attributesOf } from '@shared/analysis/attributes/attributes-of';
import { attributeValueId } from '@shared/analysis/attributes/attribute-value';
import type { Attribute, AttributeValue, Post, Thread } from '@shared/model/records';
import { MemoryProjectStore } from '@shared/project/memory-store';
import type { ProjectReader } from '@shared/project/project-store';

import { median, option, print, timed } from './node-bench-kit';

const THREADS = 10_000;
const POSTS_PER_THREAD = 100;
const AUTHORS = 50_000;
const T0 = Date.UTC(2024, 0, 1);

function project(): MemoryProjectStore {
  const threads: Thread[] = [];
  const posts: Post[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let t = 0; t < THREADS; t++) {
    const mastodon = t % 4 === 0;
    const id = `t-${t}`;
    threads.push({ id, title: `Thread ${t}`, platform: mastodon ? 'mastodon' : 'reddit', rootPostId: `p-${t}-0`, importedAt: new Date(T0).toISOString(), source: 'bench' });
    for (let i = 0; i < POSTS_PER_THREAD; i++) {
      const author = `user${next() % AUTHORS}`;
      posts.push({
        id: `p-${t}-${i}`,
        threadId: id,
        parentId: i === 0 ? null : `p-${t}-${i - 1}`,
        author,
        createdAt: new Date(T0 + (t * POSTS_PER_THREAD + i) * 60_000).toISOString(),
        text: 'a post',
        platform: mastodon ? 'mastodon' : 'reddit',
        platformId: `${t}-${i}`,
        url: null,
        meta: mastodon ? { language: i % 3 === 0 ? 'de' : 'en', acct: `${author}@social.example`, followers_count: next() % 5000 } : { subreddit: `sub${t % 50}`, score: i },
      });
    }
  }
  const attributes: Attribute[] = [
    { id: 'a-stance', scope: 'author', name: 'Stance', type: 'text', createdAt: new Date(T0).toISOString() },
    { id: 'a-topic', scope: 'thread', name: 'Topic', type: 'text', createdAt: new Date(T0).toISOString() },
  ];
  const values: AttributeValue[] = [];
  for (let a = 0; a < AUTHORS; a += 2) values.push({ id: attributeValueId('a-stance', `user${a}`), attributeId: 'a-stance', subject: `user${a}`, value: a % 4 === 0 ? 'pro' : 'con' });
  for (let t = 0; t < THREADS; t++) values.push({ id: attributeValueId('a-topic', `t-${t}`), attributeId: 'a-topic', subject: `t-${t}`, value: `topic ${t % 7}` });
  return new MemoryProjectStore({ project: { id: 'p', name: 'Bench', createdAt: new Date(T0).toISOString() }, threads, posts, attributes, attributeValues: values });
}

async function baseline(reader: ProjectReader): Promise<number> {
  const posts = await reader.allPosts();
  const byAuthor = new Map<string, number>();
  const byThread = new Map<string, number>();
  for (const p of posts) {
    byAuthor.set(p.author, (byAuthor.get(p.author) ?? 0) + 1);
    byThread.set(p.threadId, (byThread.get(p.threadId) ?? 0) + 1);
  }
  return byAuthor.size + byThread.size;
}

async function main(): Promise<void> {
  const runs = option('attributes', process.argv.slice(2), 'runs', 5);
  const store = project();
  const times: Record<'attributes' | 'baseline', number[]> = { attributes: [], baseline: [] };
  let cases = 0;
  for (let r = 0; r < runs; r++) {
    for (const mode of ['attributes', 'baseline'] as const) {
      const run = await timed(async () => {
        if (mode === 'attributes') {
          const tables = await store.read(attributesOf);
          cases = tables.author.cases.length + tables.thread.cases.length;
        } else await store.read(baseline);
      });
      times[mode].push(run.ms);
    }
  }
  const a = median(times.attributes);
  const b = median(times.baseline);
  print(`attributes bench: ${(THREADS * POSTS_PER_THREAD).toLocaleString('en-US')} posts, ${cases.toLocaleString('en-US')} cases, ${runs} runs, load ${os.loadavg()[0]!.toFixed(1)}`);
  print(`  attributesOf     median ${a.toFixed(0)} ms`);
  print(`  plain pass       median ${b.toFixed(0)} ms`);
  print(`  ratio            ${(a / b).toFixed(2)}× (no budget set)`);
  print(`  peak RSS         ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();

import { describe, expect, it } from 'vitest';

import type { Platform, SampleSpec } from '../model/records';
import { drawSample, type SamplePost } from './sample';

/** `threads` threads of `perThread` posts; thread k's platform is `platforms[k % platforms.length]`. */
function pool(threads: number, perThread: number, platforms: Platform[] = ['reddit']): SamplePost[] {
  const out: SamplePost[] = [];
  for (let t = 0; t < threads; t++) {
    for (let p = 0; p < perThread; p++) out.push({ id: `t${t}-p${p}`, threadId: `t${t}`, platform: platforms[t % platforms.length]!, text: `post ${p}`, placeholder: false });
  }
  return out;
}

const spec = (extra: Partial<SampleSpec> = {}): SampleSpec => ({ unit: 'post', size: 20, seed: 7, stratifyBy: null, ...extra });

describe('drawSample', () => {
  it('draws the same posts for the same seed, other posts for another seed, in pool order', () => {
    const posts = pool(10, 20);
    const first = drawSample(posts, spec());
    expect(first).toHaveLength(20);
    expect(new Set(first).size).toBe(20);
    expect(drawSample(posts, spec())).toEqual(first);
    expect(drawSample(posts, spec({ seed: 8 }))).not.toEqual(first);
    const rank = new Map(posts.map((p, i) => [p.id, i]));
    expect([...first].sort((a, b) => rank.get(a)! - rank.get(b)!)).toEqual(first);
  });

  it('gives each stratum its share by largest remainder', () => {
    // 60 reddit posts (3 threads), 40 mastodon (2 threads): 10 drawn are 6 and 4.
    const posts = pool(5, 20, ['reddit', 'mastodon', 'reddit', 'mastodon', 'reddit']);
    const platformOf = new Map(posts.map((p) => [p.id, p.platform]));
    for (const seed of [1, 2, 3]) {
      const drawn = drawSample(posts, spec({ size: 10, seed, stratifyBy: 'platform' }));
      expect(drawn.filter((id) => platformOf.get(id) === 'reddit')).toHaveLength(6);
      expect(drawn.filter((id) => platformOf.get(id) === 'mastodon')).toHaveLength(4);
    }
    // Threads of 10, 20 and 30 posts, 7 drawn: quotas 1.17, 2.33, 3.5 → 1, 2, 3 and the one left
    // goes to the largest remainder (3.5) → 1, 2, 4.
    const uneven = [...pool(1, 10), ...pool(2, 20).filter((p) => p.threadId === 't1'), ...pool(3, 30).filter((p) => p.threadId === 't2')];
    const drawn = drawSample(uneven, spec({ size: 7, stratifyBy: 'thread' }));
    expect(['t0', 't1', 't2'].map((t) => drawn.filter((id) => id.startsWith(`${t}-`)).length)).toEqual([1, 2, 4]);
  });

  it('never draws a placeholder or a post without text, even when the size takes everything', () => {
    const posts = pool(2, 5);
    posts[1] = { ...posts[1]!, placeholder: true };
    posts[2] = { ...posts[2]!, text: '  \n' };
    posts[3] = { ...posts[3]!, text: '' };
    const all = drawSample(posts, spec({ size: 1000 }));
    expect(all).toEqual(posts.filter((_, i) => i < 1 || i > 3).map((p) => p.id));
    for (const seed of [1, 2, 3, 4, 5]) expect(drawSample(posts, spec({ size: 3, seed }))).not.toContain(posts[1]!.id);
  });

  it('draws whole threads when the unit is the thread', () => {
    const posts = pool(10, 4, ['reddit', 'bluesky']);
    posts[5] = { ...posts[5]!, placeholder: true };
    const drawn = drawSample(posts, spec({ unit: 'thread', size: 3, seed: 11, stratifyBy: 'platform' }));
    const threads = [...new Set(drawn.map((id) => id.split('-')[0]))];
    expect(threads).toHaveLength(3);
    for (const t of threads) {
      expect(drawn.filter((id) => id.startsWith(`${t}-`))).toEqual(posts.filter((p) => p.threadId === t && !p.placeholder).map((p) => p.id));
    }
    // 5 reddit and 5 bluesky threads, 3 drawn: one stratum gets 2, the other 1.
    expect(threads.filter((t) => Number(t!.slice(1)) % 2 === 0).length).toBeGreaterThanOrEqual(1);
    expect(threads.filter((t) => Number(t!.slice(1)) % 2 === 1).length).toBeGreaterThanOrEqual(1);
  });

  it('breaks equal remainders by the seed, not by the strata’s order', () => {
    // Ten threads of one post, stratified by thread, one drawn: every thread can win.
    const posts = pool(10, 1);
    const winners = new Set(Array.from({ length: 40 }, (_, seed) => drawSample(posts, spec({ size: 1, seed, stratifyBy: 'thread' }))[0]));
    expect(winners.size).toBeGreaterThan(3);
  });
});

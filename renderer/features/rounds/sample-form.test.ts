import { describe, expect, it } from 'vitest';

import type { Post, Thread } from '@shared/model/records';
import type { ProjectReader } from '@shared/project/project-store';

import { eligibleIn, newSeed, nextRoundName, previewDraw, roundCoders, roundInput, samplePool, type SampleForm } from './sample-form';

const thread = (id: string, importedAt: string): Thread => ({ id, title: id, platform: 'reddit', rootPostId: `${id}-1`, importedAt, source: 'test' });
const post = (threadId: string, n: number, text = `post ${n}`, meta: Post['meta'] = {}): Post => ({
  id: `${threadId}-${n}`,
  threadId,
  parentId: n === 1 ? null : `${threadId}-1`,
  author: 'a',
  createdAt: null,
  text,
  platform: threadId === 'm' ? 'mastodon' : 'reddit',
  platformId: null,
  url: null,
  meta,
});

const THREADS = [thread('t', '2025-02-01T00:00:00Z'), thread('m', '2025-01-01T00:00:00Z')];
const POSTS: Record<string, Post[]> = {
  t: [post('t', 1), post('t', 2), post('t', 3, ''), post('t', 4, '[missing]', { placeholder: 'missing' })],
  m: [post('m', 1), post('m', 2), post('m', 3)],
};
const reader = { threads: async () => THREADS, postsOfThread: async (id: string) => POSTS[id] ?? [] } as unknown as ProjectReader;

const form = (patch: Partial<SampleForm> = {}): SampleForm => ({
  name: '',
  coderIds: new Set(['ben', 'cy']),
  mode: 'sample',
  threadIds: new Set(['t', 'm']),
  size: '3',
  unit: 'post',
  stratify: 'none',
  seed: '7',
  instructions: '  Code claims only.  ',
  ...patch,
});

describe('the reliability sample form', () => {
  it('reads the pool in the core’s order (threads by import time) and counts only codable posts', async () => {
    const pool = await samplePool(reader);
    expect(pool.map((p) => p.id)).toEqual(['m-1', 'm-2', 'm-3', 't-1', 't-2', 't-3', 't-4']);
    expect(pool.find((p) => p.id === 't-4')?.placeholder).toBe(true);
    expect(eligibleIn(pool, new Set(['t', 'm']))).toEqual({ posts: 5, threads: 2 });
    expect(eligibleIn(pool, new Set(['t']))).toEqual({ posts: 2, threads: 1 });
    expect(eligibleIn(pool, new Set())).toEqual({ posts: 0, threads: 0 });
  });

  it('previews the draw the core makes: same seed, same posts, only from the chosen threads', async () => {
    const pool = await samplePool(reader);
    const drawn = previewDraw(pool, form());
    expect(drawn).toHaveLength(3);
    expect(previewDraw(pool, form())).toEqual(drawn);
    expect(previewDraw(pool, form({ threadIds: new Set(['m']), size: '10' }))).toEqual(['m-1', 'm-2', 'm-3']);
    expect(previewDraw(pool, form({ size: 'five' }))).toBeNull();
  });

  it('turns the form into startRound’s input', () => {
    expect(roundInput(form({ name: ' Pilot ', stratify: 'platform' }))).toEqual({
      ok: true,
      value: {
        name: 'Pilot',
        coderIds: ['ben', 'cy'],
        instructions: 'Code claims only.',
        selection: { kind: 'sample', spec: { unit: 'post', size: 3, seed: 7, stratifyBy: 'platform' }, threadIds: ['t', 'm'] },
      },
    });
    const byHand = roundInput(form({ mode: 'threads', threadIds: new Set(['t']), size: '' }));
    expect(byHand.ok && byHand.value.selection).toEqual({ kind: 'threads', threadIds: ['t'] });
    expect(byHand.ok && 'name' in byHand.value).toBe(false);
  });

  it('says what is missing', () => {
    expect(roundInput(form({ coderIds: new Set() }))).toEqual({ ok: false, error: 'Choose at least one coder (or add one by name).' });
    expect(roundInput(form({ threadIds: new Set() }))).toMatchObject({ ok: false, error: 'Choose at least one thread to draw from.' });
    expect(roundInput(form({ size: '0' }))).toMatchObject({ ok: false, error: expect.stringMatching(/sample size/) });
    expect(roundInput(form({ size: '2.5' }))).toMatchObject({ ok: false });
    expect(roundInput(form({ seed: '' }))).toMatchObject({ ok: false, error: expect.stringMatching(/seed/) });
  });

  it('names the next round, draws seeds and leaves the consensus layer out of the coders', () => {
    expect(nextRoundName([])).toBe('Round 1');
    expect(nextRoundName([{ number: 1 }, { number: 3 }])).toBe('Round 4');
    expect(newSeed(() => 0)).toBe(1);
    expect(newSeed(() => 0.999999)).toBe(99_999);
    expect(roundCoders([{ id: 'consensus', name: 'consensus' }, { id: 'ben', name: 'Ben' }])).toEqual([{ id: 'ben', name: 'Ben' }]);
  });
});

import { describe, expect, it } from 'vitest';

import { bundleFromStore } from '../project/bundle-store';
import { applyPlatformDeletions } from '../project/operations/platform-deletions';
import { addCoding } from '../project/operations/codings';
import { ADA, applied, runner, smallProject } from '../project/testing/core-fixtures.test-helpers';
import { sliceCodePoints } from '../text/offsets';
import { idsOnlyFile, serializeIdsOnly, textSha256 } from './ids-only';
import { readIdsOnly } from './ids-only-read';
import { rehydrate } from './ids-only-rehydrate';

const HEAD = { exportedAt: '2025-03-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'test' } };

async function codedProject() {
  const store = smallProject();
  const run = runner(store);
  applied(await run(addCoding, { postId: 'p-1', codeId: 'c-what', start: 0, end: 3 }));
  // After the emoji family (one grapheme, five code points): offsets are code points.
  applied(await run(addCoding, { postId: 'p-2', codeId: 'c-what', start: 11, end: 25 }));
  applied(await run(addCoding, { postId: 'p-3', codeId: 'c-false', start: 10, end: 27 }));
  const bundle = await bundleFromStore(store, HEAD);
  if (!bundle.ok) throw new Error(bundle.error.message);
  return { store, run, bundle: bundle.value };
}

describe('ids-only export', () => {
  it('holds no post text, quote or author: every post text is searched for', async () => {
    const { bundle } = await codedProject();
    const written = serializeIdsOnly(idsOnlyFile({ ...bundle, codings: bundle.codings.map((c) => ({ ...c, threadId: 't-1' })) }, HEAD.exportedAt));
    for (const post of bundle.posts) {
      expect(written).not.toContain(post.text);
      expect(written).not.toContain(post.author);
    }
    for (const coding of bundle.codings) expect(written).not.toContain(coding.quote);
    const read = readIdsOnly(written, 'ids.json');
    expect(read.ok).toBe(true);
  });

  it('re-hydrated against the original posts reproduces every coding exactly', async () => {
    const { bundle } = await codedProject();
    const codings = bundle.codings.map((c) => ({ ...c, threadId: 't-1' }));
    const file = idsOnlyFile({ ...bundle, codings }, HEAD.exportedAt);
    const report = rehydrate(file, bundle.posts);
    expect(report.mismatches).toEqual([]);
    expect(report.verified).toBe(3);
    const key = (c: { postId: string; codeId: string; coderId: string; start: number; end: number; quote: string }) => `${c.postId} ${c.codeId} ${c.coderId} ${c.start} ${c.end} ${c.quote}`;
    expect(report.reproduced.map(key).sort()).toEqual(bundle.codings.map(key).sort());
    // The quotes are the originals' slices, computed independently here.
    const text = new Map(bundle.posts.map((p) => [p.id, p.text]));
    for (const c of report.reproduced) expect(c.quote).toBe(sliceCodePoints(text.get(c.postId)!, c.start, c.end));
  });

  it('lists every mismatch by post id: an edited text, a missing post', async () => {
    const { bundle } = await codedProject();
    const file = idsOnlyFile({ ...bundle, codings: bundle.codings.map((c) => ({ ...c, threadId: 't-1' })) }, HEAD.exportedAt);
    const collected = bundle.posts.filter((p) => p.id !== 'p-3').map((p) => (p.id === 'p-2' ? { ...p, text: `${p.text} (edited)` } : p));
    const report = rehydrate(file, collected);
    expect(report.mismatches.map((m) => [m.postId, m.kind])).toEqual([
      ['r2', 'text-differs'],
      ['r3', 'missing'],
    ]);
    expect(report.reproduced.map((c) => c.postId)).toEqual(['p-1']);
  });

  it('matches re-collected posts by platform id even when Threadmark ids differ', async () => {
    const { bundle } = await codedProject();
    const file = idsOnlyFile({ ...bundle, codings: bundle.codings.map((c) => ({ ...c, threadId: 't-1' })) }, HEAD.exportedAt);
    const recollected = bundle.posts.map((p) => ({ ...p, id: `new-${p.id}` }));
    expect(rehydrate(file, recollected).reproduced).toHaveLength(3);
  });

  it('leaves out posts deleted on their platform', async () => {
    const { store, run } = await codedProject();
    applied(await run(applyPlatformDeletions, { kind: 'posts', ids: ['r2'] }, ADA));
    const data = store.data();
    const file = idsOnlyFile({ project: data.project!, threads: data.threads, posts: data.posts, codes: data.codes, coders: data.coders, codings: data.codings }, HEAD.exportedAt);
    expect(file.posts.map((p) => p.platformId)).toEqual(['r1', 'r3']);
  });

  it('hashes the UTF-8 text with SHA-256 (a known vector)', () => {
    expect(textSha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('reads a bad file as a Problem naming the record and field', () => {
    const bad = JSON.stringify({ format: 'threadmark-ids', formatVersion: 1, exportedAt: 'x', projectId: 'p', hash: 'sha256-utf8-nfc', codes: [], coders: [], threads: [], posts: [{ id: 'p-1', platform: 'reddit', platformId: 'r1', threadId: 't', parentId: null, textSha256: 'nothex', codings: [] }] });
    const read = readIdsOnly(bad, 'ids.json');
    expect(read.ok ? null : read.error).toMatchObject({ file: 'ids.json', record: 'posts[0]', field: 'textSha256' });
  });
});

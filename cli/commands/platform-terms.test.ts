import { describe, expect, it } from 'vitest';

import { serializeBundle } from '@shared/bundle/serialize';
import { validateBundle } from '@shared/bundle/validate';
import { REDDIT_THREAD } from '@shared/project/testing/parity-script.test-helpers';

import { bundleOf } from '../codebook/codebook-cli.test-helpers';
import { memoryImportIo } from '../import/memory-import-io.test-helpers';
import { exampleV3Bundle } from '../project/example-bundle.test-helpers';
import { run } from '../run';

const FILE = 'project.threadmark.json';

function project() {
  const bundle = exampleV3Bundle();
  return { bundle, m: memoryImportIo({ [FILE]: serializeBundle(bundle) }) };
}

describe('threadmark export --to ids', () => {
  it('writes every post id and coding with hashes and no post text, quote or author', async () => {
    const { bundle, m } = project();
    expect(await run(['export', FILE, '--to', 'ids', '-o', 'ids.json'], m.io)).toBe(0);
    expect(m.stdout()).toBe('wrote 3 post ids and 5 codings (no text) to ids.json\n');
    const text = m.text('ids.json')!;
    for (const post of bundle.posts) {
      expect(text).not.toContain(JSON.stringify(post.text).slice(1, -1));
      expect(text).not.toContain(post.author);
    }
    const ids = JSON.parse(text) as { posts: Array<{ platformId: string; textSha256: string; codings: unknown[] }> };
    expect(ids.posts.map((p) => [p.platformId, p.codings.length])).toEqual([
      ['rd_p-1', 1],
      ['rd_p-2', 3],
      ['rd_p-3', 1],
    ]);
  });
});

describe('threadmark rehydrate', () => {
  it('verifies every hash against the original bundle and reproduces every coding with its quote (CSV)', async () => {
    const { bundle, m } = project();
    await run(['export', FILE, '--to', 'ids', '-o', 'ids.json'], m.io);
    expect(await run(['rehydrate', 'ids.json', '--posts', FILE, '-o', 'codings.csv'], m.io)).toBe(0);
    expect(m.stdout()).toContain('3 of 3 posts verified (text SHA-256 matches), 5 of 5 codings reproduced\nwrote 5 codings to codings.csv\n');
    const csv = m.text('codings.csv')!;
    for (const c of bundle.codings) expect(csv).toContain(`,${c.start},${c.end},`);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(6);
  });

  it('lists a changed text by post id and exits 1', async () => {
    const { bundle, m } = project();
    await run(['export', FILE, '--to', 'ids', '-o', 'ids.json'], m.io);
    const edited = { ...bundle, posts: bundle.posts.map((p) => (p.id === 'p-3' ? { ...p, text: `${p.text}!` } : p)), codings: bundle.codings.filter((c) => c.postId !== 'p-3') };
    m.files.set('edited.threadmark.json', new TextEncoder().encode(serializeBundle(edited)));
    expect(await run(['rehydrate', 'ids.json', '--posts', 'edited.threadmark.json'], m.io)).toBe(1);
    expect(m.stdout()).toContain('mismatch: post rd_p-3: text-differs: its text differs from the coded one');
  });

  it('re-hydrates against a thread file in an import format, normalized as an import would', async () => {
    const m = memoryImportIo({ 'thread.json': REDDIT_THREAD });
    expect(await run(['import', 'thread.json', '-o', FILE], m.io)).toBe(0);
    expect(await run(['export', FILE, '--to', 'ids', '-o', 'ids.json'], m.io)).toBe(0);
    const ids = JSON.parse(m.text('ids.json')!) as { posts: unknown[] };
    expect(await run(['rehydrate', 'ids.json', '--posts', 'thread.json'], m.io)).toBe(0);
    expect(m.stdout()).toContain(`${ids.posts.length} of ${ids.posts.length} posts verified`);
  });

  it('names the field of a malformed ids file', async () => {
    const m = memoryImportIo({ 'ids.json': '{"format":"threadmark-ids"}', [FILE]: serializeBundle(exampleV3Bundle()) });
    expect(await run(['rehydrate', 'ids.json', '--posts', FILE], m.io)).toBe(1);
    expect(m.stderr()).toMatch(/^ids\.json/);
  });
});

describe('threadmark delete-posts', () => {
  it('tombstones the listed posts, removes their codings, prints the counts and writes a valid bundle without their words', async () => {
    const { bundle, m } = project();
    m.files.set('deleted.txt', new TextEncoder().encode('# Reddit compliance list\nrd_p-2\nrd_nope\n'));
    expect(await run(['delete-posts', FILE, '--ids', 'deleted.txt', '-o', 'out.threadmark.json'], m.io)).toBe(0);
    expect(m.stdout()).toBe('2 post ids listed, 1 matched no post\nremoved 1 post (kept as tombstones) and 3 codings\n  Vaccines: 1 posts, 3 codings\nwrote out.threadmark.json: journal entry #2\n');
    const text = m.text('out.threadmark.json')!;
    expect(validateBundle(JSON.parse(text)).ok).toBe(true);
    const reply = bundle.posts.find((p) => p.id === 'p-2')!;
    expect(text).not.toContain(JSON.stringify(reply.text).slice(1, -1));
    const out = bundleOf(text);
    // Naive: the codings not on p-2.
    expect(out.codings.map((c) => c.id).sort()).toEqual(bundle.codings.filter((c) => c.postId !== 'p-2').map((c) => c.id).sort());
    expect(out.posts.find((p) => p.id === 'p-2')).toMatchObject({ parentId: 'p-1', text: '', author: '', deletedOnPlatform: expect.any(String) });
    expect(out.project.deletionLog).toMatchObject([{ listKind: 'posts', listed: 2, unmatched: 1, posts: 1, codings: 3 }]);
  });

  it('--users matches author names; a list without ids is refused and nothing is written', async () => {
    const { m } = project();
    m.files.set('users.txt', new TextEncoder().encode('-dash\n'));
    expect(await run(['delete-posts', FILE, '--ids', 'users.txt', '--users', '-o', 'out.threadmark.json'], m.io)).toBe(0);
    expect(bundleOf(m.text('out.threadmark.json')!).posts.filter((p) => p.deletedOnPlatform).map((p) => p.id)).toEqual(['p-3']);
    m.files.set('empty.txt', new TextEncoder().encode('# nothing\n\n'));
    expect(await run(['delete-posts', FILE, '--ids', 'empty.txt', '-o', 'other.threadmark.json'], m.io)).toBe(1);
    expect(m.stderr()).toContain('empty.txt: names no ids');
    expect(m.text('other.threadmark.json')).toBeUndefined();
  });
});

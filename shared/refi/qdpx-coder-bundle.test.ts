import { describe, expect, it } from 'vitest';

import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { planCoderLayer } from '../bundle/coder-layer-plan';
import type { Post } from '../model/records';
import { counterIds } from '../project/testing/core-fixtures.test-helpers';
import { sliceCodePoints } from '../text/offsets';
import { asNvivo } from './nvivo-fixture.test-helpers';
import { qdpxCoderBundle, type StoredProject } from './qdpx-coder-bundle';
import { readQdpxProject } from './read-qdpx-project';
import { unzipText } from './refi-project.test-helpers';
import { writeQdpx } from './write-qdpx';

const AT = '2026-01-01T00:00:00.000Z';
const APP = { name: 'Threadmark', version: 'test' };

function stored(): StoredProject {
  const b = exampleBundle();
  const postsByThread = new Map<string, Post[]>();
  for (const p of b.posts) postsByThread.set(p.threadId, [...(postsByThread.get(p.threadId) ?? []), p]);
  return { project: b.project, threads: b.threads, postsByThread, codes: b.codes };
}

describe('a Threadmark export coded in another tool, back as coder layers', () => {
  it('maps NVivo positions (UTF-16, BOM, CRLF) onto the posts, splits a selection over two posts and says so', async () => {
    const written = await writeQdpx(exampleBundle(), { origin: 'Threadmark', positions: 'code-points' });
    if (!written.ok) throw new Error(written.error.join());
    const files = await unzipText(written.value);
    const name = [...files.keys()].find((n) => n.startsWith('sources/') && files.get(n)!.includes('Vaccines work'))!;
    const guid = name.slice(8, -4);
    const lf = files.get(name)!;
    const cp = (s: string) => [...lf.slice(0, lf.indexOf(s))].length;
    const codeGuid = /<Code guid="([^"]+)" name="Fallacy"/.exec(files.get('project.qde')!)![1]!;
    // "clear 😀" in the root post, and a range from "data" in the root post into "Sure" of the reply.
    const added = [
      { start: cp('clear'), end: cp('clear') + [...'clear 😀'].length, codeGuid },
      { start: cp('data is'), end: cp('Sure,') + 4, codeGuid },
      { start: 0, end: 5, codeGuid },
    ];
    const read = await readQdpxProject(asNvivo(files, new Map([[guid, added]])), 'nora.qdpx');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const { bundle, report } = qdpxCoderBundle(read.value, stored(), { at: AT, app: APP });
    const nora = bundle.coders.find((c) => c.name === 'Nora (NVivo)')!;
    const hers = bundle.codings.filter((c) => c.coderId === nora.id);
    expect(hers.map((c) => [c.postId, c.quote])).toEqual([
      ['p-1', 'clear 😀'],
      ['p-1', 'data is clear 😀'],
      ['p-2', 'Sure'],
    ]);
    expect(report.split).toEqual([{ source: 'Vaccines', guid: expect.any(String), pieces: 2 }]);
    expect(report.unplaced).toEqual([expect.objectContaining({ reason: expect.stringMatching(/header/) })]);
    expect(report.collapsed).toBe(3);
    const textOf = new Map(exampleBundle().posts.map((p) => [p.id, p.text]));
    for (const c of bundle.codings) expect(sliceCodePoints(textOf.get(c.postId)!, c.start, c.end)).toBe(c.quote);

    // The core's coder-layer plan takes it: Nora is a new coder; Ana and Ben are already there.
    const e = exampleBundle();
    const plan = planCoderLayer({ posts: e.posts, codes: e.codes, coders: e.coders, codingIds: new Set(e.codings.map((c) => c.id)), codingCountByCoder: new Map() }, bundle, { ids: counterIds() });
    expect(plan.coders.find((c) => c.name === 'Nora (NVivo)')).toMatchObject({ isNew: true, incomingCodings: 3 });
    expect(plan.mismatchedPosts).toEqual([]);
    expect(plan.codesToAdd).toEqual([]);
  });

  it('skips a source whose text is no thread of the project, saying why', async () => {
    const written = await writeQdpx(exampleBundle(), { origin: 'Threadmark', positions: 'code-points' });
    if (!written.ok) throw new Error(written.error.join());
    const files = await unzipText(written.value);
    for (const name of files.keys()) if (name.startsWith('sources/')) files.set(name, `${files.get(name)!}edited`);
    const read = await readQdpxProject(asNvivo(files, new Map()), 'edited.qdpx');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const { bundle, report } = qdpxCoderBundle(read.value, stored(), { at: AT, app: APP });
    expect(bundle.codings).toEqual([]);
    expect(report.skippedSources.map((s) => s.reason)).toEqual([expect.stringMatching(/not a thread of this project/), expect.stringMatching(/not a thread of this project/)]);
  });
});

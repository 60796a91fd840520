import { describe, expect, it } from 'vitest';

import type { Bundle } from '../bundle/bundle';
import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { MemoryProjectStore } from '../project/memory-store';
import { importQdpx } from '../project/operations/qdpx-import';
import { projectBundle } from '../project/queries/project-bundle';
import { applied, runner } from '../project/testing/core-fixtures.test-helpers';
import { codePointLength, sliceCodePoints } from '../text/offsets';
import { generatedBundle, withMemosAttributesRelations } from './qdpx.test-helpers';
import { prepareQdpxImport } from './prepare-qdpx-import';
import { demoBundle } from './refi-project.test-helpers';
import { writeQdpx } from './write-qdpx';

const AT = '2026-01-01T00:00:00.000Z';
const APP = { name: 'Threadmark', version: 'test' };

async function throughQdpx(bundle: Bundle, positions: 'code-points' | 'utf16'): Promise<Bundle> {
  const written = await writeQdpx(bundle, { origin: 'Threadmark test', positions });
  if (!written.ok) throw new Error(written.error.join('\n'));
  const prepared = await prepareQdpxImport(written.value, 'project.qdpx', { split: 'source', at: AT, app: APP });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
  expect(prepared.value.report.unplaced).toEqual([]);
  expect(prepared.value.report.split).toEqual([]);
  expect(prepared.value.report.unplacedLinks).toEqual([]);
  expect(prepared.value.report.warnings).toEqual([]);
  const store = new MemoryProjectStore();
  applied(await runner(store)(importQdpx, { ...prepared.value, source: 'project.qdpx' }));
  const back = await store.read((r) => projectBundle(r, { exportedAt: AT, app: APP }));
  if (!back.ok) throw new Error(back.error.message);
  return back.value;
}

const withoutStamps = <T extends object>(records: readonly T[]): Array<Omit<T, 'updatedAt'>> => records.map((r) => {
  const { updatedAt: _u, ...rest } = r as T & { updatedAt?: string };
  return rest;
});

describe('a project through .qdpx and back', () => {
  const cases: Array<[string, () => Bundle]> = [
    ['the test bundle (emoji, ZWJ family, combining mark, non-GUID ids)', exampleBundle],
    ['the demo project', demoBundle],
    ['a generated project with emoji, ZWJ sequences and CRLF in memos', generatedBundle],
    ['the test bundle with memos, attributes and relations', () => withMemosAttributesRelations(exampleBundle())],
    ['the demo project with memos, attributes and relations', () => withMemosAttributesRelations(demoBundle())],
    ['a generated project with memos, attributes and relations', () => withMemosAttributesRelations(generatedBundle())],
  ];
  for (const [name, make] of cases) {
    for (const positions of ['code-points', 'utf16'] as const) {
      it(`${name}, positions in ${positions}: same posts, codebook, coders, codings, memos, attributes and relations`, async () => {
        const original = make();
        const back = await throughQdpx(original, positions);
        expect(back.threads).toEqual(original.threads.map((t) => expect.objectContaining(t)));
        expect(withoutStamps(back.posts)).toEqual(original.posts);
        expect(withoutStamps(back.codes)).toEqual(withoutStamps(original.codes));
        expect(withoutStamps(back.coders).sort((a, b) => a.id.localeCompare(b.id))).toEqual(withoutStamps(original.coders).sort((a, b) => a.id.localeCompare(b.id)));
        const key = (c: { id: string }) => c.id;
        const strip = (codings: Bundle['codings']) => codings.map(({ updatedAt: _u, codebookVersionId: _v, ...c }) => c).sort((a, b) => key(a).localeCompare(key(b)));
        expect(strip(back.codings)).toEqual(strip(original.codings));
        // Independently: every quote is the post's text at the offsets.
        const textOf = new Map(back.posts.map((p) => [p.id, p.text]));
        for (const c of back.codings) expect(sliceCodePoints(textOf.get(c.postId)!, c.start, c.end)).toBe(c.quote);
        expect(back.codings.length).toBe(original.codings.length);
        const byId = <T extends { id: string }>(records: readonly T[] | undefined) => withoutStamps([...(records ?? [])].sort((x, y) => x.id.localeCompare(y.id)));
        expect(byId(back.memos)).toEqual(byId(original.memos));
        expect(byId(back.attributes)).toEqual(byId(original.attributes));
        expect(byId(back.attributeValues)).toEqual(byId(original.attributeValues));
        expect(byId(back.relationCodes)).toEqual(byId(original.relationCodes));
        expect(byId(back.relations)).toEqual(byId(original.relations));
        expect(back.posts.reduce((n, p) => n + codePointLength(p.text), 0)).toBe(original.posts.reduce((n, p) => n + codePointLength(p.text), 0));
      });
    }
  }
});

import { describe, expect, it } from 'vitest';

import type { Bundle } from '../bundle/bundle';
import { exampleBundle } from '../bundle/fixtures.test-helpers';
import type { Post } from '../model/records';
import { MemoryProjectStore } from '../project/memory-store';
import { importBundle } from '../project/operations/bundle-import';
import { addCoderLayer } from '../project/operations/coder-layer';
import { projectBundle } from '../project/queries/project-bundle';
import { applied, runner } from '../project/testing/core-fixtures.test-helpers';
import { asNvivo } from './nvivo-fixture.test-helpers';
import { qdpxCoderBundle, type StoredProject } from './qdpx-coder-bundle';
import { withMemosAttributesRelations } from './qdpx.test-helpers';
import { readQdpxProject } from './read-qdpx-project';
import { unzipText } from './refi-project.test-helpers';
import { writeQdpx } from './write-qdpx';

const AT = '2026-01-01T00:00:00.000Z';
const APP = { name: 'Threadmark', version: 'test' };
const HEAD = { exportedAt: AT, app: APP };
/** asNvivo's user. */
const NORA = '7f3c1b9e-2d4a-4c6b-9e8f-0a1b2c3d4e5f';
const g = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

function stored(b: Bundle): StoredProject {
  const postsByThread = new Map<string, Post[]>();
  for (const p of b.posts) postsByThread.set(p.threadId, [...(postsByThread.get(p.threadId) ?? []), p]);
  return { project: b.project, threads: b.threads, postsByThread, codes: b.codes, extras: { memos: b.memos ?? [], relations: b.relations ?? [] } };
}

/**
 * The lead's project (memos on the project, a thread, posts and a code; coding memos; relations)
 * exported, then coded by Nora in NVivo: codings with her notes on their selections (and one of
 * Ana's notes on Nora's selection), a note on a post, a note on the thread, a free note, a Link
 * between two of her selections, a Link across threads; one of the lead's memo notes re-GUIDed
 * without its writer, as a tool that renames GUIDs would.
 */
async function noraFile(lead: Bundle): Promise<Uint8Array> {
  const written = await writeQdpx(lead, { origin: 'Threadmark', positions: 'code-points' });
  if (!written.ok) throw new Error(written.error.join());
  const files = await unzipText(written.value);
  let qde = files.get('project.qde')!;
  const sourceOf = (s: string) => [...files].find(([n, t]) => n.startsWith('sources/') && t.includes(s))!;
  const [vaccines, lf] = sourceOf('Vaccines work');
  const other = lead.posts.find((p) => p.id === 'p-3')!.text;
  const [links, linksLf] = sourceOf(other.slice(0, 12));
  const cp = (text: string, s: string) => [...text.slice(0, text.indexOf(s))].length;
  const codeGuid = (name: string) => new RegExp(`<Code guid="([^"]+)" name="${name}"`).exec(qde)![1]!;
  const ana = /<User guid="([^"]+)" name="Ana"/.exec(qde)![1]!;
  const sel = (guid: string, start: number, end: number, inner: string) => `<PlainTextSelection guid="${guid}" name="" startPosition="${start}" endPosition="${end}" creatingUser="${NORA}">${inner}</PlainTextSelection>`;
  const coding = (guid: string, code: string) => `<Coding guid="${guid}" creatingUser="${NORA}"><CodeRef targetGUID="${codeGuid(code)}"/></Coding>`;
  const ref = (guid: string) => `<NoteRef targetGUID="${guid}"/>`;
  const clear = cp(lf, 'clear');
  const sure = cp(lf, 'Sure');
  const inVaccines = [
    sel(g(1), clear, clear + 7, `${coding(g(11), 'Fallacy')}${ref(g(21))}${ref(g(22))}`),
    sel(g(2), sure, sure + 4, ref(g(23))),
    sel(g(3), sure, sure + 4, coding(g(13), 'Derailing')),
  ];
  qde = qde.replace(new RegExp(`(<TextSource guid="${vaccines.slice(8, -4)}"[^>]*>)`), `$1\n${inVaccines.join('\n')}\n${ref(g(24))}`);
  qde = qde.replace(new RegExp(`(<TextSource guid="${links.slice(8, -4)}"[^>]*>)`), `$1\n${sel(g(4), cp(linksLf, other), cp(linksLf, other) + 5, coding(g(14), 'Derailing'))}`);
  const note = (guid: string, user: string, text: string) => `<Note guid="${guid}" name="Memo" creatingUser="${user}"><PlainTextContent>${text}</PlainTextContent></Note>`;
  qde = qde.replace(
    '<Notes>',
    `<Notes>\n${note(g(21), NORA, 'Nora on her coding')}\n${note(g(22), ana, 'Ana’s aside on this range')}\n${note(g(23), NORA, 'Nora on the reply')}\n${note(g(24), NORA, 'Nora on the thread')}\n${note(g(25), NORA, 'Nora’s free memo')}`,
  );
  qde = qde.replace('<Links>', `<Links>\n<Link guid="${g(31)}" name="answers" direction="OneWay" originGUID="${g(3)}" targetGUID="${g(1)}"/>\n<Link guid="${g(32)}" name="answers" direction="OneWay" originGUID="${g(4)}" targetGUID="${g(1)}"/>`);
  // Ana's thread memo under a GUID the export did not give it, and nobody named as its writer.
  const threadMemo = /<Note guid="([^"]+)" name="Thread memo" creatingUser="[^"]+"/.exec(qde)!;
  qde = qde.replace(threadMemo[0], `<Note guid="${g(99)}" name="Thread memo"`).replace(`<NoteRef targetGUID="${threadMemo[1]}"/>`, ref(g(99)));
  files.set('project.qde', qde);
  return asNvivo(files, new Map());
}

describe('a .qdpx coded in another tool brings its coder’s memos and relations, never the lead’s', () => {
  it('takes Nora’s coding memos, post, thread and project memos and her relation; leaves every memo and relation the export wrote', async () => {
    const lead = withMemosAttributesRelations(exampleBundle());
    const read = await readQdpxProject(await noraFile(lead), 'nora.qdpx');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const { bundle, report, own } = qdpxCoderBundle(read.value, stored(lead), { at: AT, app: APP });
    const nora = bundle.coders.find((c) => c.name === 'Nora (NVivo)')!;

    // Her coding memo is her note on the selection; Ana's note on the same range is said, not taken.
    expect(bundle.codings.filter((c) => c.coderId === nora.id).map((c) => [c.postId, c.quote, c.memo])).toEqual([
      ['p-1', 'clear 😀', 'Nora on her coding'],
      ['p-2', 'Sure', ''],
      ['p-3', lead.posts.find((p) => p.id === 'p-3')!.text.slice(0, 5), ''],
    ]);
    expect(report.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/is by Ana, who coded none of it/));
    expect((bundle.memos ?? []).map((m) => [m.target.kind, m.target.id, m.coderId, m.text]).sort()).toEqual(
      [
        ['post', 'p-2', nora.id, 'Nora on the reply'],
        ['project', 'proj-1', nora.id, 'Nora’s free memo'],
        ['thread', 't-1', nora.id, 'Nora on the thread'],
      ].sort(),
    );
    // One relation of hers in one thread; the Link across threads is listed by GUID.
    expect((bundle.relations ?? []).map((r) => [r.coderId, r.from.postId, r.from.quote, r.to.postId, r.to.quote])).toEqual([[nora.id, 'p-2', 'Sure', 'p-1', 'clear 😀']]);
    expect(report.unplacedLinks).toEqual([{ guid: g(32), name: 'answers', reason: 'its ends are in different threads' }]);
    // Every memo note and Link the export wrote: 6 memos, 1 relation memo, 2 relations.
    expect(own).toEqual({ notes: (lead.memos ?? []).length + 1, links: (lead.relations ?? []).length });

    // Through the core: Nora's layer, her memos and relation; everyone else's exactly as before.
    const store = new MemoryProjectStore();
    const run = runner(store);
    applied(await run(importBundle, { bundle: lead, source: 'lead.threadmark.json' }));
    const before = await store.read((r) => projectBundle(r, HEAD));
    if (!before.ok) throw new Error(before.error.message);
    const added = applied(await run(addCoderLayer, { incoming: bundle, source: 'nora.qdpx', replace: new Set<string>() }));
    expect(added.result).toMatchObject({ addedCoders: 1, addedCodings: 3, memos: 3, relations: 1 });
    const after = await store.read((r) => projectBundle(r, HEAD));
    if (!after.ok) throw new Error(after.error.message);
    const noraId = after.value.coders.find((c) => c.name === 'Nora (NVivo)')!.id;
    const notNora = <T extends { coderId: string }>(records: readonly T[] | undefined) => (records ?? []).filter((r) => r.coderId !== noraId);
    expect(notNora(after.value.memos)).toEqual(before.value.memos);
    expect(notNora(after.value.relations)).toEqual(before.value.relations);
    expect(notNora(after.value.codings)).toEqual(before.value.codings);
    expect(after.value.memos!.filter((m) => m.coderId === noraId)).toHaveLength(3);
    expect(after.value.relations!.filter((r) => r.coderId === noraId).map((r) => after.value.relationCodes!.find((c) => c.id === r.relationCodeId)!.name)).toEqual(['answers']);
    expect(after.value.relationCodes).toEqual(before.value.relationCodes);

    // The same file again adds nothing.
    const again = applied(await run(addCoderLayer, { incoming: bundle, source: 'nora.qdpx', replace: new Set<string>() }));
    expect(again.entry).toBeNull();
  });

  it('a coder’s memo with no codings of theirs in the file is listed, not added', async () => {
    const lead = withMemosAttributesRelations(exampleBundle());
    const read = await readQdpxProject(await noraFile(lead), 'nora.qdpx');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const { bundle } = qdpxCoderBundle(read.value, stored(lead), { at: AT, app: APP });
    const nora = bundle.coders.find((c) => c.name === 'Nora (NVivo)')!;
    const withoutCodings = { ...bundle, codings: bundle.codings.filter((c) => c.coderId !== nora.id) };
    const store = new MemoryProjectStore();
    const run = runner(store);
    applied(await run(importBundle, { bundle: lead, source: 'lead.threadmark.json' }));
    const { previewCoderLayer } = await import('../project/operations/coder-layer');
    const plan = await store.read((r) => previewCoderLayer(r, withoutCodings, { newId: () => 'x' }));
    expect(plan.extras?.leftOut.filter((l) => l.startsWith('Nora'))).toHaveLength(4);
    expect(plan.extras?.leftOut.every((l) => /has no codings in the file/.test(l))).toBe(true);
  });
});

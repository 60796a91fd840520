import { describe, expect, it } from 'vitest';

import type { Code, Coding, Post } from '../../model/records';
import { MemoryProjectStore } from '../memory-store';
import { code, post, thread } from '../testing/core-fixtures.test-helpers';
import { coding, damagedProject } from '../testing/integrity-fixtures.test-helpers';
import { describeFindings, integrityReport, type IntegrityFindingKind } from './integrity';

/** The same findings by a plain walk over the arrays: the independent count the query must match. */
function naiveKinds(data: { codes: Code[]; codings: Coding[]; posts: Post[]; coderIds: string[] }): Array<[string, IntegrityFindingKind]> {
  const out: Array<[string, IntegrityFindingKind]> = [];
  for (const c of data.codings) {
    const p = data.posts.find((x) => x.id === c.postId);
    const chars = p ? Array.from(p.text) : [];
    if (!p) out.push([c.id, 'coding-missing-post']);
    else if (!data.codes.some((x) => x.id === c.codeId)) out.push([c.id, 'coding-missing-code']);
    else if (!data.coderIds.includes(c.coderId)) out.push([c.id, 'coding-missing-coder']);
    else if (!(c.start >= 0 && c.start < c.end && c.end <= chars.length)) out.push([c.id, 'coding-outside-text']);
    else if (c.threadId !== p.threadId) out.push([c.id, 'coding-wrong-thread']);
    else if (chars.slice(c.start, c.end).join('') !== c.quote) out.push([c.id, 'coding-quote-mismatch']);
  }
  for (const k of data.codes) {
    if (k.parentId !== null && !data.codes.some((x) => x.id === k.parentId)) out.push([k.id, 'code-missing-parent']);
    // Walk up at most |codes| steps; coming back to itself is a loop. Reported once, on the lowest id in it.
    const seen: string[] = [];
    for (let at = k.parentId; at !== null && seen.length <= data.codes.length; at = data.codes.find((x) => x.id === at)?.parentId ?? null) {
      if (at === k.id) {
        if ([k.id, ...seen].every((id) => id >= k.id)) out.push([k.id, 'code-cycle']);
        break;
      }
      seen.push(at);
    }
    if (k.exemplarCodingIds.some((id) => !data.codings.some((c) => c.id === id))) out.push([k.id, 'exemplar-missing-coding']);
  }
  return out.sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
}

describe('integrityReport', () => {
  it('finds every kind of damage, each record once, as a naive walk over the arrays does', async () => {
    const store = damagedProject();
    const report = await store.read((r) => integrityReport(r));
    const data = await store.read(async (r) => ({ codes: await r.codes(), codings: await r.allCodings(), posts: await r.allPosts(), coderIds: (await r.coders()).map((c) => c.id) }));
    const found = report.findings.map((f) => [f.id, f.kind] as [string, IntegrityFindingKind]).sort((a, b) => (a[0] + a[1] < b[0] + b[1] ? -1 : 1));
    expect(found).toEqual(naiveKinds(data));
    expect(found).toHaveLength(10);
    expect(report.checked).toEqual({ codes: 5, codings: 8, posts: 2 });
  });

  it('says what each finding is about and what a repair would do', async () => {
    const report = await damagedProject().read((r) => integrityReport(r));
    const of = (id: string) => report.findings.find((f) => f.id === id)!;
    expect(of('k-no-post')).toMatchObject({ record: 'coding k-no-post', message: 'its post p-9 does not exist', repair: 'remove-coding' });
    expect(of('k-past-end').message).toBe('range 20–99 does not fit post p-2 (length 26)');
    expect(of('k-thread').repair).toBe('fix-thread');
    expect(of('k-quote').repair).toBe('fix-quote');
    expect(of('c-loop-a')).toMatchObject({ kind: 'code-cycle', message: 'it is its own ancestor: “Loop A” → “Loop B” → “Loop A”' });
    expect(of('c-ok')).toMatchObject({ kind: 'exemplar-missing-coding', message: 'exemplar coding k-gone does not exist', repair: 'drop-exemplar' });
    expect(describeFindings(report.findings)).toContain('1 loop in the code tree');
    expect(describeFindings(report.findings)).toContain('2 codings outside their post’s text');
  });

  it('finds nothing in a healthy project', async () => {
    const store = new MemoryProjectStore({ threads: [thread()], posts: [post('p-1', 'Hello', null)], codes: [code('c', 'C')], coders: [{ id: 'coder-ada', name: 'Ada' }], codings: [coding('k', 'p-1', 'c', 0, 5, 'Hello')] });
    expect((await store.read((r) => integrityReport(r))).findings).toEqual([]);
  });
});

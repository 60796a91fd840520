/**
 * One scripted sequence of the platform-terms features, run through any ProjectStore: the parity
 * test runs it through the app's Dexie adapter and the CLI's bundle adapter and compares the
 * bundles, the ids-only file and the quote report. Deterministic.
 */
import { quoteReport, quoteReportCsv } from '../analysis/quotes/quote-report';
import { serializeBundle } from '../bundle/serialize';
import { idsOnlyFile, serializeIdsOnly } from '../export/ids-only';
import type { Operation } from '../project/operation';
import { addCode } from '../project/operations/codebook';
import { addCoder } from '../project/operations/coders';
import { setCodingQuoted } from '../project/operations/coding-quoted';
import { addCoding } from '../project/operations/codings';
import { applyPlatformDeletions } from '../project/operations/platform-deletions';
import { setProjectTerms, setThreadTerms } from '../project/operations/platform-terms';
import { revertEntry } from '../project/operations/revert';
import { importThreads } from '../project/operations/threads-import';
import type { ProjectStore } from '../project/project-store';
import { projectBundle } from '../project/queries/project-bundle';
import { runOperation, type Applied } from '../project/run-operation';
import { scriptThreadsImport } from '../project/testing/parity-script.test-helpers';
import type { Clock, IdSource } from '../util/clock';

const ADA = { id: 'coder-ada', name: 'Ada' };
const HEAD = { exportedAt: '2025-06-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'parity' } };

export interface PlatformScriptOutput {
  bundle: string;
  idsOnly: string;
  quotes: string;
  /** The bundle after the deletion is undone. */
  undone: string;
}

export async function runPlatformScript(store: ProjectStore, { clock, ids }: { clock: Clock; ids: IdSource }): Promise<PlatformScriptOutput> {
  const run = async <I, S, R>(op: Operation<I, S, R>, input: I): Promise<Applied<R>> => {
    const result = await runOperation(store, op, input, { clock, ids, actor: ADA });
    if (!result.ok) throw new Error(`${op.kind} refused: ${result.error.record ?? ''} ${result.error.message}`);
    return result.value;
  };
  await run(addCoder, { name: 'Ada', id: ADA.id });
  await run(importThreads, await scriptThreadsImport(store, { clock, ids }, 'Terms'));
  const threads = await store.read((r) => r.threads());
  const posts = await store.read((r) => r.allPosts());
  const reddit = threads.find((t) => t.platform === 'reddit')!;
  const code = await run(addCode, { name: 'Whataboutism', color: '#3355aa' });
  await run(setProjectTerms, { platformTerms: [{ key: 'reddit', terms: 'Honour deletions within 30 days' }], expiresAt: '2026-01-31' });
  await run(setThreadTerms, { threadId: reddit.id, collectedAt: '2025-05-01T12:00:00Z', collectedWith: 'reddit-json', instance: '', terms: '', expiresAt: '' });
  const coded = posts.filter((p) => p.threadId === reddit.id && p.text.length > 4 && p.platformId !== null);
  let quoted = false;
  for (const post of coded) {
    const coding = await run(addCoding, { postId: post.id, codeId: code.result.id, start: 0, end: Math.min(4, [...post.text].length) });
    if (!quoted) await run(setCodingQuoted, { codingId: coding.result.id, quoted: 'verbatim' });
    quoted = true;
  }
  const victim = coded.at(-1)!;
  const deleted = await run(applyPlatformDeletions, { kind: 'posts', ids: [victim.platformId!, 'not-there'] });

  const read = async () => {
    const bundle = await store.read((r) => projectBundle(r, HEAD));
    if (!bundle.ok) throw new Error(bundle.error.message);
    return bundle.value;
  };
  const after = await read();
  const idsOnly = serializeIdsOnly(
    idsOnlyFile({ project: after.project, threads: after.threads, posts: after.posts, codes: after.codes, coders: after.coders, codings: await store.read((r) => r.allCodings()) }, HEAD.exportedAt),
  );
  const quotes = quoteReportCsv(await store.read(quoteReport));
  await run(revertEntry, { entryId: deleted.entry!.id, verb: 'undo' });
  return { bundle: serializeBundle(after), idsOnly, quotes, undone: serializeBundle(await read()) };
}

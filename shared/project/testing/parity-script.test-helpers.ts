/**
 * One scripted sequence of project operations, run through any ProjectStore: the parity suite runs
 * it through the app's Dexie adapter and through the CLI's bundle adapter and compares the bundles
 * they export byte for byte. Deterministic: time and ids come from the script's own sources.
 */
import { serializeBundle } from '../../bundle/serialize';
import { applyCodebookDiff } from '../../codebook/apply-codebook-diff';
import { diffCodebooks } from '../../codebook/codebook-diff';
import { readQdc } from '../../codebook/refi/read-qdc';
import { formatParsers } from '../../import/formats';
import { memorySource } from '../../import/stream/byte-source';
import type { ParsedFile } from '../../import/raw-post';
import { readImportSource } from '../../import/stream/read-source';
import type { Clock, IdSource } from '../../util/clock';
import { addCoderLayer } from '../operations/coder-layer';
import { addCode, editCode, mergeCodes } from '../operations/codebook';
import { applyCodebookImport } from '../operations/codebook-import';
import { addCoder } from '../operations/coders';
import { addCoding, editMemo } from '../operations/codings';
import { addRelation, defineRelationCode, removeRelation, setRelationMemo } from '../operations/relations';
import { revertEntry } from '../operations/revert';
import { importThreads, type ThreadsImportInput } from '../operations/threads-import';
import type { Operation } from '../operation';
import type { ProjectStore } from '../project-store';
import { assembleAgainstProject } from '../queries/assemble-import';
import { projectBundle } from '../queries/project-bundle';
import { runOperation, type Applied } from '../run-operation';
import { bundleFromStore, storeFromBundle } from '../bundle-store';

export const REDDIT_THREAD = JSON.stringify([
  { kind: 'Listing', data: { children: [{ kind: 't3', data: { id: 'r1', name: 't3_r1', title: 'Men are victims too?', selftext: 'Testimony thread', author: 'op', created_utc: 1704067200, subreddit: 'discussion', permalink: '/r/discussion/comments/r1/x/' } }] } },
  {
    kind: 'Listing',
    data: {
      children: [
        { kind: 't1', data: { id: 'c1', name: 't1_c1', parent_id: 't3_r1', link_id: 't3_r1', body: 'What about the men? All lives matter.', author: 'ann', created_utc: 1704067260, replies: '' } },
        { kind: 't1', data: { id: 'c2', name: 't1_c2', parent_id: 't1_c1', link_id: 't3_r1', body: 'That is a false equivalence.', author: 'ben', created_utc: 1704067320, replies: '' } },
      ],
    },
  },
]);

/** Emoji (a ZWJ family of 5 code points) and a combining accent: offsets are code points. */
export const EMOJI_TEXT = 'We 👩‍👩‍👧 said it; the café\u0301 owner disagreed';
export const CSV_FILE = `id,author,text,parent\n1,cem,"${EMOJI_TEXT}",\n2,dee,"Whatabout the others?",1\n`;

export const TEAM_QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Parity test">
  <Codes>
    <Code guid="0f5c8a2e-1111-4a5b-9c3d-000000000001" name="  False equivalence " isCodable="true" color="#AA3355"><Description>Treats two unlike things as the same.</Description></Code>
    <Code guid="0f5c8a2e-1111-4a5b-9c3d-000000000002" name=" Whataboutism" isCodable="true" color="#3355AA"/>
    <Code guid="0f5c8a2e-1111-4a5b-9c3d-000000000003" name="Deflection  " isCodable="true" color="#55AA33"/>
  </Codes>
</CodeBook>
`;

export interface ScriptEnv {
  clock: Clock;
  ids: IdSource;
}

const ADA = { id: 'coder-ada', name: 'Ada' };
const BEN = { id: 'coder-ben', name: 'Ben' };
const HEAD = { exportedAt: '2025-06-01T00:00:00.000Z', app: { name: 'Threadmark', version: 'parity' } };

/** The script's two thread files (Reddit JSON, a CSV), read and assembled against the store: the input of importThreads. */
export async function scriptThreadsImport(store: ProjectStore, { clock, ids }: ScriptEnv, projectName: string): Promise<ThreadsImportInput> {
  const files: Array<{ fileName: string; parsed: ParsedFile }> = [];
  for (const [name, text] of [['thread.json', REDDIT_THREAD], ['replies.csv', CSV_FILE]] as const) {
    const read = await readImportSource(memorySource(name, text), { parsers: formatParsers, forced: null, mapping: null, streamThreshold: Number.POSITIVE_INFINITY });
    if (!read.ok) throw new Error(`${name}: ${read.error.map((p) => p.message).join('; ')}`);
    files.push({ fileName: name, parsed: read.value.parsed });
  }
  const assembled = await store.read((reader) => assembleAgainstProject(reader, files, { ids, clock }));
  return { threads: assembled.threads, posts: assembled.posts, projectName, source: 'thread.json, replies.csv' };
}

/** Runs the script; returns the exported bundle's text. Throws on any refused step (a script bug). */
export async function runParityScript(store: ProjectStore, { clock, ids }: ScriptEnv): Promise<string> {
  const run = async <I, S, R>(op: Operation<I, S, R>, input: I, actor = ADA): Promise<Applied<R>> => {
    const result = await runOperation(store, op, input, { clock, ids, actor });
    if (!result.ok) throw new Error(`${op.kind} refused: ${result.error.record ?? ''} ${result.error.message}`);
    return result.value;
  };

  await run(addCoder, { name: 'Ada', id: ADA.id });

  // Threads from two formats.
  const imported = await run(importThreads, await scriptThreadsImport(store, { clock, ids }, 'Parity'));

  // A codebook whose names have surrounding spaces.
  const qdc = readQdc(TEAM_QDC, 'team.qdc');
  if (!qdc.ok) throw new Error(qdc.error.map((p) => p.message).join('; '));
  const current = await store.read((r) => r.codes());
  const diff = diffCodebooks(current, qdc.value.codes, qdc.value.unknownFields);
  const taken = applyCodebookDiff(current, qdc.value.codes, diff, new Set(diff.entries.map((e) => e.key)), ids);
  await run(applyCodebookImport, { source: 'team.qdc', base: current, codes: taken.codes, applied: taken.applied, codingsToDelete: new Map() });

  const derailing = await run(addCode, { name: ' Derailing ', color: '#123456', definition: ' Moves the thread elsewhere. ' });
  await run(editCode, { codeId: derailing.result.id, patch: { definition: 'Moves the thread to another topic.', shortcut: 'd' } });

  // Codings over emoji and combining marks.
  const posts = await store.read((r) => r.allPosts());
  const emojiPost = posts.find((p) => p.text === EMOJI_TEXT);
  if (!emojiPost) throw new Error('the emoji post was not imported');
  const codes = await store.read((r) => r.codes());
  const byName = (name: string) => codes.find((c) => c.name === name)!;
  const family = await run(addCoding, { postId: emojiPost.id, codeId: byName('Whataboutism').id, start: 3, end: 8 });
  await run(addCoding, { postId: emojiPost.id, codeId: byName('Deflection').id, start: 3, end: 30 });
  await run(addCoding, { postId: emojiPost.id, codeId: byName('False equivalence').id, start: 22, end: 27, memo: 'café with a combining accent' });
  await run(editMemo, { codingId: family.result.id, memo: 'the family emoji, five code points' });

  await run(mergeCodes, { sourceCodeIds: [byName('Deflection').id], targetCodeId: byName('Whataboutism').id });

  // A relation code and relations (a whole post to a span), a memo, one removed.
  const deflects = await run(defineRelationCode, { name: 'deflects to', definition: 'Points elsewhere.' });
  const other = posts.find((p) => p.threadId === emojiPost.threadId && p.id !== emojiPost.id)!;
  const related = await run(addRelation, { relationCodeId: deflects.result.id, from: { postId: emojiPost.id, start: 3, end: 8 }, to: { postId: other.id } });
  await run(setRelationMemo, { relationId: related.result.id, memo: 'the family as a shield' });
  const dropped = await run(addRelation, { relationCodeId: deflects.result.id, from: { postId: other.id }, to: { postId: emojiPost.id } });
  await run(removeRelation, { relationId: dropped.result.id });

  // A second coder's file comes in as a layer.
  const ownBundle = await store.read((r) => projectBundle(r, HEAD));
  if (!ownBundle.ok) throw new Error(ownBundle.error.message);
  const benStore = storeFromBundle(ownBundle.value);
  const benRun = async <I, S, R>(op: Operation<I, S, R>, input: I) => {
    const result = await runOperation(benStore, op, input, { clock, ids, actor: BEN });
    if (!result.ok) throw new Error(`${op.kind} refused for Ben: ${result.error.message}`);
  };
  await benRun(addCoder, { name: 'Ben', id: BEN.id });
  const reply = posts.find((p) => p.text.startsWith('What about the men'))!;
  await benRun(addCoding, { postId: reply.id, codeId: byName('Whataboutism').id, start: 0, end: 18 });
  await benRun(addCoding, { postId: emojiPost.id, codeId: byName('False equivalence').id, start: 3, end: 8 });
  const benBundle = await bundleFromStore(benStore, HEAD);
  if (!benBundle.ok) throw new Error(benBundle.error.message);
  const layer = await run(addCoderLayer, { incoming: benBundle.value, source: 'ben.threadmark.json', replace: new Set<string>() });

  // Undo and redo some steps.
  const undoLayer = await run(revertEntry, { entryId: layer.entry!.id, verb: 'undo' });
  await run(revertEntry, { entryId: undoLayer.entry!.id, verb: 'redo' });
  const derailingEdit = (await store.read((r) => r.journal())).find((e) => e.operation === 'code.edit')!;
  await run(revertEntry, { entryId: derailingEdit.id, verb: 'undo' });
  void imported;

  const bundle = await store.read((r) => projectBundle(r, HEAD));
  if (!bundle.ok) throw new Error(bundle.error.message);
  return serializeBundle(bundle.value);
}

/**
 * Several coders' files compared as the app compares them: the first file is the project, every
 * other one is added to it as its coders' layer (the "Add coder file" operation), and agreement
 * reads the result through agreementSource. `threadmark agree a.json b.json` runs exactly this, so
 * its numbers are the app's numbers for the same files.
 */
import type { Bundle } from '../../bundle/bundle';
import { storeFromBundle } from '../bundle-store';
import type { Actor } from '../operation';
import { addCoderLayer, previewCoderLayer } from '../operations/coder-layer';
import { runOperation } from '../run-operation';
import { agreementSource, type AgreementSourceData } from './agreement-input';

export interface CoderFile {
  /** How reports name the file. */
  name: string;
  bundle: Bundle;
}

export interface MismatchedFilePost {
  file: string;
  /** The post in the first file whose copy in `file` has another text. */
  postId: string;
}

export interface CoderFilesComparison {
  source: AgreementSourceData;
  /** Posts whose text differs between the first file and another: not compared for that file's coders. */
  mismatched: MismatchedFilePost[];
  /** Per file after the first, the coders that file added (a coder already present keeps the first file's codings). */
  kept: Array<{ file: string; coders: string[] }>;
}

const ACTOR: Actor = { id: 'threadmark-cli', name: 'threadmark' };

export async function compareCoderFiles(files: readonly CoderFile[], at: string): Promise<CoderFilesComparison> {
  const [first, ...others] = files;
  if (!first) throw new Error('compareCoderFiles needs at least one file');
  const store = storeFromBundle(first.bundle);
  let n = 0;
  const env = { clock: { now: () => at }, ids: { newId: () => `compare-${++n}` }, actor: ACTOR };
  const mismatched: MismatchedFilePost[] = [];
  const kept: Array<{ file: string; coders: string[] }> = [];
  for (const file of others) {
    const plan = await store.read((reader) => previewCoderLayer(reader, file.bundle, env.ids));
    mismatched.push(...plan.mismatchedPosts.map((m) => ({ file: file.name, postId: m.projectPostId })));
    const added = await runOperation(store, addCoderLayer, { incoming: file.bundle, source: file.name, replace: new Set<string>() }, env);
    if (!added.ok) throw new Error(`${file.name}: ${added.error.message}`);
    kept.push({ file: file.name, coders: added.value.result.keptCoders });
  }
  return { source: await store.read((reader) => agreementSource(reader)), mismatched, kept };
}

/**
 * Test-only: the mixed-tool fixture both front ends' tests add. The example project exported as a
 * .qdpx, then coded by Nora in NVivo (nvivo-fixture.test-helpers.ts: UTF-16 positions, a BOM, CRLF,
 * each selection twice): one span in a post, one over a post boundary (split in two), one in a
 * header line (not placed). And the project after adding it through the core on any store, as
 * "Add coder files…" and `threadmark merge` both do it (the rule: qdpx-coder-file.ts).
 */
import type { Bundle } from '../bundle/bundle';
import { exampleBundle } from '../bundle/fixtures.test-helpers';
import { serializeBundle } from '../bundle/serialize';
import type { Actor } from '../project/operation';
import { addCoderLayer, previewCoderLayer } from '../project/operations/coder-layer';
import type { ProjectStore } from '../project/project-store';
import { projectBundle, type BundleHead } from '../project/queries/project-bundle';
import { qdpxCoderFile, type QdpxCoderFile } from '../project/queries/qdpx-coder-file';
import { runOperation } from '../project/run-operation';
import type { Clock, IdSource } from '../util/clock';
import { asNvivo } from './nvivo-fixture.test-helpers';
import { unzipText } from './refi-project.test-helpers';
import { writeQdpx } from './write-qdpx';

export const NORA_FILE = 'nora.qdpx';
export const NORA = 'Nora (NVivo)';
/** Nora's codings as they must land, worked out by hand from the spans below: post and quote. */
export const NORA_EXPECTED: ReadonlyArray<readonly [string, string]> = [
  ['p-1', 'clear 😀'],
  ['p-1', 'data is clear 😀'],
  ['p-2', 'Sure'],
];

/** The project (the example, its first coder acting) and Nora's .qdpx; `exported`: what the export wrote of it (a pseudonymised copy). */
export async function noraCodedExport(project: Bundle = exampleBundle(), exported: Bundle = project): Promise<{ project: Bundle; qdpx: Uint8Array }> {
  const written = await writeQdpx(exported, { origin: 'Threadmark', positions: 'code-points' });
  if (!written.ok) throw new Error(written.error.join());
  const files = await unzipText(written.value);
  const name = [...files.keys()].find((n) => n.startsWith('sources/') && files.get(n)!.includes('Vaccines work'))!;
  const lf = files.get(name)!;
  const cp = (s: string) => [...lf.slice(0, lf.indexOf(s))].length;
  const codeGuid = /<Code guid="([^"]+)" name="Fallacy"/.exec(files.get('project.qde')!)![1]!;
  const added = [
    { start: cp('clear'), end: cp('clear') + [...'clear 😀'].length, codeGuid },
    { start: cp('data is'), end: cp('Sure,') + 4, codeGuid },
    { start: 0, end: 5, codeGuid },
  ];
  return { project, qdpx: asNvivo(files, new Map([[name.slice(8, -4), added]]), NORA) };
}

/**
 * The file reviewed then added as the app and the CLI do (one preview, then coders.add-layer; the
 * project coders in `replace`, by id, replaced with the counts the preview showed): the project's bytes after.
 */
export async function addedThroughCore(store: ProjectStore, qdpx: Uint8Array, env: { clock: Clock; ids: IdSource; actor: Actor }, head: BundleHead, replace: ReadonlySet<string> = new Set()): Promise<{ bytes: string; layer: QdpxCoderFile }> {
  const layer = await qdpxCoderFile(store, qdpx, NORA_FILE, { at: env.clock.now(), app: head.app });
  if (!layer.ok) throw new Error(layer.error.join('; '));
  const plan = await store.read((reader) => previewCoderLayer(reader, layer.value.bundle, env.ids));
  const confirmedCounts = new Map(plan.coders.filter((c) => !c.isNew && replace.has(c.projectCoderId)).map((c) => [c.projectCoderId, c.existingCodings]));
  const added = await runOperation(store, addCoderLayer, { incoming: layer.value.bundle, source: NORA_FILE, replace, confirmedCounts }, env);
  if (!added.ok) throw new Error(added.error.message);
  const after = await store.read((r) => projectBundle(r, head));
  if (!after.ok) throw new Error(after.error.message);
  return { bytes: serializeBundle(after.value), layer: layer.value };
}

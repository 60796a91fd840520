/**
 * The bundle adapter's file side: a bundle file is read, validated and opened as a project store
 * (shared/project/bundle-store.ts), the core's operations change it (runOperation, journaled), and
 * the store is written back as a bundle in the canonical order, atomically. Every CLI command that
 * changes a project goes through here, so the CLI writes exactly what the app would export.
 */
import type { Bundle } from '@shared/bundle/bundle';
import { validateBundle } from '@shared/bundle/validate';
import { CONSENSUS_CODER_ID } from '@shared/model/records';
import { formatProblem, type Problem } from '@shared/problem/problem';
import { bundleFromStore, storeFromBundle } from '@shared/project/bundle-store';
import type { MemoryProjectStore } from '@shared/project/memory-store';
import type { Actor } from '@shared/project/operation';
import type { BundleHead } from '@shared/project/queries/project-bundle';
import type { Clock } from '@shared/util/clock';
import { err, ok, type Result } from '@shared/util/result';

import { VERSION } from '../help';
import { describeFileError, type CliIo } from '../io';
import { loadBundle } from '../load-bundle';
import { serializeBundleChunks } from '../import/bundle-chunks';
import { importIoOf } from '../import/import-io';

/** Who the CLI acts as in a bundle that has no coder: a name in the journal, not a coder of the project. */
export const CLI_ACTOR: Actor = { id: 'threadmark-cli', name: 'threadmark-cli' };

/**
 * The journal's actor for changes the CLI makes to `bundle`: its first coder, else threadmark-cli.
 * Never the consensus layer: it is written by adjudication, nobody acts as it.
 */
export function cliActor(bundle: Pick<Bundle, 'coders'> | null): Actor {
  const first = bundle?.coders.find((c) => c.id !== CONSENSUS_CODER_ID);
  return first ? { id: first.id, name: first.name } : CLI_ACTOR;
}

export interface OpenedProject {
  /** The file as read and validated (a v1 or v2 file migrated to the current format). */
  bundle: Bundle;
  store: MemoryProjectStore;
  actor: Actor;
}

/** Why a bundle could not be opened: lines naming the file, and the problems found. */
export type OpenFailure = Extract<Awaited<ReturnType<typeof loadBundle>>, { ok: false }>['error'];

/** Reads, validates and opens a bundle; every failure becomes lines that name the file. */
export async function openProjectFile(path: string, io: CliIo): Promise<Result<OpenedProject, OpenFailure>> {
  const loaded = await loadBundle(path, io);
  if (!loaded.ok) return loaded;
  return ok({ bundle: loaded.value, store: storeFromBundle(loaded.value), actor: cliActor(loaded.value) });
}

/** The head of a bundle the CLI writes: now, by this Threadmark. */
export function cliBundleHead(clock: Clock): BundleHead {
  return { exportedAt: clock.now(), app: { name: 'Threadmark', version: VERSION } };
}

export type SaveFailure =
  /** The store holds nothing to write (no project record). */
  | { kind: 'empty'; problem: Problem }
  /** The bundle to write breaks the format's rules: a defect, never shipped. */
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'write'; error: unknown };

export interface SaveOptions {
  /**
   * The check the bundle must pass before it is written: validateBundle by default. A big import
   * checks what it added in batches instead (cli/import/validate-import.ts), since a whole
   * validation keeps a second copy of every record.
   */
  check?: (bundle: Bundle) => Problem[];
}

/**
 * The store as a bundle (canonical order, format 3 with the journal), checked, serialized and
 * written atomically: the old file or the whole new one, never a part. Chunked, so a bundle longer
 * than the longest string V8 can build is still written.
 */
export async function saveProjectFile(store: MemoryProjectStore, path: string, io: CliIo, head: BundleHead, options: SaveOptions = {}): Promise<Result<Bundle, SaveFailure>> {
  const exported = await bundleFromStore(store, head);
  if (!exported.ok) return err({ kind: 'empty', problem: exported.error });
  const bundle = exported.value;
  const problems = (options.check ?? wholeCheck)(bundle);
  if (problems.length > 0) return err({ kind: 'invalid', problems });
  try {
    await importIoOf(io).writeChunks(path, serializeBundleChunks(bundle));
  } catch (e) {
    return err({ kind: 'write', error: e });
  }
  return ok(bundle);
}

function wholeCheck(bundle: Bundle): Problem[] {
  const result = validateBundle(bundle);
  return result.ok ? [] : result.error;
}

/** Problems listed for an invalid bundle; the rest are counted. */
const SHOWN_PROBLEMS = 20;

/** The stderr lines for a failed save. */
export function saveFailureLines(path: string, failure: SaveFailure): string[] {
  switch (failure.kind) {
    case 'empty':
      return [`threadmark: cannot write ${path}: ${failure.problem.message}`];
    case 'invalid': {
      const shown = failure.problems.slice(0, SHOWN_PROBLEMS).map((p) => `${path}: ${formatProblem(p)}`);
      const more = failure.problems.length - shown.length;
      return [...shown, ...(more > 0 ? [`…and ${more} more`] : []), 'threadmark: internal error: the bundle to write is not valid; nothing written'];
    }
    case 'write':
      return [`threadmark: cannot write ${path}: ${describeFileError(failure.error)}`];
  }
}

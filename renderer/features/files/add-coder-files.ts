/**
 * "Add coder files…": several coders' files at once, of any kind: Threadmark bundles, a .qdpx coded in
 * NVivo/ATLAS.ti/MAXQDA, W3C Web Annotation, doccano and Label Studio files. A returned package (its project has a
 * `package`) is merged into its round by the core's `mergeCoderFiles` — all returned files in one
 * operation, refused whole when one fails its checks; any other bundle comes in as its coders'
 * layer (`coders.add-layer`, as before). Nothing is written until the researcher confirms the
 * review; everything confirmed is one undoable step.
 */
import type { Bundle } from '@shared/bundle/bundle';
import type { CoderLayerPlan } from '@shared/bundle/coder-layer-plan';
import { detectAnnotationFile } from '@shared/exchange/annotation-files';
import type { AnnotationFormat } from '@shared/exchange/exchange-annotation';
import { formatProblem, parseBundleText } from '@shared/bundle/validate';
import type { Problem } from '@shared/problem/problem';
import { mergeCoderFiles, previewMergeCoderFiles, type MergeReport } from '@shared/project/operations/merge-coder-files';
import type { Result } from '@shared/util/result';

import type { Services } from '../../app/services';
import { applyCoderLayer, planCoderFile, runInProject, storeOf } from '../../db/project-store';
import type { OpenedAnyFile } from '../../platform/platform';
import type { UndoableAction } from '../coding/action-history';
import { journalStep } from '../coding/journal-step';
import { annotationFileNotes, reviewAnnotationFile } from './annotation-files';
import { reviewQdpxCoderFile } from './qdpx-files';

const CODER_FILE_FILTERS = [
  { name: 'Coder files (Threadmark, REFI-QDA, Web Annotation, doccano, Label Studio)', extensions: ['json', 'qdpx', 'jsonld', 'jsonl'] },
  { name: 'Threadmark project bundle', extensions: ['json'] },
  { name: 'REFI-QDA project coded in NVivo, ATLAS.ti or MAXQDA', extensions: ['qdpx'] },
  { name: 'Annotations (W3C Web Annotation, doccano, Label Studio)', extensions: ['jsonld', 'jsonl', 'json'] },
];

export type IncomingFile =
  /** A coder package as its coder returned it: merged into its round. */
  | { kind: 'returned'; name: string; bundle: Bundle }
  /** Any other bundle: its coders come in as layers. */
  | { kind: 'layer'; name: string; bundle: Bundle; plan: CoderLayerPlan; notes?: string[] }
  /** Not a valid bundle, or one the core refuses: every problem, the file named. */
  | { kind: 'refused'; name: string; problems: string[] };

export interface CoderFilesReview {
  files: IncomingFile[];
  /** What merging the returned files would do; null when there are none. A refusal names the file. */
  merge: Result<MergeReport, Problem> | null;
}

export type SortedFile =
  | Exclude<IncomingFile, { kind: 'layer' }>
  | { kind: 'plain'; name: string; bundle: Bundle }
  | { kind: 'annotations'; name: string; format: AnnotationFormat; content: string }
  /** A .qdpx coded in another tool (read as bytes: zip-archive.ts). */
  | { kind: 'qdpx'; name: string; bytes: Uint8Array };

/** Parsed files, sorted into returned packages, plain bundles, annotation files, .qdpx archives and files that are no bundle. */
export function sortOpenedFiles(opened: readonly OpenedAnyFile[]): SortedFile[] {
  return opened.map((file) => {
    if ('bytes' in file) return { kind: 'qdpx', name: file.name, bytes: file.bytes };
    // Web Annotation, doccano and Label Studio files come in as layers too (annotation-files.ts).
    const detected = detectAnnotationFile(file.name, file.content);
    if (detected !== null && detected !== 'bundle') return { kind: 'annotations', name: file.name, format: detected, content: file.content };
    const parsed = parseBundleText(file.content);
    if (!parsed.ok) return { kind: 'refused', name: file.name, problems: parsed.error.map((p) => formatProblem({ ...p, file: file.name })) };
    return parsed.value.project.package ? { kind: 'returned', name: file.name, bundle: parsed.value } : { kind: 'plain', name: file.name, bundle: parsed.value };
  });
}

/** Plans every file against the project as it is now (nothing written). */
export async function reviewCoderFiles(services: Services, opened: readonly OpenedAnyFile[]): Promise<CoderFilesReview> {
  const files: IncomingFile[] = [];
  for (const file of sortOpenedFiles(opened)) {
    if (file.kind === 'qdpx') {
      files.push(await reviewQdpxCoderFile(services, file.name, file.bytes));
      continue;
    }
    if (file.kind === 'annotations') {
      const reviewed = await reviewAnnotationFile(services, file.name, file.format, file.content);
      files.push(reviewed.ok ? { kind: 'layer', name: file.name, bundle: reviewed.value.bundle, plan: reviewed.value.plan, notes: annotationFileNotes(reviewed.value.annotations) } : { kind: 'refused', name: file.name, problems: reviewed.problems });
      continue;
    }
    if (file.kind !== 'plain') {
      files.push(file);
      continue;
    }
    try {
      files.push({ kind: 'layer', name: file.name, bundle: file.bundle, plan: await planCoderFile(services.db, file.bundle, services.ids) });
    } catch (error) {
      files.push({ kind: 'refused', name: file.name, problems: [error instanceof Error ? error.message : String(error)] });
    }
  }
  return replanCoderFiles(services, files);
}

/** Picks the files and reviews them; null when the researcher cancels (a file that cannot be read is said in the status line). */
export async function proposeCoderFiles(services: Services): Promise<CoderFilesReview | null> {
  const opened = await services.platform.openFiles('Add coder files', CODER_FILE_FILTERS);
  if (!opened.ok) {
    services.announce(opened.error, 'error');
    return null;
  }
  return opened.value === null ? null : reviewCoderFiles(services, opened.value);
}

const returnedFiles = (files: readonly IncomingFile[]) => files.flatMap((f) => (f.kind === 'returned' ? [{ name: f.name, bundle: f.bundle }] : []));

/** The file a merge refusal names, when it is one of these. */
export function refusedFileName(review: CoderFilesReview): string | null {
  return review.merge && !review.merge.ok ? (review.merge.error.file ?? null) : null;
}

/** Why the review cannot be confirmed as it is, or null when it can. */
export function blockingProblem(review: CoderFilesReview): string | null {
  const refused = review.files.find((f) => f.kind === 'refused');
  if (refused) return `${refused.name} cannot be added: leave it out to add the others.`;
  if (review.merge && !review.merge.ok) {
    const named = refusedFileName(review);
    return named ? `${named} is refused, and with it every returned file: leave it out to add the others.` : 'The returned files are refused: nothing can be added.';
  }
  if (review.files.length === 0) return 'No files left to add.';
  return null;
}

/** What a coder already in the project would lose on replace, as the review showed it. */
function shownCounts(plan: CoderLayerPlan): Map<string, number> {
  return new Map(plan.coders.filter((c) => !c.isNew).map((c) => [c.projectCoderId, c.existingCodings]));
}

/** The status-line sentence after adding. */
export function addedSentence(merge: MergeReport | null, layers: readonly { file: string; added: number; replaced: number; memos?: number; relations?: number }[]): string {
  const parts: string[] = [];
  for (const f of merge?.files ?? []) {
    const counts = [f.added > 0 ? `${f.added} added` : '', f.changed > 0 ? `${f.changed} changed` : '', f.removed > 0 ? `${f.removed} removed` : ''].filter(Boolean);
    parts.push(`${f.coderName}’s ${f.roundName} (${counts.length > 0 ? counts.join(', ') : 'no change'})`);
  }
  const also = (n: number | undefined, noun: string): string => (n ? ` and ${n} ${noun}${n === 1 ? '' : 's'}` : '');
  for (const l of layers) parts.push(`${l.added} ${l.added === 1 ? 'coding' : 'codings'}${also(l.memos, 'memo')}${also(l.relations, 'relation')} from ${l.file}${l.replaced > 0 ? `, replacing ${l.replaced}` : ''}`);
  return parts.length === 0 ? 'Nothing was added.' : `Added ${parts.join('; ')}.`;
}

/**
 * Writes the review: the returned files in one merge, then each other file's layer. A refusal
 * stops there and is said; what was written before it stays, undoable, and is said too.
 * `replace`: per layer file, the project coders the researcher ticked to replace.
 */
export async function addCoderFiles(services: Services, review: CoderFilesReview, replace: ReadonlyMap<string, ReadonlySet<string>>): Promise<boolean> {
  const { db, tracker, clock, ids, history, announce } = services;
  const steps: UndoableAction[] = [];
  const layers: { file: string; added: number; replaced: number; memos: number; relations: number }[] = [];
  let merged: MergeReport | null = null;
  const finish = (failure: string | null): boolean => {
    if (steps.length > 0) history.push(composite(steps.length === 1 ? steps[0]!.label : `adding ${steps.length} coder files`, steps));
    const done = steps.length > 0 ? ` ${addedSentence(merged, layers)} Ctrl+Z undoes it.` : '';
    if (failure) announce(`${failure}${done}`, 'error');
    else announce(`${addedSentence(merged, layers)}${steps.length > 0 ? ' Ctrl+Z undoes it.' : ''}`);
    return failure === null;
  };

  const returned = returnedFiles(review.files);
  if (returned.length > 0) {
    const result = await tracker.track('merge coder files', runInProject(db, mergeCoderFiles, { files: returned }, { clock, ids }));
    if (!result.ok) return finish(`Nothing was added: ${formatProblem(result.error)}.`);
    merged = result.value.result;
    if (result.value.entry) steps.push(journalStep(services, returned.length === 1 ? `adding ${returned[0]!.name}` : `merging ${returned.length} returned files`, result.value.entry.id));
  }
  for (const file of review.files) {
    if (file.kind !== 'layer') continue;
    try {
      const { summary, entryId } = await tracker.track(
        'add coder file',
        applyCoderLayer(db, file.bundle, file.name, replace.get(file.name) ?? new Set(), { clock, ids }, shownCounts(file.plan)),
      );
      if (entryId !== null) steps.push(journalStep(services, `adding ${file.name}`, entryId));
      layers.push({ file: file.name, added: summary.addedCodings, replaced: summary.replacedCodings, memos: summary.memos, relations: summary.relations });
    } catch (error) {
      return finish(`${file.name} was not added: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return finish(null);
}

/** Several journal steps as one: undone last first, redone in order. */
function composite(label: string, steps: readonly UndoableAction[]): UndoableAction {
  if (steps.length === 1) return steps[0]!;
  return {
    label,
    undo: async () => {
      for (const step of [...steps].reverse()) await step.undo();
    },
    redo: async () => {
      for (const step of steps) await step.redo();
    },
  };
}

/** The review over these files: the returned files' merge planned again (a refusal may have been a file now left out). */
export async function replanCoderFiles(services: Services, files: readonly IncomingFile[]): Promise<CoderFilesReview> {
  const returned = returnedFiles(files);
  const merge = returned.length === 0 ? null : await storeOf(services.db).read((reader) => previewMergeCoderFiles(reader, returned));
  return { files: [...files], merge };
}

/** The files of `more` not already in the review (by name), after the review's. */
export const withMoreFiles = (files: readonly IncomingFile[], more: readonly IncomingFile[]): IncomingFile[] => [
  ...files,
  ...more.filter((f) => !files.some((g) => g.name === f.name)),
];

/**
 * File → "Export annotations…" and the annotation files "Add coder files…" takes (W3C Web
 * Annotation, doccano, Label Studio): the shared/exchange writers and readers over this project.
 * The export writes exactly what `threadmark export --to <format>` writes for the same project;
 * an imported file becomes a coder layer bundle (planAnnotationLayer) that the review shows and
 * the core's coders.add-layer adds, as for any coder file.
 */
import type { Bundle } from '@shared/bundle/bundle';
import type { CoderLayerPlan } from '@shared/bundle/coder-layer-plan';
import { annotationFileName, ANNOTATION_FILE_FORMATS, readAnnotations, writeAnnotations } from '@shared/exchange/annotation-files';
import { planAnnotationLayer, type AnnotationImportReport } from '@shared/exchange/annotation-layer';
import { ANNOTATION_FORMAT_LABELS, type AnnotationFormat } from '@shared/exchange/exchange-annotation';
import { importReportLines } from '@shared/exchange/import-report-lines';
import { formatProblem } from '@shared/problem/problem';
import { fileStem } from '@shared/util/file-name';

import { APP_INFO } from '../../app/app-info';
import type { Services } from '../../app/services';
import { exportBundle, planCoderFile } from '../../db/project-store';
import { bundleToExport, privacySentence, PSEUDONYMISED, type PrivacyChoice } from './export-privacy';

/** Writes the project's codings as `format` and offers the file to save. */
export async function exportAnnotations(services: Services, format: AnnotationFormat, privacy: PrivacyChoice = PSEUDONYMISED): Promise<void> {
  const { platform, announce } = services;
  const { bundle, report } = await bundleToExport(services, privacy);
  const name = annotationFileName(fileStem(bundle.project.name), format);
  const saved = await platform.saveTextFile(name, writeAnnotations(bundle, format), [ANNOTATION_FILE_FORMATS[format].filter]);
  if (!saved.ok) announce(`Export failed: ${saved.error}`, 'error');
  else if (saved.value) announce(`Exported ${bundle.codings.length} ${bundle.codings.length === 1 ? 'coding' : 'codings'} as ${ANNOTATION_FORMAT_LABELS[format]} to ${saved.value}.${privacySentence(report)}`);
}

/** What "Add coder files…" shows for an annotation file: its layer, and what placing it did. */
export interface AnnotationFileReview {
  bundle: Bundle;
  plan: CoderLayerPlan;
  annotations: AnnotationImportReport & { format: AnnotationFormat };
}

/**
 * The coder of a file that names none (a plain doccano or Label Studio file): named after the file,
 * `cleo.jsonl` → “cleo”, so two such files stay two coders.
 */
export const coderNameOfFile = (fileName: string): string => fileName.replace(/\.(jsonld|jsonl|json)$/i, '').trim() || fileName;

/**
 * Reads and places an annotation file on this project, nothing written. Codes the codebook lacks
 * are created (the review lists them; leaving the file out keeps the codebook as it is).
 */
export async function reviewAnnotationFile(services: Services, name: string, format: AnnotationFormat, content: string): Promise<{ ok: true; value: AnnotationFileReview } | { ok: false; problems: string[] }> {
  const read = readAnnotations(format, content, name);
  if (!read.ok) return { ok: false, problems: read.error.map((p) => formatProblem({ ...p, file: name })) };
  const project = await exportBundle(services.db, { clock: services.clock, app: APP_INFO });
  const planned = planAnnotationLayer(project, read.value, name, { coderName: coderNameOfFile(name), unknownCodes: 'create', ids: services.ids, now: services.clock.now() });
  if (!planned.ok) return { ok: false, problems: planned.error.map((p) => formatProblem(p)) };
  try {
    const plan = await planCoderFile(services.db, planned.value.incoming, services.ids);
    return { ok: true, value: { bundle: planned.value.incoming, plan, annotations: { ...planned.value.report, format } } };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
}

/** The review's lines for an annotation file: how it was read, then every move, span not placed and code added. */
export function annotationFileNotes(report: AnnotationFileReview['annotations']): string[] {
  const head = `Read as ${ANNOTATION_FORMAT_LABELS[report.format]}: ${report.read} ${report.read === 1 ? 'span' : 'spans'}, ${report.placed} placed${report.coders.length > 0 ? ` (${report.coders.join(', ')})` : ''}.`;
  return [head, ...importReportLines(report)];
}

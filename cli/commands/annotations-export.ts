/**
 * `threadmark export --to web-annotation|doccano|label-studio`: the codings in an annotation
 * standard, written by the same shared/exchange writer the app's File → "Export annotations…"
 * uses, so both write the same bytes for one project (docs/formats.md, "Annotation standards").
 */
import type { Bundle } from '@shared/bundle/bundle';
import { writeAnnotations } from '@shared/exchange/annotation-files';
import { ANNOTATION_FORMATS, isAnnotationFormat, type AnnotationFormat } from '@shared/exchange/exchange-annotation';
import { coderCodings } from '@shared/export/coder-codings';

import { describeFileError, EXIT_FAILED, EXIT_OK, type CliIo } from '../io';
import { stdoutData } from '../terminal-io';

export const ANNOTATION_TARGETS: readonly AnnotationFormat[] = ANNOTATION_FORMATS;

export const isAnnotationTarget = (to: string): to is AnnotationFormat => isAnnotationFormat(to);

/** Writes the project's codings (one coder's with `coder`) as `to` to `output` ('-': stdout). */
export async function writeAnnotationExport(bundle: Bundle, to: AnnotationFormat, options: { path: string; output: string; coder?: string }, io: CliIo): Promise<number> {
  const layer = options.coder === undefined ? { ok: true as const, value: bundle } : coderCodings(bundle, options.coder);
  if (!layer.ok) {
    io.stderr(`${options.path}: ${layer.error.message}\nthreadmark: nothing written\n`);
    return EXIT_FAILED;
  }
  const text = writeAnnotations(layer.value, to);
  if (options.output === '-') {
    stdoutData(io, text);
    return EXIT_OK;
  }
  try {
    await io.writeFile(options.output, text);
  } catch (e) {
    io.stderr(`threadmark: cannot write ${options.output}: ${describeFileError(e)}\n`);
    return EXIT_FAILED;
  }
  const n = layer.value.codings.length;
  io.stdout(`wrote ${n} ${n === 1 ? 'coding' : 'codings'} to ${options.output}\n`);
  return EXIT_OK;
}

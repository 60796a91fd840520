/**
 * The annotation formats as a table: which writer and reader each has, its file name ending, and
 * how a file's format is told from its name and content (for "Add coder files…", which also takes
 * project bundles).
 */
import type { Bundle } from '../bundle/bundle';
import type { Problem } from '../problem/problem';
import type { Result } from '../util/result';
import { readDoccano, writeDoccano } from './doccano';
import type { AnnotationFormat, ExchangeFile } from './exchange-annotation';
import { isObject, type Json } from './json-input';
import { readLabelStudio, writeLabelStudio } from './label-studio';
import { ANNO_CONTEXT, readWebAnnotation, writeWebAnnotation } from './web-annotation';

type ProjectData = Pick<Bundle, 'project' | 'posts' | 'codes' | 'coders' | 'codings'>;

interface FormatEntry {
  write: (bundle: ProjectData) => string;
  read: (text: string, file: string) => Result<ExchangeFile, Problem[]>;
  /** File name ending, with the dot. */
  extension: string;
  /** Extensions for a save dialog's filter, without the dot. */
  filter: { name: string; extensions: string[] };
}

export const ANNOTATION_FILE_FORMATS: Record<AnnotationFormat, FormatEntry> = {
  'web-annotation': { write: writeWebAnnotation, read: readWebAnnotation, extension: '.jsonld', filter: { name: 'W3C Web Annotation (JSON-LD)', extensions: ['jsonld', 'json'] } },
  doccano: { write: writeDoccano, read: readDoccano, extension: '.jsonl', filter: { name: 'doccano JSONL', extensions: ['jsonl'] } },
  'label-studio': { write: writeLabelStudio, read: readLabelStudio, extension: '.json', filter: { name: 'Label Studio JSON', extensions: ['json'] } },
};

/** The project's codings in `format`: the same bytes from the app and the CLI for one project. */
export const writeAnnotations = (bundle: ProjectData, format: AnnotationFormat): string => ANNOTATION_FILE_FORMATS[format].write(bundle);

/** The file name an export suggests: `<stem>-annotations.jsonld`, `<stem>-doccano.jsonl`, `<stem>-label-studio.json`. */
export const annotationFileName = (stem: string, format: AnnotationFormat): string =>
  `${stem}-${format === 'web-annotation' ? 'annotations' : format}${ANNOTATION_FILE_FORMATS[format].extension}`;

export type DetectedFormat = AnnotationFormat | 'bundle';

/**
 * What a file is, from its content first (a `.json` may be a bundle, a Label Studio export or Web
 * Annotation), its name ending when the content cannot tell; null when it is none of them.
 */
export function detectAnnotationFile(name: string, text: string): DetectedFormat | null {
  const lower = name.toLowerCase();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: Json | undefined;
  try {
    json = JSON.parse(body) as Json;
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    // JSON Lines is not one JSON value: its first line is.
    const first = body.split(/\r?\n/).find((l) => l.trim() !== '');
    if (lower.endsWith('.jsonl')) return 'doccano';
    try {
      return first !== undefined && isObject(JSON.parse(first) as Json) ? 'doccano' : lower.endsWith('.jsonld') ? 'web-annotation' : null;
    } catch {
      return lower.endsWith('.jsonld') ? 'web-annotation' : null;
    }
  }
  if (isObject(json) && json.format === 'threadmark') return 'bundle';
  if (lower.endsWith('.jsonl')) return 'doccano';
  const first = Array.isArray(json) ? json.find(isObject) : isObject(json) ? json : undefined;
  if (first) {
    const context = first['@context'];
    const type = first.type;
    if (context === ANNO_CONTEXT || (Array.isArray(context) && context.includes(ANNO_CONTEXT)) || (typeof type === 'string' && type.startsWith('Annotation'))) return 'web-annotation';
    if (isObject(first.data) || Array.isArray(first.annotations) || Array.isArray(first.completions)) return 'label-studio';
    if (typeof first.text === 'string' && (Array.isArray(first.label) || Array.isArray(first.labels))) return 'doccano';
  }
  return lower.endsWith('.jsonld') ? 'web-annotation' : null;
}

/** Reads a file of a known format. */
export const readAnnotations = (format: AnnotationFormat, text: string, file: string): Result<ExchangeFile, Problem[]> => ANNOTATION_FILE_FORMATS[format].read(text, file);

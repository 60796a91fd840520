/**
 * The one shape every annotation format is read into (W3C Web Annotation, doccano, Label Studio)
 * before it meets a project: where the span was in the file, the words it covered and around them,
 * the code by path, the coder by name. Placing it onto a stored post is annotation-layer.ts's job,
 * so each reader only knows its own format.
 */

export const ANNOTATION_FORMATS = ['web-annotation', 'doccano', 'label-studio'] as const;
export type AnnotationFormat = (typeof ANNOTATION_FORMATS)[number];

export const isAnnotationFormat = (value: string): value is AnnotationFormat => (ANNOTATION_FORMATS as readonly string[]).includes(value);

/** The names researchers know the formats by, for messages and menus. */
export const ANNOTATION_FORMAT_LABELS: Record<AnnotationFormat, string> = {
  'web-annotation': 'W3C Web Annotation (JSON-LD)',
  doccano: 'doccano (JSONL)',
  'label-studio': 'Label Studio (JSON)',
};

/** What a file says about the post a span is in; any part may be missing. */
export interface PostReference {
  /** A Threadmark post id (from `urn:threadmark:post:<id>`, or a task's post id). */
  postId: string | null;
  platform: string | null;
  platformId: string | null;
  url: string | null;
  /** The whole text the file annotated, when it carries it (doccano, Label Studio). */
  text: string | null;
}

export interface ExchangeAnnotation {
  /** Where in the file, for messages: `line 3, label 2`, `annotation 4`. */
  where: string;
  post: PostReference;
  /** Code points, end exclusive, as the file gives them (UTF-16 offsets already converted). */
  start: number | null;
  end: number | null;
  /** The covered words, and up to PREFIX_LENGTH code points before and after them. */
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  /** "Parent > Child". */
  codePath: string;
  /** A Threadmark code id, when the file kept one (`urn:threadmark:code:<id>`). */
  codeId: string | null;
  /** null: the file names no coder (a plain doccano file); the importer's chosen name is used. */
  coder: string | null;
  memo: string;
  created: string | null;
  modified: string | null;
  /** A Threadmark coding id, when the file kept one. */
  id: string | null;
}

export interface ExchangeFile {
  format: AnnotationFormat;
  annotations: ExchangeAnnotation[];
  /**
   * Every document (post) the file holds, labelled or not (a doccano line, a Label Studio task):
   * what its coder rated. Empty for Web Annotation, which only lists annotations.
   */
  documents: PostReference[];
  /** What the reader had to decide, said to the researcher (offsets read as UTF-16, …). */
  notes: string[];
}

/** The IRIs Threadmark writes for its own records when they have no web address. */
export const URN = {
  post: 'urn:threadmark:post:',
  code: 'urn:threadmark:code:',
  coder: 'urn:threadmark:coder:',
  coding: 'urn:threadmark:coding:',
  project: 'urn:threadmark:project:',
  relation: 'urn:threadmark:relation:',
  'relation-code': 'urn:threadmark:relation-code:',
} as const;

/** The id inside one of our URNs, or null for any other string. */
export function idFromUrn(kind: keyof typeof URN, iri: unknown): string | null {
  if (typeof iri !== 'string' || !iri.startsWith(URN[kind])) return null;
  const rest = iri.slice(URN[kind].length);
  if (rest === '') return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

export const urnOf = (kind: keyof typeof URN, id: string): string => `${URN[kind]}${encodeURIComponent(id)}`;

/** A .qdpx project as read from the archive (read-qdpx-project.ts), before it becomes threads and codings. */
import type { Code } from '../model/records';
import type { Problem } from '../problem/problem';
import type { QdpxLayoutFile } from './qdpx-layout-file';
import type { QdpxExtras, QdpxVariableValue } from './read-qdpx-extras';

export interface QdpxCodingRef {
  /** The Coding's GUID, lower case. */
  guid: string;
  /** The code it applies (lower case), or null when its CodeRef has none. */
  codeGuid: string | null;
  user: string | null;
  createdAt: string | null;
  noteGuids: readonly string[];
}

export interface QdpxSelection {
  guid: string;
  /** As written, in the producer's unit (position-convention.ts decides which). */
  start: number;
  end: number;
  /** The selection's name: some tools write the quoted text, a check on the unit. */
  name: string;
  description: string;
  user: string | null;
  createdAt: string | null;
  codings: QdpxCodingRef[];
  noteGuids: readonly string[];
}

export interface QdpxTextSource {
  guid: string;
  name: string;
  /** The text as stored, the BOM taken off; line ends as the producer wrote them. */
  text: string;
  hadBom: boolean;
  user: string | null;
  createdAt: string | null;
  selections: QdpxSelection[];
  /** The source's own VariableValues (a thread's attribute values) and the notes it refers to. */
  values: QdpxVariableValue[];
  noteGuids: string[];
}

export interface SkippedSource {
  guid: string;
  name: string;
  kind: string;
  reason: string;
}

export interface QdpxProject {
  file: string;
  name: string;
  origin: string | null;
  /** User GUID (lower case) → name. */
  users: Map<string, string>;
  /** Code ids are the file's GUIDs, lower case. */
  codes: Code[];
  /** Note GUID → its text. */
  notes: Map<string, string>;
  sources: QdpxTextSource[];
  skipped: SkippedSource[];
  warnings: Problem[];
  /** Present in Threadmark's own exports (qdpx-layout-file.ts). */
  layout: QdpxLayoutFile | null;
  /** Variables, Cases, Links and where notes hang (read-qdpx-extras.ts). */
  extras: QdpxExtras;
}

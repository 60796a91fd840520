/**
 * Mixed-tool teams, beyond codings: the memos and relations a coder wrote in NVivo, ATLAS.ti or
 * MAXQDA on a Threadmark .qdpx export, as that coder's (qdpx-coder-bundle.ts). Notes and Links are
 * read as a whole-project import reads them (qdpx-extras-import.ts), on the threads the sources were
 * matched to. What the export itself wrote is the project's own and never comes back as a coder's:
 * - a Note whose GUID the export gives one of the project's memos or relation memos, and a Link
 *   whose GUID it gives one of the project's relations (with that Link's notes) — GUIDs survive a
 *   REFI-QDA round trip, as the standard asks;
 * - should a tool have renamed them (or dropped who wrote it), a note whose text is exactly a memo
 *   the project holds on the same target (a relation alike in code, coder and ends is one:
 *   coder-layer-extras.ts).
 * Coding memos are the codings' own (place-codings.ts: a selection's note goes with its writer's coding).
 */
import type { Memo, Relation, RelationCode } from '../model/records';
import { importLinks, importMemos, type ExtrasContext } from './qdpx-extras-import';
import type { QdpxProject } from './qdpx-project';
import type { QdpxReport } from './qdpx-report';
import { partGuidOf, refiGuid } from './refi-guid';

/** The project's memos and relations as they are: what its own export wrote. */
export interface StoredExtras {
  memos: readonly Memo[];
  relations: readonly Relation[];
}

export interface CoderExtras {
  memos: Memo[];
  relations: Relation[];
  relationCodes: RelationCode[];
  /** Notes and Links the file holds that are the project's own (its export wrote them): left out. */
  ownNotes: number;
  ownLinks: number;
}

/** The import's context for the matched sources (source GUID → the thread, and each source cut into its posts), over the coder's file. */
export interface CoderExtrasInput extends Omit<ExtrasContext, 'project'> {
  file: QdpxProject;
  stored: StoredExtras;
}

export function qdpxCoderExtras(input: CoderExtrasInput, report: QdpxReport): CoderExtras {
  const { file, stored } = input;
  const none: CoderExtras = { memos: [], relations: [], relationCodes: [], ownNotes: 0, ownLinks: 0 };
  if (file.notes.size === 0 && file.extras.links.length === 0) return none;
  const ownNoteGuids = new Set([...stored.memos.map((m) => refiGuid('memo', m.id)), ...stored.relations.map((r) => partGuidOf('relation-note', r.id))]);
  const ownRelationIds = new Set(stored.relations.map((r) => r.id));
  const ownLinkGuids = new Set(stored.relations.map((r) => refiGuid('relation', r.id)));
  const links = file.extras.links.filter((l) => {
    const own = ownLinkGuids.has(l.guid) || ownRelationIds.has(input.back(l.guid));
    if (own) for (const g of l.noteGuids) ownNoteGuids.add(g);
    return !own;
  });
  const notes = new Map([...file.notes].filter(([g]) => !ownNoteGuids.has(g)));
  // The file as if the export's own notes and links were not in it.
  const theirs: QdpxProject = { ...file, notes, extras: { ...file.extras, links } };
  const context: ExtrasContext = { project: theirs, projectId: input.projectId, threadOf: input.threadOf, placed: input.placed, back: input.back, coder: input.coder, codeIds: input.codeIds, at: input.at };
  const { relationCodes, relations, linkNotes } = importLinks(context, report);
  const held = new Set(stored.memos.map(sameMemo));
  const all = importMemos(context, linkNotes, report);
  const memos = all.filter((m) => !held.has(sameMemo(m)));
  const used = new Set(relations.map((r) => r.relationCodeId));
  return {
    memos,
    relations,
    relationCodes: relationCodes.filter((c) => used.has(c.id)),
    ownNotes: file.notes.size - notes.size + all.length - memos.length,
    ownLinks: file.extras.links.length - links.length,
  };
}

const sameMemo = (m: Memo): string => JSON.stringify([m.target.kind, m.target.id, m.text]);

/**
 * A text source's selections → codings on the posts its text was cut into. Positions are read in
 * the unit position-convention.ts chose and checked against the text; a coding is placed on exactly
 * the characters it covers, or listed as not placed with the reason, never moved. A range over two
 * posts becomes one coding per post (reported); one in a header line or between posts is listed.
 * Duplicate selections (same range, code and coder) collapse. Quotes are cut from the post text.
 */
import type { BundleCoding } from '../bundle/bundle';
import { sliceCodePoints } from '../text/offsets';
import { derivedId } from '../util/derived-id';
import { chooseConvention, type SourceText } from './position-convention';
import type { QdpxProject, QdpxSelection, QdpxTextSource } from './qdpx-project';
import type { QdpxReport } from './qdpx-report';
import { piecesOf, type LaidOutPost } from './thread-layout';

export interface PlacementTarget {
  /** The posts the source text was cut into: code point spans of `text.lf`, in order. */
  spans: ReadonlyArray<Pick<LaidOutPost, 'postId' | 'start' | 'end'>>;
  /** Post id → its text (what quotes are cut from; equal to the span of `text.lf`). */
  postText: ReadonlyMap<string, string>;
}

export interface PlacementIds {
  /** A code GUID of the file → the project's code id, or null when the codebook has no such code. */
  code(guid: string): string | null;
  /** A user GUID (or null: none given) → coder id. */
  coder(userGuid: string | null): string;
  /** A Coding GUID → the coding id to store. */
  coding(guid: string): string;
  /** Codes that cannot be coded with (categories): refused by the core, so listed here. */
  categoryOnly: ReadonlySet<string>;
  at: string;
}

export function placeCodings(project: QdpxProject, source: QdpxTextSource, text: SourceText, target: PlacementTarget, ids: PlacementIds, report: QdpxReport): BundleCoding[] {
  const choice = chooseConvention(project.origin, text, source.selections);
  report.conventions.push({ source: source.name, ...choice });
  const seen = new Set<string>();
  const codings: BundleCoding[] = [];
  const unplaced = (guid: string, reason: string): void => {
    report.unplaced.push({ source: source.name, sourceGuid: source.guid, guid, reason });
  };
  for (const selection of source.selections) {
    const start = text.toLfCodePoint(selection.start, choice.convention);
    const end = text.toLfCodePoint(selection.end, choice.convention);
    if (selection.codings.length === 0) continue;
    if (selection.noteGuids.length > 0) unclaimedNotes(selection, project, report, source.name);
    if (start === null || end === null) {
      unplaced(selection.guid, `positions ${selection.start}–${selection.end} fall outside the text or inside a character (${text.lfIndex.lengthCp} characters)`);
      continue;
    }
    if (end <= start) {
      unplaced(selection.guid, end === start ? 'the selection is empty' : `it ends (${selection.end}) before it starts (${selection.start})`);
      continue;
    }
    const pieces = piecesOf({ posts: target.spans }, start, end);
    for (const ref of selection.codings) {
      const codeId = ref.codeGuid === null ? null : ids.code(ref.codeGuid);
      if (codeId === null) {
        unplaced(ref.guid, ref.codeGuid === null ? 'the coding names no code' : `its code ${ref.codeGuid} is not in the codebook`);
        continue;
      }
      if (ids.categoryOnly.has(codeId)) {
        unplaced(ref.guid, 'its code is a category that nothing can be coded with');
        continue;
      }
      const coderId = ids.coder(ref.user ?? selection.user);
      const key = `${start}|${end}|${codeId}|${coderId}`;
      if (seen.has(key)) {
        report.collapsed++;
        continue;
      }
      seen.add(key);
      if (pieces.length === 0) {
        unplaced(ref.guid, 'it covers only header lines or the space between posts');
        continue;
      }
      if (pieces.length > 1) report.split.push({ source: source.name, guid: ref.guid, pieces: pieces.length });
      const memo = memoOf(selection.description, notesBy(selection.noteGuids, ref.user ?? selection.user, project), ref.noteGuids, project.notes);
      const createdAt = isoOrNull(ref.createdAt ?? selection.createdAt) ?? ids.at;
      pieces.forEach((piece, i) => {
        const postText = target.postText.get(piece.postId) ?? '';
        codings.push({
          id: pieces.length === 1 ? ids.coding(ref.guid) : derivedId('qdpx-piece', ref.guid, String(i)),
          postId: piece.postId,
          codeId,
          coderId,
          start: piece.start,
          end: piece.end,
          quote: sliceCodePoints(postText, piece.start, piece.end),
          memo,
          createdAt,
          updatedAt: ids.at,
        });
      });
    }
  }
  return codings;
}

/** Notes on a coded selection by someone who coded none of it: said, as they become no coding's memo. */
function unclaimedNotes(selection: QdpxSelection, project: QdpxProject, report: QdpxReport, sourceName: string): void {
  const coders = new Set(selection.codings.map((c) => c.user ?? selection.user));
  for (const g of selection.noteGuids) {
    const writer = project.extras.noteInfo.get(g)?.user ?? null;
    if (writer === null || coders.has(writer) || coders.has(null)) continue;
    const who = project.users.get(writer) ?? writer;
    report.warnings.push({ file: project.file, record: `source “${sourceName}”`, field: 'NoteRef', message: `note ${g} on selection ${selection.guid} is by ${who}, who coded none of it: not made a memo` });
  }
}

/**
 * A selection's notes that are this coding's memo: those its coder wrote, or nobody said who. A
 * selection several coders coded carries each one's notes (NVivo and ATLAS.ti keep one selection per
 * range): a note goes only with its writer's coding, so the lead's note never becomes a coder's memo.
 */
function notesBy(noteGuids: readonly string[], user: string | null, project: QdpxProject): readonly string[] {
  if (noteGuids.length === 0 || user === null) return noteGuids;
  return noteGuids.filter((g) => {
    const writer = project.extras.noteInfo.get(g)?.user ?? null;
    return writer === null || writer === user;
  });
}

/** The description and the notes' texts, blank ones left out, a blank line between. */
function memoOf(description: string, selectionNotes: readonly string[], codingNotes: readonly string[], notes: ReadonlyMap<string, string>): string {
  // Most codings have neither: no arrays made for them (200,000 in a large project).
  if (selectionNotes.length === 0 && codingNotes.length === 0) return description;
  return [description, ...[...selectionNotes, ...codingNotes].map((g) => notes.get(g) ?? '')].filter((m) => m !== '').join('\n\n');
}

// Selections share few distinct times: each is parsed once.
const isoCache = new Map<string, string | null>();

/** An xsd:dateTime → ISO 8601 UTC, or null. */
export function isoOrNull(value: string | null): string | null {
  if (value === null) return null;
  const cached = isoCache.get(value);
  if (cached !== undefined) return cached;
  if (isoCache.size > 10_000) isoCache.clear();
  const iso = parseIso(value);
  isoCache.set(value, iso);
  return iso;
}

function parseIso(value: string): string | null {
  const time = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

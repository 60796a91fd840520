/**
 * A text with some of its pieces replaced, and the map that carries code-point offsets from the old
 * text to the new one. A position inside a replaced piece moves to the piece's start when it opens
 * a span and to its end when it closes one, so a coding that touched a handle covers its whole
 * alias, and every coding's quote is still the slice of the new text at its new offsets.
 */
import { codePointLength } from '../text/offsets';

/** One piece to replace, by UTF-16 index in the old text (end exclusive). */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** A replaced piece in code points: old [from, to) became new [newFrom, newTo). */
interface Piece {
  from: number;
  to: number;
  newFrom: number;
  newTo: number;
}

export interface Rewritten {
  text: string;
  /** Code point offset in the old text → in the new; `side` says whether it opens or closes a span. */
  map(offset: number, side: 'start' | 'end'): number;
  /** The way back: a new-text offset → the old text (a coder's span on the pseudonymised text → the original). */
  unmap(offset: number, side: 'start' | 'end'): number;
  changed: boolean;
}

/** `replacements` must be sorted by start and not overlap (findPeople's and names' are). */
export function rewriteText(text: string, replacements: readonly Replacement[]): Rewritten {
  if (replacements.length === 0) return { text, map: (offset) => offset, unmap: (offset) => offset, changed: false };
  const out: string[] = [];
  const pieces: Piece[] = [];
  let at = 0; // UTF-16 in the old text
  let oldCp = 0;
  let newCp = 0;
  for (const r of replacements) {
    const before = text.slice(at, r.start);
    const beforeLength = codePointLength(before);
    out.push(before, r.text);
    oldCp += beforeLength;
    newCp += beforeLength;
    const oldLength = codePointLength(text.slice(r.start, r.end));
    const newLength = codePointLength(r.text);
    pieces.push({ from: oldCp, to: oldCp + oldLength, newFrom: newCp, newTo: newCp + newLength });
    oldCp += oldLength;
    newCp += newLength;
    at = r.end;
  }
  out.push(text.slice(at));
  const back = pieces.map((p) => ({ from: p.newFrom, to: p.newTo, newFrom: p.from, newTo: p.to }));
  return { text: out.join(''), map: (offset, side) => mapOffset(pieces, offset, side), unmap: (offset, side) => mapOffset(back, offset, side), changed: true };
}

function mapOffset(pieces: readonly Piece[], offset: number, side: 'start' | 'end'): number {
  // The last piece that starts before the offset decides (binary search: pieces are in order).
  let lo = 0;
  let hi = pieces.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid]!.from < offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (last < 0) return offset;
  const p = pieces[last]!;
  if (offset >= p.to) return offset - p.to + p.newTo;
  return side === 'start' ? p.newFrom : p.newTo;
}

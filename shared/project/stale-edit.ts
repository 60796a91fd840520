/**
 * The one rule for an edit made from a form that loaded a value another tab or window may have
 * changed meanwhile: the form sends `base` (the value it loaded); when the stored value is no
 * longer `base` (and is not already what the form writes), the edit is refused with a Problem
 * that says so and that the user's text is kept, never applied over the other change. Without
 * `base` (the CLI, scripts) the edit applies as before. editCode (codebook.ts) checks per field.
 */
import type { Problem } from '../problem/problem';
import { excerpt } from './operations/excerpt';

/** A form's value: text (a memo, a name, an attribute's typed value), a number, or none. */
export type EditedValue = string | number | null;

export interface StaleEdit {
  /** What is stored now. */
  stored: EditedValue;
  /** What the form loaded; undefined: the caller did not load first (no check). */
  base: EditedValue | undefined;
  /** What the form writes. */
  next: EditedValue;
  record: string;
  field: string;
  /** The thing, as the message starts: "This memo", "The thread's title". */
  what: string;
  /** What of the user's is kept, and where: "your text is kept in the dialog". */
  kept: string;
  /** How to merge: "reopen the memo and merge". */
  merge: string;
}

/** None, empty and blank text are the same "no value"; line endings are normalised; 3 is "3". */
const norm = (v: EditedValue): string => {
  const text = v === null ? '' : String(v);
  return text.trim() === '' ? '' : text.replace(/\r\n?/g, '\n');
};

/** The Problem refusing a stale edit, or null when it may apply. */
export function staleEditProblem(edit: StaleEdit): Problem | null {
  if (edit.base === undefined) return null;
  const stored = norm(edit.stored);
  if (stored === norm(edit.base) || stored === norm(edit.next)) return null;
  const now = stored === '' ? 'it is now empty' : `it now reads “${excerpt(stored)}”`;
  return {
    record: edit.record,
    field: edit.field,
    message: `${edit.what} was changed in another window since you opened it (${now}); ${edit.kept} — copy it, ${edit.merge}`,
  };
}

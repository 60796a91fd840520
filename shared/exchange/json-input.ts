/** Reading untrusted JSON for the annotation readers: parse errors located, values checked by field. */
import { locateJsonError } from '../bundle/json-error-location';
import { duplicateKeyMessage, firstDuplicateKey } from '../util/json-duplicate-keys';
import type { Problem } from '../problem/problem';
import { err, ok, type Result } from '../util/result';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON text (a BOM allowed) as a value, or one problem with the line and column. */
export function parseJson(text: string, file: string): Result<Json, Problem> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return err({ file, message: 'the file is empty' });
  try {
    const value = JSON.parse(body) as Json;
    const duplicate = firstDuplicateKey(body);
    return duplicate === null ? ok(value) : err({ file, line: duplicate.line, message: duplicateKeyMessage(duplicate) });
  } catch (e) {
    const at = locateJsonError(body);
    return err({ file, line: at?.line, message: at ? `not valid JSON: line ${at.line}, column ${at.column}: ${at.message}` : `not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** One value or a list of them as a list (JSON-LD lets any property hold either). */
export const asList = (v: Json | undefined): Json[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

export const optionalString = (v: Json | undefined): string | null => (typeof v === 'string' ? v : null);

/** A value that must be a whole number ≥ 0 when present. */
export function offset(v: Json | undefined, problem: (message: string) => Problem): Result<number | null, Problem> {
  if (v === undefined || v === null) return ok(null);
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return ok(v);
  return err(problem(`must be a whole number ≥ 0, got ${JSON.stringify(v)}`));
}

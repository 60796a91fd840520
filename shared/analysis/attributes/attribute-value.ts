/**
 * An attribute value by type: numbers are stored as numbers, dates as "YYYY-MM-DD", text as text.
 * `parseAttributeValue` reads what a researcher typed or a CSV cell held; an empty cell means "no
 * value" (null), never an empty value.
 */
import type { AttributeType } from '../../model/records';
import { derivedId } from '../../util/derived-id';
import { err, ok, type Result } from '../../util/result';

/** One value per attribute and case: setting it again finds the same record. */
export const attributeValueId = (attributeId: string, subject: string): string => derivedId('attribute-value', attributeId, subject);

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Why a stored value does not fit its attribute's type, or undefined when it does. */
export function attributeValueProblem(type: AttributeType, value: string | number): string | undefined {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value) ? undefined : `expected a number, got ${JSON.stringify(value)}`;
  if (typeof value !== 'string') return `expected ${type === 'date' ? 'a date' : 'text'}, got the number ${value}`;
  if (value === '') return 'must not be empty (no value is no record)';
  if (type === 'date' && !isRealDate(value)) return `expected a date written YYYY-MM-DD, got ${JSON.stringify(value)}`;
  return undefined;
}

/** Typed text → the value to store, null for an empty cell, or a message saying what was expected. */
export function parseAttributeValue(type: AttributeType, text: string): Result<string | number | null, string> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  if (type === 'number') {
    if (!NUMBER.test(trimmed)) return err(`expected a number such as 42 or 3.5, got ${JSON.stringify(trimmed)}`);
    const n = Number(trimmed);
    return Number.isFinite(n) ? ok(n) : err(`the number ${JSON.stringify(trimmed)} is too large`);
  }
  if (type === 'date') return isRealDate(trimmed) ? ok(trimmed) : err(`expected a date written YYYY-MM-DD, got ${JSON.stringify(trimmed)}`);
  return ok(trimmed);
}

/** A value as a CSV cell or table cell shows it. */
export function formatAttributeValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? String(value) : value;
}

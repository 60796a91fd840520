/** Turns zod issues into BundleProblems worded for researchers rather than for programmers. */
import type * as z from 'zod';

import { BUNDLE_FORMAT_VERSION } from './bundle';
import type { Problem } from '../problem/problem';

/** Per-parse error map: says "missing" for absent fields and names types in plain words. */
export function issueMessage(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code === 'invalid_type') {
    const expected = noun(String(iss.expected));
    return iss.input === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${describeValue(iss.input)}`;
  }
  if (iss.code === 'invalid_value') {
    return `expected one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(iss.input)}`;
  }
  return undefined;
}

/** Schema-level messages that still let a missing field be reported as missing. */
export const unlessMissing =
  (message: string) =>
  (iss: { input?: unknown }): string | undefined =>
    iss.input === undefined ? undefined : message;

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], record: string, fieldPrefix: string[] = []): Problem[] {
  return issues.flatMap((iss) => {
    const path = [...fieldPrefix, ...iss.path.map(String)];
    if (iss.code === 'unrecognized_keys') {
      return iss.keys.map((key) => ({ record, field: [...path, key].join('.'), message: `unknown field (not part of bundle format version ${BUNDLE_FORMAT_VERSION})` }));
    }
    const problem: Problem = { record, message: iss.message };
    if (path.length > 0) problem.field = path.join('.');
    return [problem];
  });
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `a string ${JSON.stringify(`${value.slice(0, 40)}…`)}` : JSON.stringify(value);
  if (value === undefined) return 'nothing';
  return String(value);
}

function noun(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'record':
      return 'an object';
    case 'array':
      return 'an array';
    default:
      return expected;
  }
}

/**
 * Whether an unknown value (an Analysis request from another tab, a JSON file) is a SegmentQuery
 * in shape: ids are strings, lists are string arrays, a combination has a known kind. Whether its
 * codes exist is for `selectSegments` to say.
 */
import { SEGMENT_COMBINATION_KINDS, type SegmentQuery } from './segment-query';

const isStrings = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
const isText = (v: unknown): boolean => v === undefined || typeof v === 'string';

export function isSegmentQuery(value: unknown): value is SegmentQuery {
  if (typeof value !== 'object' || value === null) return false;
  const q = value as Record<string, unknown>;
  if (typeof q.codeId !== 'string' || typeof q.includeSubcodes !== 'boolean') return false;
  if (!['coderIds', 'threadIds', 'authors', 'platforms'].every((k) => isStrings(q[k]))) return false;
  if (!['from', 'to', 'month'].every((k) => isText(q[k]))) return false;
  if (q.attributes !== undefined && !(Array.isArray(q.attributes) && q.attributes.every(isAttributeCondition))) return false;
  const c = q.combine as Record<string, unknown> | undefined;
  if (c === undefined) return true;
  if (typeof c !== 'object' || c === null) return false;
  if (!SEGMENT_COMBINATION_KINDS.includes(c.kind as never) || typeof c.codeId !== 'string' || typeof c.includeSubcodes !== 'boolean') return false;
  return c.kind !== 'near' || typeof c.within === 'number';
}

function isAttributeCondition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return (a.scope === 'author' || a.scope === 'thread') && typeof a.name === 'string' && Array.isArray(a.values) && a.values.every((v) => typeof v === 'string');
}

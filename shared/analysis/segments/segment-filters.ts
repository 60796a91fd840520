/**
 * The query's filters, checked once and turned into predicates. Coder and thread are properties of
 * a coding (tested before any post is read); author, platform and time need the post.
 * A time filter that cannot be read is a Problem naming its field.
 */
import type { Coding, Post } from '../../model/records';
import type { Problem } from '../../problem/problem';
import { err, ok, type Result } from '../../util/result';
import type { SegmentQuery } from './segment-query';

export interface SegmentFilters {
  /** Coder and thread: what a coding says about itself; null when neither is set. */
  coding: ((c: Coding) => boolean) | null;
  /** Author, platform, time; null when none is set (no post needs to be read for them). */
  post: ((p: Post | undefined) => boolean) | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

export function segmentFilters(query: SegmentQuery): Result<SegmentFilters, Problem> {
  const from = query.from === undefined || query.from === '' ? null : parseTime(query.from, 'from');
  const to = query.to === undefined || query.to === '' ? null : parseTime(query.to, 'to');
  if (from && !from.ok) return from;
  if (to && !to.ok) return to;
  if (query.month !== undefined && query.month !== '' && !MONTH.test(query.month)) {
    return err({ field: 'month', message: `"${query.month}" is not a month (YYYY-MM, e.g. 2025-03)` });
  }
  const fromMs = from?.value.start ?? null;
  // A day as `to` includes the whole day.
  const toMs = to ? (to.value.day ? to.value.start + DAY_MS : to.value.start + 1) : null;
  const month = query.month === '' ? undefined : query.month;

  const coders = setOf(query.coderIds);
  const threads = setOf(query.threadIds);
  const authors = setOf(query.authors);
  const platforms = setOf(query.platforms);
  const timed = fromMs !== null || toMs !== null || month !== undefined;

  const coding = coders === null && threads === null ? null : (c: Coding): boolean => (coders === null || coders.has(c.coderId)) && (threads === null || threads.has(c.threadId));
  const post =
    authors === null && platforms === null && !timed
      ? null
      : (p: Post | undefined): boolean => {
          if (!p) return false;
          if (authors !== null && !authors.has(p.author)) return false;
          if (platforms !== null && !platforms.has(p.platform)) return false;
          if (!timed) return true;
          const at = p.createdAt === null ? NaN : Date.parse(p.createdAt);
          if (Number.isNaN(at)) return false;
          if (fromMs !== null && at < fromMs) return false;
          if (toMs !== null && at >= toMs) return false;
          return month === undefined || new Date(at).toISOString().slice(0, 7) === month;
        };
  return ok({ coding, post });
}

/** A day (its start, UTC) or a time with its zone → milliseconds. */
function parseTime(value: string, field: 'from' | 'to'): Result<{ start: number; day: boolean }, Problem> {
  const day = DAY.test(value);
  const ms = day ? Date.parse(`${value}T00:00:00Z`) : /[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) return err({ field, message: `"${value}" is neither a date (2025-03-12) nor a time with its zone (2025-03-12T09:30:00Z)` });
  return ok({ start: ms, day });
}

const setOf = (values: readonly string[] | undefined): Set<string> | null => (values && values.length > 0 ? new Set(values) : null);

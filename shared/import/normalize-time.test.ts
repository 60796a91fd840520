import { describe, expect, it } from 'vitest';

import { normalizeTime } from './normalize-time';

const iso = (v: unknown): string | null => {
  const r = normalizeTime(v);
  return r.ok ? r.value : null;
};
const reason = (v: unknown): string => {
  const r = normalizeTime(v);
  return r.ok ? '' : r.error;
};

describe('normalizeTime', () => {
  it('reads epoch seconds as numbers, floats and numeric strings (Reddit, Pushshift)', () => {
    expect(iso(1439797480)).toBe('2015-08-17T07:44:40.000Z');
    expect(iso(1439797480.0)).toBe('2015-08-17T07:44:40.000Z');
    expect(iso(1600000250.5)).toBe('2020-09-13T12:30:50.500Z');
    expect(iso('1439797480')).toBe('2015-08-17T07:44:40.000Z');
    expect(iso(' 1439797480.0 ')).toBe('2015-08-17T07:44:40.000Z');
  });

  it('reads epoch milliseconds', () => {
    expect(iso(1439797480123)).toBe('2015-08-17T07:44:40.123Z');
    expect(iso('1439797480123')).toBe('2015-08-17T07:44:40.123Z');
  });

  it('reads ISO 8601 with Z, offsets and fractions', () => {
    expect(iso('2022-11-08T10:21:03.000Z')).toBe('2022-11-08T10:21:03.000Z');
    expect(iso('2022-11-08T10:21:03Z')).toBe('2022-11-08T10:21:03.000Z');
    expect(iso('2022-11-08T12:21:03+02:00')).toBe('2022-11-08T10:21:03.000Z');
    expect(iso('2022-11-08T05:21:03-0500')).toBe('2022-11-08T10:21:03.000Z');
    expect(iso('2022-11-08T12:21:03+02')).toBe('2022-11-08T10:21:03.000Z');
    expect(iso('2023-02-01T00:30:00+01:00')).toBe('2023-01-31T23:30:00.000Z');
    // Bluesky writes microseconds: kept to the millisecond.
    expect(iso('2024-01-02T03:04:05.123456Z')).toBe('2024-01-02T03:04:05.123Z');
    expect(iso('2024-01-02')).toBe('2024-01-02T00:00:00.000Z');
  });

  it('reads Twitter v1.1 created_at', () => {
    expect(iso('Sat Aug 12 16:10:37 +0000 2023')).toBe('2023-08-12T16:10:37.000Z');
    expect(iso('Sat Aug 12 18:10:37 +0200 2023')).toBe('2023-08-12T16:10:37.000Z');
  });

  it('reads 4CAT "YYYY-MM-DD HH:MM:SS" as UTC, whatever the machine zone', () => {
    expect(iso('2023-08-12 16:10:37')).toBe('2023-08-12T16:10:37.000Z');
  });

  it('gives a reason for junk instead of guessing', () => {
    expect(reason('yesterday')).toContain('not a time');
    expect(reason('')).toContain('empty');
    expect(reason(null)).toContain('null');
    expect(reason({})).toContain('object');
    expect(reason(0)).toContain('not a plausible time');
    expect(reason(-5)).toContain('not a plausible time');
    expect(reason(Number.NaN)).toContain('finite');
    expect(reason('2023-02-30T00:00:00Z')).toContain('day 30');
    expect(reason('2023-13-01')).toContain('month 13');
    expect(reason('2023-01-01T25:00:00Z')).toContain('not a time of day');
    expect(reason('2023-01-01T10:00:00+25:00')).toContain('offset');
    expect(reason('Sat Foo 12 16:10:37 +0000 2023')).toContain('month');
    expect(reason(1e20)).toContain('9999');
    expect(reason('12/08/2023')).toContain('not a time');
    expect(reason('20230812')).toContain('before 1973');
  });

  it('keeps a leap second in order as the last millisecond of its minute', () => {
    expect(iso('2016-12-31T23:59:60Z')).toBe('2016-12-31T23:59:59.999Z');
  });
});

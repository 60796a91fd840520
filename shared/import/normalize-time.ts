/**
 * Every time a source gives → ISO 8601 UTC (`2023-08-12T16:10:37.000Z`, always milliseconds, so
 * stored times compare as strings and pass the bundle's time check). Forms seen in the exports
 * (docs/thread-formats.md, "Times"): epoch seconds (Reddit, possibly fractional, possibly a
 * string), epoch milliseconds, ISO 8601 with `Z` or an offset, Twitter v1.1 `Sat Aug 12 16:10:37
 * +0000 2023`, and 4CAT `YYYY-MM-DD HH:MM:SS`. A time without a zone is read as UTC: 4CAT and the
 * other collection tools write UTC, and reading it as local time would make an import depend on the
 * machine's zone. Anything else is refused with a reason rather than guessed; Date.parse is never
 * used because it accepts many forms differently per engine.
 */
import { err, ok, type Result } from '../util/result';

/** Epoch values at or above this are milliseconds: 1e11 s is the year 5138, 1e11 ms is 1973. */
const MS_THRESHOLD = 1e11;
/**
 * 1e8 s is March 1973, long before any platform these files come from. Smaller numbers are more
 * likely something else, such as a date written without separators (`20230812`).
 */
const MIN_EPOCH_SECONDS = 1e8;
/** 9999-12-31T23:59:59.999Z: ISO 8601 without an expanded year stops here. */
const MAX_MS = 253402300799999;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const NUMERIC = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const TWITTER = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-]\d{4}) (\d{4})$/;

/** An ISO 8601 UTC string, or the reason the value is not a time. */
export function normalizeTime(value: unknown): Result<string, string> {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return err(`expected a time, found ${value === null ? 'null' : typeof value}`);
  const s = value.trim();
  if (s === '') return err('empty time');
  if (NUMERIC.test(s)) return fromEpoch(Number(s));
  const iso = ISO.exec(s);
  if (iso) return fromIso(iso);
  const tw = TWITTER.exec(s);
  if (tw) return fromTwitter(tw);
  return err(`not a time this importer reads: ${JSON.stringify(s.slice(0, 40))}`);
}

function fromEpoch(n: number): Result<string, string> {
  if (!Number.isFinite(n)) return err('not a finite number');
  // 0 is what exports write when a time is missing; a negative epoch never occurs in these sources.
  if (n <= 0) return err(`${n} is not a plausible time (epoch 0 or before)`);
  if (n < MIN_EPOCH_SECONDS) return err(`${n} is not a plausible time (as epoch seconds it is before 1973)`);
  const ms = n >= MS_THRESHOLD ? n : n * 1000;
  if (ms > MAX_MS) return err(`${n} is beyond the year 9999`);
  return ok(new Date(Math.floor(ms)).toISOString());
}

function fromIso(m: RegExpExecArray): Result<string, string> {
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', zone = 'Z'] = m;
  const fields = { year: Number(y), month: Number(mo), day: Number(d), hour: Number(h), minute: Number(mi), second: Number(sec) };
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const offset = zoneMinutes(zone);
  if (offset === null) return err(`bad time zone offset ${JSON.stringify(zone)}`);
  return build(fields, ms, offset);
}

function fromTwitter(m: RegExpExecArray): Result<string, string> {
  const [, mon, d, h, mi, sec, zone, y] = m as unknown as [string, string, string, string, string, string, string, string];
  const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
  if (month === 0) return err(`unknown month ${JSON.stringify(mon)}`);
  const offset = zoneMinutes(zone);
  if (offset === null) return err(`bad time zone offset ${JSON.stringify(zone)}`);
  return build({ year: Number(y), month, day: Number(d), hour: Number(h), minute: Number(mi), second: Number(sec) }, 0, offset);
}

/** Minutes east of UTC for `Z`, `+02`, `+0200` or `+02:00`; null when out of range. */
function zoneMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function build(f: Fields, ms: number, offsetMinutes: number): Result<string, string> {
  if (f.month < 1 || f.month > 12) return err(`month ${f.month} does not exist`);
  const daysInMonth = new Date(Date.UTC(f.year, f.month, 0)).getUTCDate();
  if (f.day < 1 || f.day > daysInMonth) return err(`day ${f.day} does not exist in ${f.year}-${String(f.month).padStart(2, '0')}`);
  if (f.hour > 23 || f.minute > 59) return err(`${f.hour}:${f.minute} is not a time of day`);
  // A leap second (:60) is stored as the last millisecond of its minute, keeping the order of posts.
  const leap = f.second === 60;
  if (f.second > 60) return err(`second ${f.second} does not exist`);
  const utc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, leap ? 59 : f.second, leap ? 999 : ms) - offsetMinutes * 60_000;
  // Date.UTC maps years 0–99 to 1900–1999; those years never occur in these sources.
  if (f.year < 1000) return err(`year ${f.year} is not a plausible time`);
  if (utc > MAX_MS || utc < Date.UTC(1000, 0, 1)) return err('outside the years 1000–9999');
  return ok(new Date(utc).toISOString());
}

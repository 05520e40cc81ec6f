/**
 * Wall-clock arithmetic in a market's IANA time zone using only Intl.DateTimeFormat,
 * so that delivery days and gas days follow each zone's daylight-saving rules.
 */

/** A calendar date as a market names it (month 1–12). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 50_000;

function offsetFromIntl(timeZone: string, utcMs: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(
    fields.year ?? NaN,
    (fields.month ?? NaN) - 1,
    fields.day ?? NaN,
    fields.hour ?? NaN,
    fields.minute ?? NaN,
    fields.second ?? NaN,
  );
  return Math.round((wallAsUtc - utcMs) / MINUTE_MS);
}

/**
 * Offset of local time from UTC in minutes at an instant (Berlin winter: +60).
 * Every zone in use changes offset on a UTC quarter-hour and at most once a UTC day,
 * so a day whose start and end share an offset has it throughout, and the answer is
 * remembered per day, or per quarter-hour on the day of a change: asking Intl is the
 * slow part of the simulator.
 */
export function utcOffsetMinutes(timeZone: string, utcMs: number): number {
  if (!Number.isFinite(utcMs)) return NaN;
  const day = Math.floor(utcMs / DAY_MS);
  const dayStart = offsetAtBucket(timeZone, (day * DAY_MS) / QUARTER_HOUR_MS);
  const nextDay = offsetAtBucket(timeZone, ((day + 1) * DAY_MS) / QUARTER_HOUR_MS);
  if (dayStart === nextDay) return dayStart;
  return offsetAtBucket(timeZone, Math.floor(utcMs / QUARTER_HOUR_MS));
}

function offsetAtBucket(timeZone: string, bucket: number): number {
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache) {
    zoneCache = new Map();
    offsetCache.set(timeZone, zoneCache);
  }
  let offset = zoneCache.get(bucket);
  if (offset === undefined) {
    offset = offsetFromIntl(timeZone, bucket * QUARTER_HOUR_MS);
    if (zoneCache.size >= OFFSET_CACHE_LIMIT) zoneCache.clear();
    zoneCache.set(bucket, offset);
  }
  return offset;
}

/** Local wall-clock fields of a UTC instant in the given zone. */
export function toLocal(timeZone: string, utcMs: number): LocalDateTime {
  const wall = new Date(utcMs + utcOffsetMinutes(timeZone, utcMs) * MINUTE_MS);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: wall.getUTCDay(),
  };
}

/**
 * The UTC instant of a local wall-clock time, resolved like Temporal's "compatible"
 * rule: a wall time repeated by the autumn change maps to its first occurrence
 * (a delivery day starts at the first 00:00), and a wall time skipped in spring is
 * pushed forward by the length of the gap.
 */
export function localToUtc(timeZone: string, date: LocalDate, hour = 0, minute = 0): number {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const offsetBefore = utcOffsetMinutes(timeZone, wallAsUtc - DAY_MS);
  const offsetAfter = utcOffsetMinutes(timeZone, wallAsUtc + DAY_MS);
  const valid = [offsetBefore, offsetAfter]
    .map((offset) => ({ offset, instant: wallAsUtc - offset * MINUTE_MS }))
    .filter(({ offset, instant }) => utcOffsetMinutes(timeZone, instant) === offset)
    .map(({ instant }) => instant);
  if (valid.length > 0) return Math.min(...valid);
  return wallAsUtc - offsetBefore * MINUTE_MS;
}

/** Calendar arithmetic on local dates, independent of any zone. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1 + months, 1));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: date.day };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** Parses `YYYY-MM-DD`; returns null for anything else, including 2026-02-30. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatLocalDate(addDays(date, 0)) === text ? date : null;
}

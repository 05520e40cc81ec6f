import { TickMarkType, type Time, type UTCTimestamp } from 'lightweight-charts';

/**
 * Times on the Markets page are shown in the instrument's own zone, because a
 * trader reads "hour 18 in Berlin", not the viewer's wall clock. Charts keep
 * true UTC timestamps (shifting them would give two identical times on the
 * 25-hour day), and only their labels are formatted in the market's zone.
 */

const locale = 'en-GB';
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
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
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const c = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant the market's local day containing `instantMs` began (local midnight). */
export function startOfMarketDay(instantMs: number, timeZone: string): number {
  const c = wallClock(instantMs, timeZone);
  const midnightAsUtc = Date.UTC(c.year, c.month - 1, c.day);
  // The offset at midnight can differ from the offset now on a daylight-saving day.
  let guess = midnightAsUtc - zoneOffsetMs(instantMs, timeZone);
  guess = midnightAsUtc - zoneOffsetMs(guess, timeZone);
  return guess;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, hourCycle: 'h23', ...options });
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

/** A quote's time with seconds and the zone's abbreviation, e.g. `29 Mar 2026, 03:00:05 CEST`. */
export function formatMarketTime(instant: string | number, timeZone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return String(instant);
  return displayFormatter(timeZone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** The crosshair label of a chart point, in the market's zone. */
export function formatChartInstant(instantMs: number, timeZone: string): string {
  return displayFormatter(timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instantMs));
}

/** An axis label: the date where a new day (month, year) starts, otherwise the local time. */
export function formatTickMark(instantMs: number, type: TickMarkType, timeZone: string): string {
  const date = new Date(instantMs);
  switch (type) {
    case TickMarkType.Year:
      return displayFormatter(timeZone, { year: 'numeric' }).format(date);
    case TickMarkType.Month:
      return displayFormatter(timeZone, { month: 'short', year: '2-digit' }).format(date);
    case TickMarkType.DayOfMonth:
      return displayFormatter(timeZone, { day: 'numeric', month: 'short' }).format(date);
    case TickMarkType.Time:
      return displayFormatter(timeZone, { hour: '2-digit', minute: '2-digit' }).format(date);
    case TickMarkType.TimeWithSeconds:
      return displayFormatter(timeZone, {
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }).format(date);
  }
}

/** Chart times are UTC seconds here; the other forms of `Time` are handled for completeness. */
export function chartTimeToMs(time: Time): number {
  if (typeof time === 'number') return time * 1000;
  if (typeof time === 'string') return new Date(time).getTime();
  return Date.UTC(time.year, time.month - 1, time.day);
}

export function toChartTime(instant: string | number): UTCTimestamp {
  return Math.floor(new Date(instant).getTime() / 1000) as UTCTimestamp;
}

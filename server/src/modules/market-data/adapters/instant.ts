/**
 * Timestamps from files and APIs. A market time without an offset is ambiguous
 * twice a year, so the documented formats require one; `parseNaiveUtc` is only
 * for sources that are known to be UTC or that we import as-is.
 */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/;
const NAIVE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2}))?)?)?$/;

/** UTC ms of an ISO-8601 time with `Z` or an offset; NaN for anything else. */
export function parseInstant(text: string): number {
  const match = ISO_WITH_OFFSET.exec(text.trim());
  if (!match) return NaN;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone = 'Z'] = match;
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    fraction ? Math.round(Number(fraction) * 1000) : 0,
  );
  if (!sameFields(wall, Number(year), Number(month), Number(day), Number(hour), Number(minute)))
    return NaN;
  if (zone === 'Z') return wall;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return wall - sign * offsetMinutes * 60_000;
}

/** UTC ms of `YYYY-MM-DD[ HH[:MM[:SS]]]` read as UTC wall time; NaN for anything else. */
export function parseNaiveUtc(text: string): number {
  const match = NAIVE.exec(text.trim());
  if (!match) return NaN;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const wall = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  );
  return sameFields(wall, Number(year), Number(month), Number(day), Number(hour), Number(minute))
    ? wall
    : NaN;
}

/** Rejects 2026-02-30 and 25:00, which Date.UTC would silently roll over. */
function sameFields(
  ms: number,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): boolean {
  const date = new Date(ms);
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute
  );
}

import type { Tick } from './tick.js';

export const HOUR_MS = 3_600_000;

/** A run of whole UTC hours of one instrument, [from, to) in epoch ms. */
export interface HourRange {
  instrumentId: string;
  from: number;
  to: number;
}

/**
 * The whole hours a batch of ticks falls in, per instrument, with adjacent hours joined:
 * the rows an hourly re-aggregation must read. A contiguous batch becomes one range per
 * instrument, so it is one index range scan however many ticks it holds.
 */
export function touchedHourRanges(
  ticks: readonly Pick<Tick, 'instrumentId' | 'time'>[],
): HourRange[] {
  const hours = new Map<string, Set<number>>();
  for (const t of ticks) {
    let set = hours.get(t.instrumentId);
    if (!set) hours.set(t.instrumentId, (set = new Set()));
    set.add(Math.floor(t.time / HOUR_MS) * HOUR_MS);
  }
  const ranges: HourRange[] = [];
  for (const [instrumentId, set] of [...hours].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let current: HourRange | undefined;
    for (const hour of [...set].sort((a, b) => a - b)) {
      if (current && current.to === hour) current.to = hour + HOUR_MS;
      else ranges.push((current = { instrumentId, from: hour, to: hour + HOUR_MS }));
    }
  }
  return ranges;
}

/**
 * Splits [from, to) into the whole hours inside it and the partial hours at its edges.
 * `whole` is null when no whole hour fits.
 */
export function splitAtHours(
  from: number,
  to: number,
): {
  head: [number, number] | null;
  whole: [number, number] | null;
  tail: [number, number] | null;
} {
  const firstHour = Math.ceil(from / HOUR_MS) * HOUR_MS;
  const lastHour = Math.floor(to / HOUR_MS) * HOUR_MS;
  if (firstHour >= lastHour)
    return { head: null, whole: null, tail: from < to ? [from, to] : null };
  return {
    head: from < firstHour ? [from, firstHour] : null,
    whole: [firstHour, lastHour],
    tail: lastHour < to ? [lastHour, to] : null,
  };
}

import type { Instrument } from './instrument.js';

/**
 * Conversion between the currencies instruments are quoted in. The catalogue quotes FX
 * pairs against the euro (units of the quote currency per one euro); any other pair is
 * crossed through the euro, and a pair asked the other way round is the inverse. Every
 * catalogue price is in major units (NBP in pounds per therm, not pence), so converting a
 * price is one multiplication.
 */

/** The currency every catalogue pair is quoted against, and crosses go through. */
export const FX_PIVOT = 'EUR';

/** An FX instrument of the catalogue: its price is units of `quote` per one unit of `base`. */
export interface FxPair {
  instrumentId: string;
  base: string;
  quote: string;
}

/** A pair's rate at some moment. */
export interface FxQuote {
  base: string;
  quote: string;
  rate: number;
}

/** A price or rate at an instant (epoch ms), e.g. an hourly close. */
export interface TimedValue {
  time: number;
  close: number;
}

/** The FX pairs of a catalogue: FX instruments are priced in their currency per one unit of their unit. */
export function fxPairsOf(instruments: readonly Instrument[]): FxPair[] {
  return instruments
    .filter((i) => i.commodity === 'fx')
    .map((i) => ({ instrumentId: i.id, base: i.unit, quote: i.currency }));
}

const usable = (rate: number): boolean => Number.isFinite(rate) && rate > 0;

/** Units of `to` per one unit of `from` from the quotes of one pair: direct, inverse or none. */
function direct(quotes: readonly FxQuote[], from: string, to: string): number | null {
  for (const q of quotes) {
    if (!usable(q.rate)) continue;
    if (q.base === from && q.quote === to) return q.rate;
    if (q.base === to && q.quote === from) return 1 / q.rate;
  }
  return null;
}

/**
 * Units of `to` per one unit of `from`: 1 for the same currency, a quoted pair or its
 * inverse, else the cross through the euro; null when the quotes cannot make it.
 */
export function conversionRate(
  quotes: readonly FxQuote[],
  from: string,
  to: string,
): number | null {
  if (from === to) return 1;
  const quoted = direct(quotes, from, to);
  if (quoted !== null) return quoted;
  const fromPivot = from === FX_PIVOT ? 1 : direct(quotes, FX_PIVOT, from);
  const toPivot = to === FX_PIVOT ? 1 : direct(quotes, FX_PIVOT, to);
  return fromPivot === null || toPivot === null ? null : toPivot / fromPivot;
}

/**
 * The pairs a conversion reads: the direct pair when the catalogue quotes one, else the
 * pivot pair of each side that is not the pivot. Null when the catalogue lacks one.
 */
export function pairsFor(pairs: readonly FxPair[], from: string, to: string): FxPair[] | null {
  if (from === to) return [];
  const find = (a: string, b: string) =>
    pairs.find((p) => (p.base === a && p.quote === b) || (p.base === b && p.quote === a));
  const quoted = find(from, to);
  if (quoted) return [quoted];
  const legs = [from, to].filter((c) => c !== FX_PIVOT).map((c) => find(FX_PIVOT, c));
  return legs.every((p) => p !== undefined) ? legs : null;
}

/**
 * The conversion rate over time from each pair's closes: at every instant some pair
 * closed, the rate from the latest close of each pair at or before it (a pair that did
 * not print that hour carries its last close forward). Instants before every pair has
 * closed have no rate and are left out.
 */
export function conversionSeries(
  closes: readonly { pair: FxPair; closes: readonly TimedValue[] }[],
  from: string,
  to: string,
): TimedValue[] {
  if (from === to) return [];
  const events = closes
    .flatMap((series, k) =>
      series.closes.map((c) => ({ k, pair: series.pair, time: c.time, rate: c.close })),
    )
    .sort((a, b) => a.time - b.time);
  const latest = new Map<number, FxQuote>();
  const out: TimedValue[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    latest.set(e.k, { base: e.pair.base, quote: e.pair.quote, rate: e.rate });
    if (events[i + 1]?.time === e.time) continue;
    const rate = conversionRate([...latest.values()], from, to);
    if (rate !== null) out.push({ time: e.time, close: rate });
  }
  return out;
}

/**
 * Prices converted at the rate in force when each was observed: a price times the latest
 * rate at or before its instant (so an hourly close meets that hour's FX close). Prices
 * older than the first rate cannot be converted and are left out. Both series oldest first.
 */
export function convertSeries(
  prices: readonly TimedValue[],
  rates: readonly TimedValue[],
): TimedValue[] {
  const out: TimedValue[] = [];
  let k = -1;
  for (const p of prices) {
    while (k + 1 < rates.length && rates[k + 1]!.time <= p.time) k++;
    if (k >= 0) out.push({ time: p.time, close: p.close * rates[k]!.close });
  }
  return out;
}

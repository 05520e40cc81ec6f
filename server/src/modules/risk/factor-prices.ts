import { convertSeries, standardCatalogue } from '../market-data/index.js';
import {
  dailyMovesFromDaily,
  dailyMovesFromHourly,
  MIN_DAILY_SCENARIOS,
  type FactorHistory,
} from './factor-history.js';
import type { HourlyClose, PriceHistory } from './price-history.js';
import type { ProgressReport } from './service-var.js';

/** How far back VaR reads hourly closes when there is no year of daily ones: a month is 720 hourly moves. */
export const LOOKBACK_DAYS = 30;
/** How far back VaR looks for daily closes: a year and a few days, for 250 and more daily moves. */
export const DAILY_LOOKBACK_DAYS = 370;
const DAY_MS = 86_400_000;

const window = (now: number) => ({
  from: new Date(now - DAILY_LOOKBACK_DAYS * DAY_MS),
  to: new Date(now),
});

/**
 * Daily moves when every factor has a year of daily closes, else hourly moves of the
 * last month scaled to a day.
 */
function movesFrom(closes: ReadonlyMap<string, HourlyClose[]>, now: number): FactorHistory {
  const daily = dailyMovesFromDaily(closes);
  if (daily.factors.length === closes.size && daily.moves.rows >= MIN_DAILY_SCENARIOS) return daily;
  const recent = now - LOOKBACK_DAYS * DAY_MS;
  return dailyMovesFromHourly(
    new Map([...closes].map(([id, series]) => [id, series.filter((c) => c.time >= recent)])),
  );
}

/** Hourly closes of every instrument over the lookback window ending now, each in its own currency. */
export async function historyOf(
  prices: PriceHistory,
  instrumentIds: readonly string[],
  now: number,
  report?: ProgressReport,
): Promise<FactorHistory> {
  const { from, to } = window(now);
  const closes = new Map<string, HourlyClose[]>();
  for (const id of instrumentIds) {
    closes.set(id, await prices.hourlyCloses(id, from, to));
    await report?.({ stage: 'prices', done: closes.size, total: instrumentIds.length });
  }
  return movesFrom(closes, now);
}

/** The currency an instrument is quoted in. */
export const currencyOf = (instrumentId: string): string | undefined =>
  standardCatalogue.find(instrumentId)?.currency;

/** The rate of a series in force at an instant: its latest close at or before it. */
function rateAt(rates: readonly HourlyClose[], time: number): number | null {
  let found: number | null = null;
  for (const r of rates) {
    if (r.time > time) break;
    found = r.close;
  }
  return found;
}

export interface ConvertedCloses {
  closes: HourlyClose[];
  /** Units of the reporting currency per unit of the instrument's currency at its last close. */
  lastRate: number | null;
  /** Why the closes could not be converted, when they could not. */
  unconvertible?: string;
}

/**
 * Hourly closes in a reporting currency: each close of an instrument quoted in another
 * currency times the FX close of the same hour (or the last before it), so a factor moves
 * with its FX rate as well as its price: a USD future on a EUR desk loses when the dollar
 * falls even if its price stands still. FX series are read once per currency.
 */
export function reportingCloses(prices: PriceHistory, currency: string) {
  const fx = new Map<string, Promise<HourlyClose[]>>();
  const ratesOf = (own: string, from: Date, to: Date) => {
    const key = `${own}\n${from.getTime()}\n${to.getTime()}`;
    let found = fx.get(key);
    if (!found) fx.set(key, (found = prices.hourlyFxCloses(own, currency, from, to)));
    return found;
  };
  return async (instrumentId: string, from: Date, to: Date): Promise<ConvertedCloses> => {
    const native = await prices.hourlyCloses(instrumentId, from, to);
    const own = currencyOf(instrumentId) ?? currency;
    if (own === currency || native.length === 0) return { closes: native, lastRate: 1 };
    const rates = await ratesOf(own, from, to);
    const closes = convertSeries(native, rates);
    const last = closes.at(-1);
    if (!last)
      return {
        closes,
        lastRate: null,
        unconvertible: `no ${own}/${currency} FX rate to convert its prices into ${currency}`,
      };
    return { closes, lastRate: rateAt(rates, last.time) };
  };
}

/** Factor history in the reporting currency, and the FX rate each factor's last close was converted at. */
export interface ReportingHistory {
  history: FactorHistory;
  fxAtLastClose: Map<string, number>;
}

/**
 * Hourly closes of every instrument over the lookback window, in the reporting currency.
 * Instruments with prices but no FX rate to convert them are named in `missing`, so their
 * positions are left out of the figures and said so rather than added at the wrong scale.
 */
export async function reportingHistoryOf(
  prices: PriceHistory,
  currency: string,
  instrumentIds: readonly string[],
  now: number,
  report?: ProgressReport,
): Promise<ReportingHistory> {
  const { from, to } = window(now);
  const closesOf = reportingCloses(prices, currency);
  const closes = new Map<string, HourlyClose[]>();
  const fxAtLastClose = new Map<string, number>();
  const unconverted: FactorHistory['missing'] = [];
  let done = 0;
  for (const id of instrumentIds) {
    const converted = await closesOf(id, from, to);
    if (converted.unconvertible)
      unconverted.push({ instrumentId: id, reason: converted.unconvertible });
    else closes.set(id, converted.closes);
    if (converted.lastRate !== null) fxAtLastClose.set(id, converted.lastRate);
    await report?.({ stage: 'prices', done: ++done, total: instrumentIds.length });
  }
  const history = movesFrom(closes, now);
  return { history: { ...history, missing: [...history.missing, ...unconverted] }, fxAtLastClose };
}

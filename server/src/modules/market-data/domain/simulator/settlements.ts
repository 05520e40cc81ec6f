import type { DeliveryInterval } from '../delivery-period.js';
import { deliveryDateOf, termPeriod } from '../delivery-period.js';
import type { Instrument, Venue } from '../instrument.js';
import { roundToTicks, ticksToPrice } from '../scaling.js';
import type { SettlementPrice } from '../tick.js';
import { addMonths, formatLocalDate, localToUtc, weekdayOf, type LocalDate } from '../time-zone.js';
import type { FxSeries } from './fx-rates.js';
import type { FuelSeries } from './markets.js';
import { forwardPrice } from './forward.js';
import { frontContract } from './pricing.js';

/**
 * Daily settlement of the simulated futures, as an exchange publishes it: once per
 * trading day (Monday to Friday), at the venue's settlement time, one price per
 * instrument and delivery window, rounded to the tick. Venues settle at the end of
 * their settlement window: EEX power and EUAs after the 17:00–17:30 Berlin window,
 * ICE Endex TTF at 16:30 Amsterdam, ICE Brent, NBP and UKAs at 19:30 London, NYMEX at
 * 14:30 New York, IFAD Murban at 16:30 Dubai.
 */
export const SETTLEMENT_TIMES: Partial<
  Record<Venue, { timeZone: string; hour: number; minute: number }>
> = {
  EEX: { timeZone: 'Europe/Berlin', hour: 17, minute: 30 },
  'ICE Endex': { timeZone: 'Europe/Amsterdam', hour: 16, minute: 30 },
  ICE: { timeZone: 'Europe/London', hour: 19, minute: 30 },
  NYMEX: { timeZone: 'America/New_York', hour: 14, minute: 30 },
  IFAD: { timeZone: 'Asia/Dubai', hour: 16, minute: 30 },
};

/** How many windows ahead a rolling product settles: a year of months, two years of quarters, three years. */
const LADDER = { month: 12, quarter: 8, year: 3 } as const;

export const isTradingDay = (date: LocalDate): boolean => {
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
};

/** When an instrument's venue publishes the settlement of a trading day; null for products that do not settle daily. */
export function settlementInstant(instrument: Instrument, tradeDate: LocalDate): number | null {
  const time = SETTLEMENT_TIMES[instrument.venue];
  if (!time || !isTermProduct(instrument)) return null;
  return localToUtc(time.timeZone, tradeDate, time.hour, time.minute);
}

export const isTermProduct = (instrument: Instrument): boolean =>
  instrument.deliveryPeriod === 'month' ||
  instrument.deliveryPeriod === 'quarter' ||
  instrument.deliveryPeriod === 'year';

/** The delivery windows a rolling product settles on a day: its front contract and the ones after it. */
export function settlementLadder(
  instrument: Instrument,
  instant: number,
  depth: 'front' | 'full',
): DeliveryInterval[] {
  const front = frontContract(instrument, instant);
  const type = instrument.deliveryPeriod as 'month' | 'quarter' | 'year';
  const count = depth === 'front' ? 1 : LADDER[type];
  const first = deliveryDateOf(instrument.timeZone, front.start, instrument.dayStartHour);
  const step = type === 'month' ? 1 : type === 'quarter' ? 3 : 12;
  return Array.from({ length: count }, (_, i) => {
    const at = addMonths({ ...first, day: 1 }, i * step);
    const period = termPeriod(instrument, type, at.year, at.month);
    return { start: period.start, end: period.end };
  });
}

/**
 * The settlement prices of a trading day for one instrument over the given delivery
 * windows (a rolling product's ladder, or a listed contract's own window).
 */
export function settle(
  instrument: Instrument,
  windows: readonly DeliveryInterval[],
  tradeDate: LocalDate,
  world: { fuels: Readonly<Record<FuelSeries, number>>; fx: Readonly<Record<FxSeries, number>> },
  instant: number,
): SettlementPrice[] {
  return windows.flatMap((window) => {
    const price = forwardPrice(instrument, window, world, instant);
    if (price === null) return [];
    return [
      {
        instrumentId: instrument.id,
        tradeDate: formatLocalDate(tradeDate),
        deliveryStart: window.start,
        deliveryEnd: window.end,
        price: Number(ticksToPrice(roundToTicks(price, instrument.tickSize), instrument.tickSize)),
        currency: instrument.currency,
        unit: instrument.unit,
      },
    ];
  });
}

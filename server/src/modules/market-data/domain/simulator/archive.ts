import type { DeliveryInterval } from '../delivery-period.js';
import { deliveryDay, peakBlock, peakWindow, periodContaining } from '../delivery-period.js';
import type { Instrument } from '../instrument.js';
import { createRandom } from '../prng.js';
import { lotsToQuantity, roundToTicks, ticksToPrice } from '../scaling.js';
import type { LoadObservation, SettlementPrice, Tick } from '../tick.js';
import { toLocal, type LocalDate } from '../time-zone.js';
import { fxMark } from './fx-rates.js';
import { POWER_MARKETS, MWH_PER_THERM } from './markets.js';
import { frontContract, termPrice } from './pricing.js';
import {
  isTermProduct,
  isTradingDay,
  settle,
  settlementInstant,
  settlementLadder,
} from './settlements.js';
import type { SimulatorState } from './simulator.js';
import { advanceWorld } from './world.js';

/**
 * The start-up history of the simulated market, printed lean so that two years store in
 * seconds: every day-ahead hour and the load of every market, the daily base and peak
 * blocks, one gas-day print and a daily FX fixing, and for every future one print and
 * its settlement at the venue's settlement time on each trading day. Quarter-hours,
 * weather and the intraday tape are left to the last days, which the live simulator
 * prints in full. The world is the one the live feed steps, so the history hands its
 * state over and the live feed carries on from it.
 */
export interface ArchiveDay {
  ticks: Tick[];
  load: LoadObservation[];
  settlements: SettlementPrice[];
}

export interface ArchiveOptions {
  /** Which windows a future settles on a day: its front contract, or the whole ladder a curve is built from. */
  depthOf(instrument: Instrument, settledAt: number): 'front' | 'full';
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface Due {
  at: number;
  instrument: Instrument;
  tradeDate: LocalDate;
}

/** Settlements due over [from, to), in time order. */
export function dueSettlements(
  instruments: readonly Instrument[],
  from: number,
  to: number,
): Due[] {
  const due: Due[] = [];
  const terms = instruments.filter(isTermProduct);
  for (let day = Math.floor(from / DAY_MS) * DAY_MS - DAY_MS; day < to + DAY_MS; day += DAY_MS) {
    const d = new Date(day);
    const date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (!isTradingDay(date)) continue;
    for (const instrument of terms) {
      const at = settlementInstant(instrument, date);
      if (at !== null && at >= from && at < to) due.push({ at, instrument, tradeDate: date });
    }
  }
  return due.sort((a, b) => a.at - b.at);
}

export function* archive(
  start: SimulatorState,
  from: number,
  to: number,
  options: ArchiveOptions,
): Generator<ArchiveDay, SimulatorState> {
  let state = start;
  const random = createRandom(start.random ^ 0x2c1b_3c6d);
  const instruments = start.instruments;
  const hourly = instruments.filter((i) => i.commodity === 'power' && i.deliveryPeriod === 'hour');
  const blocks = instruments.filter(
    (i) => i.deliveryPeriod === 'base-block' || i.deliveryPeriod === 'peak-block',
  );
  const gasDays = instruments.filter((i) => i.deliveryPeriod === 'gas-day');
  const fx = instruments.filter((i) => i.commodity === 'fx');
  const due = dueSettlements(instruments, from, to);
  let next = 0;
  const days = new Map<string, { date: LocalDate; base: number[]; peak: number[] }>();
  let out: ArchiveDay = { ticks: [], load: [], settlements: [] };

  const emit = (
    instrument: Instrument,
    time: number,
    delivery: DeliveryInterval,
    price: number,
    volume: number,
  ) => {
    const lots = Math.max(0, Math.round(volume / Number(instrument.lotSize)));
    out.ticks.push({
      instrumentId: instrument.id,
      time,
      deliveryStart: delivery.start,
      deliveryEnd: delivery.end,
      price: Number(ticksToPrice(roundToTicks(price, instrument.tickSize), instrument.tickSize)),
      volume: Number(lotsToQuantity(lots, instrument.lotSize)),
    });
  };

  for (let hour = from; hour < to; hour += HOUR_MS) {
    const step = advanceWorld(state, hour);
    state = { ...state, ...step.world };
    out.load.push(...step.load);
    for (const instrument of hourly) {
      const area = step.areas.get(instrument.area);
      if (!area) continue;
      emit(
        instrument,
        hour,
        { start: hour, end: hour + HOUR_MS },
        area.price,
        area.conditions.loadMw * 0.45,
      );
      const market = POWER_MARKETS.find((m) => m.area === instrument.area)!;
      const local = toLocal(market.timeZone, hour);
      const key = instrument.area;
      const running = days.get(key);
      const label = { year: local.year, month: local.month, day: local.day };
      if (!running || running.date.day !== label.day || running.date.month !== label.month) {
        if (running && running.base.length >= 23)
          publishBlocks(instrument.area, market.timeZone, running, hour);
        days.set(key, {
          date: label,
          base: [area.price],
          peak: inPeak(market.timeZone, local) ? [area.price] : [],
        });
      } else {
        running.base.push(area.price);
        if (inPeak(market.timeZone, local)) running.peak.push(area.price);
      }
    }
    for (const instrument of gasDays) {
      const period = periodContaining(instrument, hour);
      if (!period || period.start !== hour) continue;
      const level =
        instrument.area === 'NBP'
          ? state.fuels.TTF * state.fx.EURGBP * MWH_PER_THERM
          : state.fuels.TTF;
      emit(
        instrument,
        hour,
        period,
        level * (1 + 0.01 * random.normal()),
        200 * Number(instrument.lotSize),
      );
    }
    if (new Date(hour).getUTCHours() === 12) {
      for (const instrument of fx) {
        const rate = fxMark(instrument, state.fx);
        if (rate !== null)
          emit(
            instrument,
            hour,
            { start: hour, end: hour + HOUR_MS },
            rate,
            10 * Number(instrument.lotSize),
          );
      }
    }
    while (next < due.length && due[next]!.at < hour + HOUR_MS) {
      const { at, instrument, tradeDate } = due[next++]!;
      const price = termPrice(instrument, at, state.fuels, state.fx, random);
      if (price !== null)
        emit(
          instrument,
          at,
          frontContract(instrument, at),
          price,
          (1 + Math.floor(random.uniform() * 20)) * Number(instrument.lotSize),
        );
      const windows = settlementLadder(instrument, at, options.depthOf(instrument, at));
      out.settlements.push(...settle(instrument, windows, tradeDate, state, at));
    }
    if ((hour + HOUR_MS) % DAY_MS === 0) {
      yield out;
      out = { ticks: [], load: [], settlements: [] };
    }
  }
  if (out.ticks.length + out.load.length > 0) yield out;
  return { ...state, lastInstant: to - HOUR_MS, published: {}, dayPrices: {} };

  function publishBlocks(
    area: string,
    timeZone: string,
    day: { date: LocalDate; base: number[]; peak: number[] },
    at: number,
  ) {
    for (const instrument of blocks.filter((b) => b.area === area)) {
      if (instrument.deliveryPeriod === 'base-block') {
        emit(instrument, at, deliveryDay(timeZone, day.date), mean(day.base), 0);
      } else {
        const block = peakBlock(timeZone, day.date);
        if (block && day.peak.length > 0) emit(instrument, at, block, mean(day.peak), 0);
      }
    }
  }
}

function inPeak(timeZone: string, local: { hour: number; weekday: number }): boolean {
  if (local.weekday === 0 || local.weekday === 6) return false;
  const window = peakWindow(timeZone);
  return local.hour >= window.fromHour && local.hour < window.toHour;
}

const mean = (values: readonly number[]): number =>
  values.reduce((s, v) => s + v, 0) / values.length;

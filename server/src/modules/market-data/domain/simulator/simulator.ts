import type { Catalogue } from '../catalogue.js';
import type { DeliveryInterval } from '../delivery-period.js';
import { deliveryDateOf, deliveryDay, peakBlock, periodContaining } from '../delivery-period.js';
import type { Instrument } from '../instrument.js';
import { createRandom, seedState } from '../prng.js';
import { lotsToQuantity, roundToTicks, ticksToPrice } from '../scaling.js';
import type { LoadObservation, Tick, WeatherObservation } from '../tick.js';
import { formatLocalDate, parseLocalDate } from '../time-zone.js';
import type { AreaDrivers } from './fundamentals.js';
import {
  CALM_DRIVERS,
  advanceDrivers,
  conditionsAt,
  meritOrderPrice,
  spikeMarkup,
} from './fundamentals.js';
import { advanceFxRates, initialFxRates, type FxSeries } from './fx-rates.js';
import type { FuelSeries } from './markets.js';
import { FUEL_LEVELS, POWER_MARKETS } from './markets.js';
import type { AreaPrices } from './pricing.js';
import { advanceFuels, frontContract, marginalCost, spotPrice, termPrice } from './pricing.js';

/**
 * A deterministic market simulator: the same seed and the same instants give the
 * same ticks, weather and load. `step` never mutates the state it is given.
 * Spot products publish once per delivery period, at the first step inside it
 * (step every 15 minutes to see every quarter-hour); daily blocks publish the
 * average of the day's hours at the first step of the next day; term products
 * trade their front contract at every step.
 */
export interface SimulatorState {
  readonly instruments: readonly Instrument[];
  readonly random: number;
  readonly lastInstant: number | null;
  /** Fuel and allowance prices in each contract's units. */
  readonly fuels: Readonly<Record<FuelSeries, number>>;
  /** FX rates, units of the quote currency per euro, and their own random stream. */
  readonly fx: Readonly<Record<FxSeries, number>>;
  readonly fxRandom: number;
  readonly drivers: Readonly<Record<string, AreaDrivers>>;
  /** Start of the last delivery period each spot instrument published. */
  readonly published: Readonly<Record<string, number>>;
  /** Hourly prices of the delivery day in progress, by area, for base and peak blocks. */
  readonly dayPrices: Readonly<Record<string, DayPrices>>;
}

/** Hourly prices of one delivery day; a day joined midway is not published. */
export interface DayPrices {
  day: string;
  base: number[];
  peak: number[];
  lastHour: number;
  complete: boolean;
}

export interface SimulationStep {
  state: SimulatorState;
  ticks: Tick[];
  weather: WeatherObservation[];
  load: LoadObservation[];
}

export function createSimulator(catalogue: Catalogue, seed: number): SimulatorState {
  const fuels = Object.fromEntries(
    Object.entries(FUEL_LEVELS).map(([name, level]) => [name, level.mean]),
  ) as Record<FuelSeries, number>;
  return {
    instruments: catalogue.instruments,
    random: seedState(seed),
    lastInstant: null,
    fuels,
    fx: initialFxRates(),
    // Apart from the market's stream, so that adding FX moved no other simulated price.
    fxRandom: seedState(seed ^ 0x5f3c_a1d7),
    drivers: Object.fromEntries(POWER_MARKETS.map((market) => [market.area, CALM_DRIVERS])),
    published: {},
    dayPrices: {},
  };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function step(state: SimulatorState, instant: number): SimulationStep {
  const random = createRandom(state.random);
  const days =
    state.lastInstant === null ? 1 / 24 : Math.max(0, (instant - state.lastInstant) / DAY_MS);
  const fuels = advanceFuels(state.fuels, days, random);
  const fxRandom = createRandom(state.fxRandom);
  const fx = advanceFxRates(state.fx, days, fxRandom);
  const drivers: Record<string, AreaDrivers> = {};
  const areaPrices: AreaPrices = new Map();
  const weather: WeatherObservation[] = [];
  const load: LoadObservation[] = [];
  for (const market of POWER_MARKETS) {
    const next = advanceDrivers(state.drivers[market.area] ?? CALM_DRIVERS, days, random);
    drivers[market.area] = next;
    const conditions = conditionsAt(market, next, instant);
    const srmc = marginalCost(market, fuels, fx);
    const price =
      meritOrderPrice(srmc, conditions.residualShare, next.priceNoise) +
      spikeMarkup(srmc, conditions.residualShare, random);
    areaPrices.set(market.area, { price, srmc, conditions });
    weather.push({
      area: market.area,
      time: instant,
      temperatureC: conditions.temperatureC,
      windSpeedMs: conditions.windSpeedMs,
      solarIrradianceWm2: conditions.solarIrradianceWm2,
      cloudCoverPct: conditions.cloudCoverPct,
    });
    load.push({ area: market.area, time: instant, minutes: 60, loadMw: conditions.loadMw });
  }

  const published = { ...state.published };
  const dayPrices = { ...state.dayPrices };
  const ticks: Tick[] = [];
  const emit = (
    instrument: Instrument,
    delivery: DeliveryInterval,
    price: number,
    volume: number,
  ): void => {
    const lots = Math.max(0, Math.round(volume / Number(instrument.lotSize)));
    ticks.push({
      instrumentId: instrument.id,
      time: instant,
      deliveryStart: delivery.start,
      deliveryEnd: delivery.end,
      price: Number(ticksToPrice(roundToTicks(price, instrument.tickSize), instrument.tickSize)),
      volume: Number(lotsToQuantity(lots, instrument.lotSize)),
    });
  };

  for (const market of POWER_MARKETS) {
    const area = areaPrices.get(market.area);
    if (!area) continue;
    const day = deliveryDateOf(market.timeZone, instant);
    const label = formatLocalDate(day);
    const running = dayPrices[market.area];
    const blockInstruments = state.instruments.filter(
      (i) => i.commodity === 'power' && i.area === market.area,
    );
    if (running && running.day !== label && running.complete) {
      const finished = parseLocalDate(running.day);
      for (const instrument of blockInstruments) {
        const prices =
          instrument.deliveryPeriod === 'base-block'
            ? running.base
            : instrument.deliveryPeriod === 'peak-block'
              ? running.peak
              : [];
        if (!finished || prices.length === 0) continue;
        const interval =
          instrument.deliveryPeriod === 'base-block'
            ? deliveryDay(market.timeZone, finished)
            : peakBlock(market.timeZone, finished);
        if (interval) emit(instrument, interval, mean(prices), 0);
      }
    }
    // Blocks average the hourly prices, so only the first step in each hour counts.
    const hourStart = instant - (instant % HOUR_MS);
    const dayStart = deliveryDay(market.timeZone, day).start;
    const today =
      running && running.day === label
        ? running
        : { day: label, base: [], peak: [], lastHour: -1, complete: hourStart === dayStart };
    if (today.lastHour === hourStart) {
      dayPrices[market.area] = today;
      continue;
    }
    const peakInstrument = blockInstruments.find((i) => i.deliveryPeriod === 'peak-block');
    const inPeak = peakInstrument ? periodContaining(peakInstrument, instant) !== null : false;
    dayPrices[market.area] = {
      ...today,
      lastHour: hourStart,
      base: [...today.base, area.price],
      peak: inPeak ? [...today.peak, area.price] : today.peak,
    };
  }

  for (const instrument of state.instruments) {
    const period = periodContaining(instrument, instant);
    switch (instrument.deliveryPeriod) {
      case 'hour':
      case 'quarter-hour':
      case 'gas-day': {
        if (!period || published[instrument.id] === period.start) break;
        published[instrument.id] = period.start;
        const price = spotPrice(instrument, areaPrices, fuels, fx, random);
        if (price === null) break;
        emit(instrument, period, price.price, price.volume);
        break;
      }
      case 'base-block':
      case 'peak-block':
        break;
      case 'month':
      case 'quarter':
      case 'year': {
        const front = frontContract(instrument, instant);
        const price = termPrice(instrument, areaPrices, fuels, fx, random);
        if (price !== null)
          emit(
            instrument,
            front,
            price,
            (1 + Math.floor(random.uniform() * 20)) * Number(instrument.lotSize),
          );
        break;
      }
    }
  }
  return {
    state: {
      ...state,
      random: random.state,
      lastInstant: instant,
      fuels,
      fx,
      fxRandom: fxRandom.state,
      drivers,
      published,
      dayPrices,
    },
    ticks,
    weather,
    load,
  };
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

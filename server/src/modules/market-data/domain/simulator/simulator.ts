import type { Catalogue } from '../catalogue.js';
import type { DeliveryInterval } from '../delivery-period.js';
import { deliveryDateOf, deliveryDay, peakBlock, periodContaining } from '../delivery-period.js';
import type { Instrument } from '../instrument.js';
import { createRandom, seedState } from '../prng.js';
import { lotsToQuantity, roundToTicks, ticksToPrice } from '../scaling.js';
import type { LoadObservation, Tick, WeatherObservation } from '../tick.js';
import { formatLocalDate, parseLocalDate } from '../time-zone.js';
import { CALM_DRIVERS } from './fundamentals.js';
import { initialFxRates } from './fx-rates.js';
import type { FuelSeries } from './markets.js';
import { FUEL_LEVELS, POWER_MARKETS } from './markets.js';
import { frontContract, spotPrice, termPrice } from './pricing.js';
import { advanceWorld, type WorldState } from './world.js';

/**
 * A deterministic market simulator: the same seed and the same instants give the
 * same ticks, weather and load. `step` never mutates the state it is given.
 * Spot products publish once per delivery period, at the first step inside it
 * (step every 15 minutes to see every quarter-hour); daily blocks publish the
 * average of the day's hours at the first step of the next day; term products
 * trade their front contract at every step.
 */
export interface SimulatorState extends WorldState {
  readonly instruments: readonly Instrument[];
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
    seed,
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

const HOUR_MS = 3_600_000;

export function step(state: SimulatorState, instant: number): SimulationStep {
  const { world, areas: areaPrices, weather, load } = advanceWorld(state, instant);
  const { fuels, fx } = world;
  const random = createRandom(world.random);
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
        const price = termPrice(instrument, instant, fuels, fx, random);
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
      ...world,
      random: random.state,
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

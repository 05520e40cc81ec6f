import { createRandom } from '../prng.js';
import type { LoadObservation, WeatherObservation } from '../tick.js';
import type { AreaDrivers } from './fundamentals.js';
import { CALM_DRIVERS, advanceDrivers, conditionsAt } from './fundamentals.js';
import { advanceFxRates, type FxSeries } from './fx-rates.js';
import type { FuelSeries } from './markets.js';
import { POWER_MARKETS } from './markets.js';
import { flexShareOf, hourDraws, meritOrderPrice, spikeMarkup } from './merit-order.js';
import type { AreaPrices } from './pricing.js';
import { advanceFuels, marginalCost } from './pricing.js';

/**
 * The fundamental world behind every simulated price: fuel and carbon prices, FX rates,
 * and per power market the weather, load and renewables that set the merit-order price.
 * The live feed and the start-up history both step it, so history and live prices are
 * the same model.
 */
export interface WorldState {
  /** Seed of the hour-fixed draws (spikes), so re-marking an hour never re-rolls it. */
  readonly seed: number;
  readonly random: number;
  readonly lastInstant: number | null;
  readonly fuels: Readonly<Record<FuelSeries, number>>;
  readonly fx: Readonly<Record<FxSeries, number>>;
  readonly fxRandom: number;
  readonly drivers: Readonly<Record<string, AreaDrivers>>;
}

export interface WorldStep {
  world: WorldState;
  areas: AreaPrices;
  weather: WeatherObservation[];
  load: LoadObservation[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function advanceWorld(state: WorldState, instant: number): WorldStep {
  const random = createRandom(state.random);
  const days =
    state.lastInstant === null ? 1 / 24 : Math.max(0, (instant - state.lastInstant) / DAY_MS);
  const fuels = advanceFuels(state.fuels, days, random);
  const fxRandom = createRandom(state.fxRandom);
  const fx = advanceFxRates(state.fx, days, fxRandom);
  const drivers: Record<string, AreaDrivers> = {};
  const areas: AreaPrices = new Map();
  const weather: WeatherObservation[] = [];
  const load: LoadObservation[] = [];
  const hourStart = instant - (instant % HOUR_MS);
  for (const market of POWER_MARKETS) {
    const next = advanceDrivers(state.drivers[market.area] ?? CALM_DRIVERS, days, random);
    drivers[market.area] = next;
    const conditions = conditionsAt(market, next, instant);
    const srmc = marginalCost(market, fuels, fx);
    const [draw, size] = hourDraws(state.seed, market.area, hourStart);
    const price =
      meritOrderPrice(srmc, conditions.residualShare, flexShareOf(market), next.priceNoise) +
      spikeMarkup(srmc, conditions.residualShare, draw, size);
    areas.set(market.area, { price, srmc, conditions });
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
  return {
    world: {
      seed: state.seed,
      random: random.state,
      lastInstant: instant,
      fuels,
      fx,
      fxRandom: fxRandom.state,
      drivers,
    },
    areas,
    weather,
    load,
  };
}

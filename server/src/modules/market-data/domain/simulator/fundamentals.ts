import type { Random } from '../prng.js';
import { clearSkyIrradiance, irradianceUnderClouds, sunElevationSine } from '../solar.js';
import { toLocal } from '../time-zone.js';
import type { PowerMarket } from './markets.js';

/**
 * Weather, load, renewables and the merit order of one power market. Each random
 * driver is an Ornstein–Uhlenbeck process, stepped exactly for any time step, so
 * weather comes in regimes lasting days and prices revert to fundamentals.
 */

export interface AreaDrivers {
  temperatureAnomalyC: number;
  /** Standard-normal driver of wind speed. */
  windDriver: number;
  /** Standard-normal driver of cloud cover. */
  cloudDriver: number;
  /** Log deviation of the price from its fundamental level. */
  priceNoise: number;
}

export const CALM_DRIVERS: AreaDrivers = {
  temperatureAnomalyC: 0,
  windDriver: 0,
  cloudDriver: 0,
  priceNoise: 0,
};

/** Exact OU step: reverts at `rate` per day towards `mean`, stationary spread `spread`. */
export function ouStep(
  value: number,
  mean: number,
  rate: number,
  spread: number,
  days: number,
  random: Random,
): number {
  const decay = Math.exp(-rate * days);
  return mean + (value - mean) * decay + spread * Math.sqrt(1 - decay * decay) * random.normal();
}

/** A price level that wanders around `mean`: its log follows an OU process. */
export interface LogLevel {
  readonly mean: number;
  readonly dailyVol: number;
  readonly reversionPerDay: number;
}

/**
 * Advances every series of `current` by `days`, each a mean-reverting walk of its log
 * around its level. Series are drawn in the levels' key order, so a seed replays.
 */
export function advanceLogLevels<K extends string>(
  levels: Readonly<Record<K, LogLevel>>,
  current: Readonly<Record<K, number>>,
  days: number,
  random: Random,
): Record<K, number> {
  const next: Record<K, number> = { ...current };
  for (const name of Object.keys(levels) as K[]) {
    const level = levels[name];
    const spread = level.dailyVol / Math.sqrt(2 * level.reversionPerDay);
    next[name] = Math.exp(
      ouStep(
        Math.log(current[name]),
        Math.log(level.mean),
        level.reversionPerDay,
        spread,
        days,
        random,
      ),
    );
  }
  return next;
}

export function advanceDrivers(drivers: AreaDrivers, days: number, random: Random): AreaDrivers {
  return {
    temperatureAnomalyC: ouStep(drivers.temperatureAnomalyC, 0, 0.3, 3, days, random),
    windDriver: ouStep(drivers.windDriver, 0, 0.6, 1, days, random),
    cloudDriver: ouStep(drivers.cloudDriver, 0, 0.8, 1, days, random),
    priceNoise: ouStep(drivers.priceNoise, 0, 4, 0.08, days, random),
  };
}

export interface MarketConditions {
  temperatureC: number;
  windSpeedMs: number;
  solarIrradianceWm2: number;
  cloudCoverPct: number;
  loadMw: number;
  windMw: number;
  solarMw: number;
  /** Load left for dispatchable plant, as a share of the thermal fleet; negative in a renewable glut. */
  residualShare: number;
}

const WEEKDAY_LOAD = [
  0.78, 0.75, 0.73, 0.73, 0.75, 0.82, 0.94, 1.06, 1.12, 1.14, 1.14, 1.13, 1.12, 1.11, 1.1, 1.1,
  1.12, 1.16, 1.18, 1.15, 1.08, 1.0, 0.92, 0.84,
];
/** Saturday and Sunday load relative to a working day, when offices and industry idle. */
const SATURDAY_FACTOR = 0.83;
const SUNDAY_FACTOR = 0.74;

export function conditionsAt(
  market: PowerMarket,
  drivers: AreaDrivers,
  instant: number,
): MarketConditions {
  const local = toLocal(market.timeZone, instant);
  const dayOfYear = Math.floor(
    (Date.UTC(local.year, local.month - 1, local.day) - Date.UTC(local.year, 0, 1)) / 86_400_000,
  );
  const seasonal =
    market.meanTemperatureC -
    market.seasonalSwingC * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365);
  const diurnal = 4 * Math.cos((2 * Math.PI * (local.hour - 15)) / 24);
  const temperatureC = seasonal + diurnal + drivers.temperatureAnomalyC;

  // Winter is windier than summer in all the simulated markets.
  const windSeason = 1 + 0.15 * Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365);
  const windSpeedMs = market.meanWindMs * windSeason * Math.exp(0.33 * drivers.windDriver - 0.05);
  const cloudCover = 1 / (1 + Math.exp(-1.6 * drivers.cloudDriver - 0.3));
  const clearSky = clearSkyIrradiance(sunElevationSine(market.latitude, market.longitude, instant));
  const solarIrradianceWm2 = irradianceUnderClouds(clearSky, cloudCover);

  const dayFactor = local.weekday === 0 ? SUNDAY_FACTOR : local.weekday === 6 ? SATURDAY_FACTOR : 1;
  const heating = market.heatingPerDegree * Math.max(0, 15 - temperatureC);
  const cooling = market.coolingPerDegree * Math.max(0, temperatureC - 22);
  const loadMw =
    market.averageLoadMw * (WEEKDAY_LOAD[local.hour] ?? 1) * dayFactor * (1 + heating + cooling);

  const windMw = market.windCapacityMw * windPowerCurve(windSpeedMs * 1.1);
  const solarMw = market.solarCapacityMw * Math.min(1, (solarIrradianceWm2 / 1000) * 0.85);
  const residualShare = (loadMw - market.mustRunMw - windMw - solarMw) / market.thermalCapacityMw;
  return {
    temperatureC,
    windSpeedMs,
    solarIrradianceWm2,
    cloudCoverPct: cloudCover * 100,
    loadMw,
    windMw,
    solarMw,
    residualShare,
  };
}

/** Share of rated output of a wind turbine at a hub-height wind speed. */
export function windPowerCurve(speedMs: number): number {
  if (speedMs < 3 || speedMs >= 25) return 0;
  if (speedMs >= 13) return 1;
  return ((speedMs - 3) / 10) ** 3;
}

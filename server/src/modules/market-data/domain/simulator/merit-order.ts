import type { PowerMarket } from './markets.js';

/**
 * The supply stack of one power market, as a price for the load left to dispatchable
 * plant. `residualShare` is that load (load less must-run, wind and solar) as a share
 * of the thermal fleet; `flexShare` is what exports, pumped storage, batteries and
 * demand response soak up of a renewable surplus, on the same scale. Prices go
 * negative only once a surplus is larger than that flexibility (subsidised renewables
 * and inflexible plant then pay to keep running), and scarcity pricing takes over only
 * near the top of the fleet, so both are rare, as on the real day-ahead markets.
 */
export function meritOrderPrice(
  srmc: number,
  residualShare: number,
  flexShare: number,
  priceNoise: number,
): number {
  const s = residualShare;
  if (s < -flexShare) return Math.max(-200, -(2 + 250 * (-s - flexShare)));
  // Storage and exports pay little for surplus power, and less the larger the surplus.
  if (s < 0) return srmc * 0.2 * (1 + s / flexShare) * Math.exp(priceNoise);
  const noise = Math.exp(priceNoise);
  // Lignite, coal and old gas set the price through the lower part of the fleet.
  if (s < 0.3) return srmc * (0.2 + (0.55 * s) / 0.3) * noise;
  // Gas plants of rising heat rate through the middle, open-cycle turbines at the top.
  if (s < 0.9) return srmc * (0.75 + (0.4 * (s - 0.3)) / 0.6) * noise;
  return (srmc * 1.15 + 3_000 * (s - 0.9) ** 2) * noise;
}

/**
 * A price spike of one hour: plant outages and thin offers make tight hours spike now
 * and then. `draw` and `size` are uniform numbers fixed per market and delivery hour, so
 * every re-mark of an hour sees the same spike rather than a new chance each step.
 */
export function spikeMarkup(
  srmc: number,
  residualShare: number,
  draw: number,
  size: number,
): number {
  const tightness = Math.min(1, Math.max(0, (residualShare - 0.6) / 0.35));
  if (draw >= 0.04 * tightness ** 2) return 0;
  return srmc * (0.5 - 1.5 * Math.log(1 - size));
}

/** The flexibility of a market as a share of its thermal fleet (see `meritOrderPrice`). */
export const flexShareOf = (market: PowerMarket): number =>
  market.flexibilityMw / market.thermalCapacityMw;

/** Two uniform numbers for a market's delivery hour, from the seed: a hash, not a stream. */
export function hourDraws(seed: number, area: string, hourStart: number): [number, number] {
  let h = (seed ^ Math.floor(hourStart / 3_600_000)) >>> 0;
  for (let i = 0; i < area.length; i++) h = Math.imul(h ^ area.charCodeAt(i), 0x01000193);
  const mix = (x: number): number => {
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return ((x ^ (x >>> 16)) >>> 0) / 4_294_967_296;
  };
  return [mix(h), mix(h ^ 0x9e3779b9)];
}

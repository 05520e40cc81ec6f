import { HOURS, type MarketDays } from './market-days.js';
import type { Random } from './prng.js';

/**
 * A small synthetic day-ahead market for tests and demos: a daily load shape, a weekly
 * cycle, prices that follow load with autoregressive noise, and a wind forecast that
 * pushes prices down.
 */
export function syntheticMarket(days: number, random: Random): MarketDays {
  const price = new Float64Array(days * HOURS);
  const load = new Float64Array(days * HOURS);
  const wind = new Float64Array(days * HOURS);
  const weekday = new Uint8Array(days);
  let noise = 0;
  for (let d = 0; d < days; d++) {
    weekday[d] = d % 7;
    const weekend = d % 7 >= 5 ? 0.85 : 1;
    for (let h = 0; h < HOURS; h++) {
      const i = d * HOURS + h;
      load[i] = weekend * (1000 + 300 * Math.sin((Math.PI * (h - 6)) / 12)) + 30 * random.normal();
      wind[i] = Math.max(0, 200 + 150 * Math.sin((2 * Math.PI * d) / 9) + 40 * random.normal());
      noise = 0.7 * noise + random.normal();
      price[i] = 10 + 0.03 * load[i] - 0.02 * wind[i] + 2 * noise;
    }
  }
  return { days, price, exogenous: [load, wind], weekday };
}

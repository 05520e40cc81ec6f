import { describe, expect, it } from 'vitest';
import { errorWeightedBlend } from './error-weighted-blend.js';
import { errorWeightedModel } from './error-weighted-model.js';
import { HOURS, historyBefore, type MarketDays } from './market-days.js';
import type { DayAheadModel } from './walk-forward.js';

const DAYS = 40;
const market: MarketDays = {
  days: DAYS,
  price: Float64Array.from({ length: DAYS * HOURS }, (_, i) => 40 + 10 * Math.sin(i / 5) + (i % 7)),
  exogenous: [],
  weekday: Uint8Array.from({ length: DAYS }, (_, d) => d % 7),
};

/** A member that forecasts the actual price plus a bias that changes halfway through. */
const biased = (early: number, late: number): DayAheadModel => ({
  names: ['member'],
  forecastDay: (_, day) => [
    Float64Array.from(
      { length: HOURS },
      (__, h) => market.price[day * HOURS + h]! + (day < 20 ? early : late),
    ),
  ],
});

describe('error-weighted model', () => {
  it('gives day by day what the batch blend gives on the same forecasts', () => {
    const members = [biased(1, 5), biased(4, -0.5)];
    const model = errorWeightedModel('blend', members, { windowDays: 7, power: 3 });
    const first = 10;
    const streamed: number[] = [];
    const memberForecasts = members.map(() => [] as number[]);
    for (let day = first; day < DAYS; day++) {
      const history = historyBefore(market, day);
      streamed.push(...model.forecastDay(history, day)[0]!);
      members.forEach((m, k) => memberForecasts[k]!.push(...m.forecastDay(history, day)[0]!));
    }
    const actual = market.price.slice(first * HOURS);
    const batch = errorWeightedBlend(actual, memberForecasts, { windowDays: 7, power: 3 });
    streamed.forEach((value, i) => expect(value).toBeCloseTo(batch[i]!, 9));
  });

  it('leans toward the member that has been right lately', () => {
    const model = errorWeightedModel('blend', [biased(1, 1), biased(6, 6)], {
      windowDays: 7,
      power: 1,
    });
    let last: Float64Array = new Float64Array(HOURS);
    for (let day = 10; day < 20; day++)
      last = model.forecastDay(historyBefore(market, day), day)[0]!;
    // Errors 1 and 6: weights 6/7 and 1/7, so the blend is 1 + 5/7 above the price.
    expect(last[0]! - market.price[19 * HOURS]!).toBeCloseTo(1 + 5 / 7, 9);
  });

  it('averages plainly before it has seen any error, and refuses an empty member list', () => {
    const model = errorWeightedModel('blend', [biased(2, 2), biased(4, 4)], { windowDays: 7 });
    const firstDay = model.forecastDay(historyBefore(market, 10), 10)[0]!;
    expect(firstDay[3]! - market.price[10 * HOURS + 3]!).toBeCloseTo(3, 9);
    expect(() => errorWeightedModel('blend', [], { windowDays: 7 })).toThrow(/at least one member/);
  });
});

import { describe, expect, it } from 'vitest';
import { alignWholeDays, compareAligned } from './comparison.js';
import { dieboldMariano } from './domain/diebold-mariano.js';
import { seededRandom } from './domain/prng.js';
import type { HourlyForecast } from './repo-forecasts.js';

const days = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-06'];
const random = seededRandom(11);
const truth = days.map(() => Array.from({ length: 24 }, (_, h) => 40 + 10 * Math.sin(h / 4)));
const rows = (dayList: string[], noise: number): HourlyForecast[] =>
  dayList.flatMap((d) =>
    Array.from({ length: 24 }, (_, hour) => ({
      deliveryDay: d,
      hour,
      value: truth[days.indexOf(d)]![hour]! + noise * random.normal(),
      lower: null,
      upper: null,
    })),
  );
const actual = (day: string, hour: number) => truth[days.indexOf(day)]?.[hour] ?? null;

describe('comparing two model versions', () => {
  it('compares only the whole days both forecast and whose outcome is known', () => {
    const a = rows(days.slice(0, 5), 1);
    const b = rows(days.slice(1), 3).filter(
      (r) => !(r.deliveryDay === '2024-01-03' && r.hour === 7),
    );
    const withoutLastOutcome = (day: string, hour: number) =>
      day === '2024-01-05' ? null : actual(day, hour);
    expect(alignWholeDays(a, b, withoutLastOutcome).days).toEqual(['2024-01-02', '2024-01-04']);
  });

  it('reports the domain test and calls the less noisy model better', () => {
    const aligned = alignWholeDays(rows(days, 4), rows(days, 0.5), actual);
    const result = compareAligned(aligned, 'absolute');
    const dm = dieboldMariano(aligned.actual, aligned.a, aligned.b, 1);
    expect(result.statistic).toBeCloseTo(dm.statistic, 12);
    expect(result.pValue).toBeCloseTo(dm.twoSidedPValue, 12);
    expect(result).toMatchObject({
      daysCompared: 6,
      hoursCompared: 144,
      from: '2024-01-01',
      to: '2024-01-06',
      better: 'b',
    });
    expect(result.meanLossA).toBeGreaterThan(result.meanLossB);
    expect(compareAligned({ ...aligned, a: aligned.b, b: aligned.a }, 'squared').better).toBe('a');
  });

  it('calls identical forecasts equal rather than dividing zero by zero', () => {
    const same = rows(days, 1);
    expect(compareAligned(alignWholeDays(same, same, actual), 'absolute')).toMatchObject({
      statistic: 0,
      pValue: 1,
      better: null,
    });
  });
});

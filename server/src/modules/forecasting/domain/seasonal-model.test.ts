import { describe, expect, it } from 'vitest';
import { seededRandom } from './prng.js';
import { fitSeasonalModel, predictSeasonal, type SeasonalObservation } from './seasonal-model.js';
import { meanAbsoluteError } from './metrics.js';

describe('additive seasonal load model', () => {
  const random = seededRandom(4);
  const hours = 24 * 7 * 30;
  const observations: SeasonalObservation[] = Array.from({ length: hours + 24 * 14 }, (_, t) => ({
    hour: t,
    holiday: Math.floor(t / 24) % 45 === 10,
    regressors: [Math.sin(t / 50)],
  }));
  const truth = observations.map(
    (o) =>
      1000 +
      0.05 * o.hour +
      150 * Math.sin((2 * Math.PI * o.hour) / 24) +
      60 * Math.cos((2 * Math.PI * o.hour) / 168) -
      (o.holiday ? 200 : 0) +
      80 * o.regressors[0]!,
  );
  const noisy = truth.map((v) => v + 10 * random.normal());

  it('recovers trend, daily and weekly cycles, holidays and regressors out of sample', () => {
    const model = fitSeasonalModel(observations.slice(0, hours), noisy.slice(0, hours));
    const ahead = observations.slice(hours);
    const forecast = predictSeasonal(model, ahead);
    expect(meanAbsoluteError(truth.slice(hours), forecast)).toBeLessThan(6);
  });

  it('learns the holiday effect as a level shift', () => {
    const model = fitSeasonalModel(observations.slice(0, hours), noisy.slice(0, hours));
    const normal = predictSeasonal(model, [{ hour: 500, holiday: false, regressors: [0] }])[0]!;
    const holiday = predictSeasonal(model, [{ hour: 500, holiday: true, regressors: [0] }])[0]!;
    // The ridge shrinks a rare dummy a little toward zero.
    expect(normal - holiday).toBeGreaterThan(180);
    expect(normal - holiday).toBeLessThan(210);
  });
});

import { solveRidge } from './linear-algebra.js';

/**
 * An additive seasonal model for load (Prophet-like, without the Bayesian sampling):
 * y(t) = trend(t) + daily + weekly + yearly Fourier terms + holiday effect + regressors,
 * fitted by ridge least squares in one linear solve. Time is in hours since an origin
 * the caller picks; the weekly cycle is anchored on that origin.
 */
export interface SeasonalSpec {
  dailyOrder: number;
  weeklyOrder: number;
  yearlyOrder: number;
  ridge: number;
}

export const DEFAULT_SEASONAL_SPEC: SeasonalSpec = {
  dailyOrder: 4,
  weeklyOrder: 3,
  yearlyOrder: 6,
  ridge: 1e-3,
};

export interface SeasonalObservation {
  /** Hours since the model's origin. */
  hour: number;
  holiday: boolean;
  regressors: readonly number[];
}

export interface SeasonalModel {
  spec: SeasonalSpec;
  coefficients: Float64Array;
  /** Trend time is rescaled to roughly [0, 1] over the fit so the ridge treats it fairly. */
  trendScale: number;
}

const PERIODS = { daily: 24, weekly: 168, yearly: 8766 } as const;

function designRow(spec: SeasonalSpec, trendScale: number, obs: SeasonalObservation): number[] {
  const row = [1, obs.hour / trendScale];
  const fourier = (period: number, order: number): void => {
    for (let k = 1; k <= order; k++) {
      const angle = (2 * Math.PI * k * obs.hour) / period;
      row.push(Math.sin(angle), Math.cos(angle));
    }
  };
  fourier(PERIODS.daily, spec.dailyOrder);
  fourier(PERIODS.weekly, spec.weeklyOrder);
  fourier(PERIODS.yearly, spec.yearlyOrder);
  row.push(obs.holiday ? 1 : 0, ...obs.regressors);
  return row;
}

export function fitSeasonalModel(
  observations: readonly SeasonalObservation[],
  values: ArrayLike<number>,
  spec: SeasonalSpec = DEFAULT_SEASONAL_SPEC,
): SeasonalModel {
  const last = observations.reduce((m, o) => Math.max(m, Math.abs(o.hour)), 1);
  const rows = observations.map((o) => designRow(spec, last, o));
  const n = rows[0]?.length ?? 0;
  const normal = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  rows.forEach((row, r) => {
    const y = values[r]!;
    for (let i = 0; i < n; i++) {
      rhs[i]! += row[i]! * y;
      for (let j = 0; j < n; j++) normal[i * n + j]! += row[i]! * row[j]!;
    }
  });
  const scale = Math.max(rows.length, 1);
  const coefficients = solveRidge(
    normal.map((v) => v / scale),
    rhs.map((v) => v / scale),
    n,
    spec.ridge,
    new Set([0, 1]),
  );
  return { spec, coefficients, trendScale: last };
}

export function predictSeasonal(
  model: SeasonalModel,
  observations: readonly SeasonalObservation[],
): Float64Array {
  return Float64Array.from(observations, (o) =>
    designRow(model.spec, model.trendScale, o).reduce(
      (s, x, i) => s + x * model.coefficients[i]!,
      0,
    ),
  );
}

import {
  buildDesign,
  featureCount,
  MAX_LAG,
  WEEKDAY_DUMMIES,
  writeFeatureRow,
} from './features.js';
import { HOURS, type MarketDays } from './market-days.js';
import { createMlp, predictMlp, trainMlp, type Mlp } from './mlp.js';
import { seededRandom, type Random } from './prng.js';
import {
  fromStabilised,
  stabiliseColumns,
  toStabilised,
  type RobustScale,
} from './robust-scaling.js';
import type { DayAheadModel } from './walk-forward.js';

/**
 * Day-ahead prices by a small ensemble of perceptrons on the LEAR regressors, in the
 * same variance-stabilised space. Training is costly, so each network is calibrated
 * once on the window and then fine-tuned every `retrainEvery` days from its current
 * weights on the latest window, which is how a desk would run it overnight.
 */
export interface MlpForecasterSettings {
  members: number;
  hidden: number;
  window: number;
  initialEpochs: number;
  retrainEvery: number;
  retrainEpochs: number;
  learningRate: number;
  seed: number;
}

export const DEFAULT_MLP_SETTINGS: MlpForecasterSettings = {
  members: 4,
  hidden: 48,
  window: 1456,
  initialEpochs: 60,
  retrainEvery: 7,
  retrainEpochs: 3,
  learningRate: 5e-4,
  seed: 20210401,
};

interface Calibrated {
  nets: Mlp[];
  randoms: Random[];
  featureScales: RobustScale[];
  priceScales: RobustScale[];
  trainedFor: number;
}

export function mlpEnsembleModel(
  settings: MlpForecasterSettings = DEFAULT_MLP_SETTINGS,
): DayAheadModel {
  let state: Calibrated | undefined;
  return {
    names: ['MLP ensemble'],
    forecastDay(history: MarketDays, targetDay: number): Float64Array[] {
      if (
        state === undefined ||
        targetDay - state.trainedFor >= settings.retrainEvery ||
        targetDay < state.trainedFor
      ) {
        state = calibrate(history, targetDay, settings, state);
      }
      return [forecast(state, history, targetDay)];
    },
  };
}

function calibrate(
  history: MarketDays,
  targetDay: number,
  settings: MlpForecasterSettings,
  previous: Calibrated | undefined,
): Calibrated {
  const firstDay = Math.max(targetDay - settings.window + MAX_LAG, MAX_LAG);
  const { x, y, rows, columns } = buildDesign(history, firstDay, targetDay - 1);
  const featureScales = stabiliseColumns(x, rows, columns, columns - WEEKDAY_DUMMIES);
  const priceScales = stabiliseColumns(y, rows, HOURS);
  const fresh = previous === undefined;
  const randoms =
    previous?.randoms ??
    Array.from({ length: settings.members }, (_, m) => seededRandom(settings.seed + 7919 * m));
  const nets = previous?.nets ?? randoms.map((r) => createMlp(columns, settings.hidden, HOURS, r));
  nets.forEach((net, m) => {
    trainMlp(net, x, y, rows, {
      epochs: fresh ? settings.initialEpochs : settings.retrainEpochs,
      learningRate: settings.learningRate,
      random: randoms[m]!,
    });
  });
  return { nets, randoms, featureScales, priceScales, trainedFor: targetDay };
}

function forecast(state: Calibrated, history: MarketDays, targetDay: number): Float64Array {
  const row = new Float64Array(featureCount(history.exogenous.length));
  writeFeatureRow(history, targetDay, row, 0);
  state.featureScales.forEach((scale, j) => {
    row[j] = toStabilised(row[j]!, scale);
  });
  const sum = new Float64Array(HOURS);
  const out = new Float64Array(HOURS);
  for (const net of state.nets) {
    predictMlp(net, row, out);
    for (let h = 0; h < HOURS; h++) sum[h]! += out[h]! / state.nets.length;
  }
  // Average in the stabilised space, then map back: a median-like blend that spikes pull less.
  return sum.map((v, h) => fromStabilised(v, state.priceScales[h]!));
}

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
  /** Units of the hidden layer, or of each hidden layer. */
  hidden: number | readonly number[];
  window: number;
  initialEpochs: number;
  retrainEvery: number;
  retrainEpochs: number;
  learningRate: number;
  /** Decoupled weight decay of the optimiser (AdamW); trainMlp's default when left out. */
  weightDecay?: number;
  seed: number;
}

/**
 * Chosen on validation years only: the 364 days before each epftoolbox test period,
 * never on the test periods. A learning rate of 1e-3 rather than 5e-4 cut the
 * LEAR+MLP blend's validation MAE on NP, FR and BE, eight members rather than four on
 * NP and FR. Two hidden layers, a wider layer, daily fine-tuning, longer first training,
 * sixteen members, a linear skip from inputs to outputs and training on the change from
 * the previous day did not help on all markets, and most cost more. Checked again with
 * N-PIT members in the LEAR ensemble, on the NP validation year (networks alone 1.449):
 * a 728-day window 1.562, 6 fine-tuning epochs 1.449, weight decay 1e-3 1.454; another
 * seed alone gives 1.463, so none of these is a change worth its cost.
 */
export const DEFAULT_MLP_SETTINGS: MlpForecasterSettings = {
  members: 8,
  hidden: 48,
  window: 1456,
  initialEpochs: 60,
  retrainEvery: 7,
  retrainEpochs: 3,
  learningRate: 1e-3,
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
      ...(settings.weightDecay === undefined ? {} : { weightDecay: settings.weightDecay }),
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

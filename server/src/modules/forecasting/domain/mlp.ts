import type { Random } from './prng.js';

/**
 * A one-hidden-layer perceptron (ReLU) with 24 linear outputs, trained by Adam on the
 * mean absolute error, the loss the desk is judged on. The optimiser state lives in the
 * network so that retraining continues from where the last calibration stopped.
 */
export interface Mlp {
  inputs: number;
  hidden: number;
  outputs: number;
  /** All parameters in one array: W1 (hidden × inputs), b1, W2 (outputs × hidden), b2. */
  weights: Float64Array;
  firstMoment: Float64Array;
  secondMoment: Float64Array;
  steps: number;
}

export interface MlpTraining {
  epochs: number;
  batchSize?: number;
  learningRate?: number;
  /** Decoupled weight decay (AdamW), a gentle pull toward small weights. */
  weightDecay?: number;
  random: Random;
}

export function createMlp(inputs: number, hidden: number, outputs: number, random: Random): Mlp {
  const size = hidden * inputs + hidden + outputs * hidden + outputs;
  const weights = new Float64Array(size);
  const first = Math.sqrt(2 / inputs);
  const second = Math.sqrt(1 / hidden);
  for (let i = 0; i < hidden * inputs; i++) weights[i] = random.normal() * first;
  const w2 = hidden * inputs + hidden;
  for (let i = 0; i < outputs * hidden; i++) weights[w2 + i] = random.normal() * second;
  return {
    inputs,
    hidden,
    outputs,
    weights,
    firstMoment: new Float64Array(size),
    secondMoment: new Float64Array(size),
    steps: 0,
  };
}

export function predictMlp(
  net: Mlp,
  row: ArrayLike<number>,
  out: Float64Array,
  activations = new Float64Array(net.hidden),
): void {
  const { inputs, hidden, outputs, weights } = net;
  const b1 = hidden * inputs;
  const w2 = b1 + hidden;
  const b2 = w2 + outputs * hidden;
  for (let u = 0; u < hidden; u++) {
    let s = weights[b1 + u]!;
    const from = u * inputs;
    for (let i = 0; i < inputs; i++) s += weights[from + i]! * row[i]!;
    activations[u] = s > 0 ? s : 0;
  }
  for (let o = 0; o < outputs; o++) {
    let s = weights[b2 + o]!;
    const from = w2 + o * hidden;
    for (let u = 0; u < hidden; u++) s += weights[from + u]! * activations[u]!;
    out[o] = s;
  }
}

/** Trains on row-major `x` (rows × inputs) against `y` (rows × outputs). */
export function trainMlp(
  net: Mlp,
  x: Float64Array,
  y: Float64Array,
  rows: number,
  options: MlpTraining,
): void {
  const { inputs, hidden, outputs, weights } = net;
  const batchSize = options.batchSize ?? 32;
  const rate = options.learningRate ?? 1e-3;
  const decay = options.weightDecay ?? 1e-4;
  const b1 = hidden * inputs;
  const w2 = b1 + hidden;
  const b2 = w2 + outputs * hidden;
  const gradient = new Float64Array(weights.length);
  const activations = new Float64Array(hidden);
  const output = new Float64Array(outputs);
  const backHidden = new Float64Array(hidden);
  const order = Array.from({ length: rows }, (_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = rows - 1; i > 0; i--) {
      const j = Math.floor(options.random.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let start = 0; start < rows; start += batchSize) {
      const end = Math.min(start + batchSize, rows);
      gradient.fill(0);
      const scale = 1 / ((end - start) * outputs);
      for (let s = start; s < end; s++) {
        const r = order[s]!;
        const row = x.subarray(r * inputs, (r + 1) * inputs);
        predictMlp(net, row, output, activations);
        backHidden.fill(0);
        for (let o = 0; o < outputs; o++) {
          const error = output[o]! - y[r * outputs + o]!;
          const g = (error > 0 ? 1 : error < 0 ? -1 : 0) * scale;
          if (g === 0) continue;
          gradient[b2 + o]! += g;
          const from = w2 + o * hidden;
          for (let u = 0; u < hidden; u++) {
            gradient[from + u]! += g * activations[u]!;
            backHidden[u]! += g * weights[from + u]!;
          }
        }
        for (let u = 0; u < hidden; u++) {
          if (activations[u]! <= 0) continue;
          const g = backHidden[u]!;
          gradient[b1 + u]! += g;
          const from = u * inputs;
          for (let i = 0; i < inputs; i++) gradient[from + i]! += g * row[i]!;
        }
      }
      adamStep(net, gradient, rate, decay);
    }
  }
}

function adamStep(net: Mlp, gradient: Float64Array, rate: number, decay: number): void {
  const beta1 = 0.9;
  const beta2 = 0.999;
  net.steps++;
  const correction1 = 1 - Math.pow(beta1, net.steps);
  const correction2 = 1 - Math.pow(beta2, net.steps);
  const { weights, firstMoment: m, secondMoment: v } = net;
  for (let i = 0; i < weights.length; i++) {
    const g = gradient[i]!;
    m[i] = beta1 * m[i]! + (1 - beta1) * g;
    v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
    const step = m[i]! / correction1 / (Math.sqrt(v[i]! / correction2) + 1e-8);
    weights[i] = weights[i]! - rate * (step + decay * weights[i]!);
  }
}

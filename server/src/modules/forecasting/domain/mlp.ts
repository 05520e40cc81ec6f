import type { Random } from './prng.js';

/**
 * A multilayer perceptron (ReLU hidden layers, linear outputs) trained by Adam on the
 * mean absolute error, the loss the desk is judged on. The optimiser state lives in the
 * network so that retraining continues from where the last calibration stopped.
 */
export interface Mlp {
  /** Units per layer, inputs first and outputs last. */
  layers: readonly number[];
  /** All parameters in one array, layer by layer: W (units × inputs of the layer), then b. */
  weights: Float64Array;
  /** Where each layer's W starts in `weights`; its b follows W. */
  offsets: readonly number[];
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

/** A network with `inputs`, the hidden layer sizes and `outputs`; He initialisation. */
export function createMlp(
  inputs: number,
  hidden: number | readonly number[],
  outputs: number,
  random: Random,
): Mlp {
  const layers = [inputs, ...(typeof hidden === 'number' ? [hidden] : hidden), outputs];
  const offsets: number[] = [];
  let size = 0;
  for (let l = 1; l < layers.length; l++) {
    offsets.push(size);
    size += layers[l]! * layers[l - 1]! + layers[l]!;
  }
  const weights = new Float64Array(size);
  for (let l = 1; l < layers.length; l++) {
    const fanIn = layers[l - 1]!;
    // ReLU layers keep their variance with 2 / fan-in; the linear output layer with 1.
    const deviation = Math.sqrt((l < layers.length - 1 ? 2 : 1) / fanIn);
    const from = offsets[l - 1]!;
    for (let i = 0; i < layers[l]! * fanIn; i++) weights[from + i] = random.normal() * deviation;
  }
  return {
    layers,
    offsets,
    weights,
    firstMoment: new Float64Array(size),
    secondMoment: new Float64Array(size),
    steps: 0,
  };
}

/** Scratch for every layer's activations, reused across calls. */
export function activationBuffer(net: Mlp): Float64Array {
  return new Float64Array(net.layers.reduce((s, u) => s + u, 0));
}

/** Forward pass of one row; the outputs land in `out`. */
export function predictMlp(
  net: Mlp,
  row: ArrayLike<number>,
  out: Float64Array,
  activations = activationBuffer(net),
): void {
  const { layers } = net;
  for (let i = 0; i < layers[0]!; i++) activations[i] = row[i]!;
  forward(net, activations);
  const last = activations.length - layers[layers.length - 1]!;
  for (let o = 0; o < out.length; o++) out[o] = activations[last + o]!;
}

function forward(net: Mlp, a: Float64Array): void {
  const { layers, offsets, weights } = net;
  let from = 0;
  for (let l = 1; l < layers.length; l++) {
    const fanIn = layers[l - 1]!;
    const units = layers[l]!;
    const to = from + fanIn;
    const w = offsets[l - 1]!;
    const bias = w + units * fanIn;
    const hidden = l < layers.length - 1;
    for (let u = 0; u < units; u++) {
      let s = weights[bias + u]!;
      const row = w + u * fanIn;
      for (let i = 0; i < fanIn; i++) s += weights[row + i]! * a[from + i]!;
      a[to + u] = hidden && s < 0 ? 0 : s;
    }
    from = to;
  }
}

/**
 * Trains on row-major `x` (rows × inputs) against `y` (rows × outputs). Samples go
 * through the network four at a time: each weight is then loaded once for four
 * products, which is most of the speed of this loop in JavaScript.
 */
export function trainMlp(
  net: Mlp,
  x: Float64Array,
  y: Float64Array,
  rows: number,
  options: MlpTraining,
): void {
  const { layers, weights } = net;
  const inputs = layers[0]!;
  const outputs = layers[layers.length - 1]!;
  const batchSize = options.batchSize ?? 32;
  const rate = options.learningRate ?? 1e-3;
  const decay = options.weightDecay ?? 1e-4;
  const gradient = new Float64Array(weights.length);
  const lanes = Array.from({ length: LANES }, () => ({
    a: activationBuffer(net),
    delta: activationBuffer(net),
  }));
  const last = lanes[0]!.a.length - outputs;
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
      for (let s = start; s < end; s += LANES) {
        lanes.forEach((lane, k) => {
          // A short last group repeats a sample with a zero gradient.
          const r = order[s + k < end ? s + k : s]!;
          for (let i = 0; i < inputs; i++) lane.a[i] = x[r * inputs + i]!;
        });
        forwardLanes(net, lanes);
        lanes.forEach((lane, k) => {
          const used = s + k < end;
          const r = order[used ? s + k : s]!;
          // The gradient of the mean absolute error is the sign of each output's error.
          for (let o = 0; o < outputs; o++) {
            const error = lane.a[last + o]! - y[r * outputs + o]!;
            lane.delta[last + o] = used ? (error > 0 ? scale : error < 0 ? -scale : 0) : 0;
          }
        });
        backward(net, lanes, gradient);
      }
      adamStep(net, gradient, rate, decay);
    }
  }
}

const LANES = 4;

interface Lane {
  a: Float64Array;
  delta: Float64Array;
}

/** The forward pass of four samples at once. */
function forwardLanes(net: Mlp, lanes: readonly Lane[]): void {
  const { layers, offsets, weights } = net;
  const [a0, a1, a2, a3] = lanes.map((lane) => lane.a) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  let from = 0;
  for (let l = 1; l < layers.length; l++) {
    const fanIn = layers[l - 1]!;
    const units = layers[l]!;
    const to = from + fanIn;
    const w = offsets[l - 1]!;
    const bias = w + units * fanIn;
    const floor = l < layers.length - 1 ? 0 : -Infinity;
    for (let u = 0; u < units; u++) {
      const b = weights[bias + u]!;
      let s0 = b;
      let s1 = b;
      let s2 = b;
      let s3 = b;
      const row = w + u * fanIn;
      for (let i = 0; i < fanIn; i++) {
        const weight = weights[row + i]!;
        const k = from + i;
        s0 += weight * a0[k]!;
        s1 += weight * a1[k]!;
        s2 += weight * a2[k]!;
        s3 += weight * a3[k]!;
      }
      a0[to + u] = s0 > floor ? s0 : 0;
      a1[to + u] = s1 > floor ? s1 : 0;
      a2[to + u] = s2 > floor ? s2 : 0;
      a3[to + u] = s3 > floor ? s3 : 0;
    }
    from = to;
  }
}

/** Back-propagates the output deltas of four samples and adds their gradient. */
function backward(net: Mlp, lanes: readonly Lane[], gradient: Float64Array): void {
  const { layers, offsets, weights } = net;
  const [l0, l1, l2, l3] = lanes as [Lane, Lane, Lane, Lane];
  let at = l0.a.length;
  for (let l = layers.length - 1; l >= 1; l--) {
    const units = layers[l]!;
    const fanIn = layers[l - 1]!;
    at -= units;
    const below = at - fanIn;
    const w = offsets[l - 1]!;
    const bias = w + units * fanIn;
    const propagate = l > 1;
    if (propagate) for (const lane of lanes) lane.delta.fill(0, below, at);
    for (let u = 0; u < units; u++) {
      const g0 = l0.delta[at + u]!;
      const g1 = l1.delta[at + u]!;
      const g2 = l2.delta[at + u]!;
      const g3 = l3.delta[at + u]!;
      if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0) continue;
      gradient[bias + u]! += g0 + g1 + g2 + g3;
      const row = w + u * fanIn;
      const [a0, a1, a2, a3] = [l0.a, l1.a, l2.a, l3.a];
      for (let i = 0; i < fanIn; i++) {
        const k = below + i;
        gradient[row + i]! += g0 * a0[k]! + g1 * a1[k]! + g2 * a2[k]! + g3 * a3[k]!;
      }
      if (propagate) {
        const [d0, d1, d2, d3] = [l0.delta, l1.delta, l2.delta, l3.delta];
        for (let i = 0; i < fanIn; i++) {
          const weight = weights[row + i]!;
          const k = below + i;
          d0[k]! += g0 * weight;
          d1[k]! += g1 * weight;
          d2[k]! += g2 * weight;
          d3[k]! += g3 * weight;
        }
      }
    }
    // ReLU passes the gradient only where the unit was on.
    if (propagate) {
      for (const lane of lanes)
        for (let k = below; k < at; k++) if (lane.a[k]! <= 0) lane.delta[k] = 0;
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

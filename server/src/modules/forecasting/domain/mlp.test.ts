import { describe, expect, it } from 'vitest';
import { createMlp, predictMlp, trainMlp } from './mlp.js';
import { seededRandom } from './prng.js';

/** y0 = |x0| - x1 x2 and y1 = max(x1, x2): neither is linear in the inputs. */
function nonLinearProblem(rows: number, seed: number) {
  const random = seededRandom(seed);
  const x = new Float64Array(rows * 3);
  const y = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    const [a, b, c] = [random.normal(), random.normal(), random.normal()];
    x.set([a, b, c], r * 3);
    y.set([Math.abs(a) - b * c, Math.max(b, c)], r * 2);
  }
  return { x, y };
}

function meanAbsoluteError(
  net: ReturnType<typeof createMlp>,
  x: Float64Array,
  y: Float64Array,
): number {
  const out = new Float64Array(2);
  let s = 0;
  const rows = y.length / 2;
  for (let r = 0; r < rows; r++) {
    predictMlp(net, x.subarray(r * 3, r * 3 + 3), out);
    s += Math.abs(out[0]! - y[r * 2]!) + Math.abs(out[1]! - y[r * 2 + 1]!);
  }
  return s / (2 * rows);
}

describe('multilayer perceptron', () => {
  const train = nonLinearProblem(600, 1);
  const test = nonLinearProblem(200, 2);

  for (const hidden of [24, [24, 12]] as const) {
    it(`learns a non-linear relation with hidden layers ${JSON.stringify(hidden)}`, () => {
      const net = createMlp(3, hidden, 2, seededRandom(5));
      const before = meanAbsoluteError(net, test.x, test.y);
      trainMlp(net, train.x, train.y, 600, {
        epochs: 150,
        learningRate: 5e-3,
        random: seededRandom(6),
      });
      const after = meanAbsoluteError(net, test.x, test.y);
      expect(after).toBeLessThan(0.15 * before);
      expect(after).toBeLessThan(0.15);
    });
  }

  it('trains to the same weights from the same seeds', () => {
    const nets = [1, 2].map(() => {
      const net = createMlp(3, [8, 4], 2, seededRandom(9));
      trainMlp(net, train.x, train.y, 600, { epochs: 3, random: seededRandom(10) });
      return net;
    });
    expect([...nets[0]!.weights]).toEqual([...nets[1]!.weights]);
  });
});

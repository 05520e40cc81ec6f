import { describe, expect, it } from 'vitest';
import { seededRandom } from './prng.js';
import { STABILISER_KINDS, stabiliseColumnsWith } from './stabilisers.js';

describe('LEAR column stabilisers', () => {
  const rows = 60;
  const random = seededRandom(5);
  // Two spiky price columns and a 0/1 column that must be left alone.
  const original = Float64Array.from({ length: 3 * rows }, (_, i) =>
    i >= 2 * rows ? i % 2 : 40 + 10 * random.normal() + (random.next() < 0.05 ? 300 : 0),
  );

  for (const kind of STABILISER_KINDS) {
    it(`${kind}: transforms the first columns in place and maps them back`, () => {
      const matrix = original.slice();
      const stabilisers = stabiliseColumnsWith(kind, matrix, rows, 2);
      expect(stabilisers).toHaveLength(2);
      for (let j = 0; j < 2; j++) {
        for (let r = 0; r < rows; r++) {
          const i = j * rows + r;
          expect(matrix[i]).toBeCloseTo(stabilisers[j]!.to(original[i]!), 12);
          expect(stabilisers[j]!.from(matrix[i]!)).toBeCloseTo(original[i]!, 8);
        }
      }
      expect(matrix.subarray(2 * rows)).toEqual(original.subarray(2 * rows));
    });

    it(`${kind}: pulls spikes in`, () => {
      const matrix = original.slice();
      stabiliseColumnsWith(kind, matrix, rows, 2);
      const column = Array.from(matrix.subarray(0, rows));
      expect(Math.max(...column) - Math.min(...column)).toBeLessThan(10);
    });
  }
});

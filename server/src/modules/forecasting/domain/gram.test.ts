import { describe, expect, it } from 'vitest';
import { centredGram, centredGramOfColumns, momentsOfTargets, targetMoments } from './gram.js';
import { seededRandom } from './prng.js';

function randomMatrix(rows: number, columns: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length: rows * columns }, () => 3 + random.normal());
}

/** X'X / n of the centred design, the plain way. */
function naiveGram(x: Float64Array, rows: number, columns: number): number[][] {
  const means = Array.from({ length: columns }, (_, j) => {
    let s = 0;
    for (let r = 0; r < rows; r++) s += x[r * columns + j]!;
    return s / rows;
  });
  return means.map((_, j) =>
    means.map((__, k) => {
      let s = 0;
      for (let r = 0; r < rows; r++)
        s += (x[r * columns + j]! - means[j]!) * (x[r * columns + k]! - means[k]!);
      return s / rows;
    }),
  );
}

describe('centred Gram matrix', () => {
  // Odd sizes reach the edges of the blocked loops (pairs of columns, fours of targets).
  for (const columns of [1, 2, 5, 11]) {
    it(`matches the plain definition for ${columns} column(s)`, () => {
      const rows = 23;
      const x = randomMatrix(rows, columns, columns);
      const { gram } = centredGram(x, rows, columns);
      const expected = naiveGram(x, rows, columns);
      for (let j = 0; j < columns; j++)
        for (let k = 0; k < columns; k++)
          expect(gram[j * columns + k]!).toBeCloseTo(expected[j]![k]!, 12);
    });
  }

  it('gives the same system from a column-major design', () => {
    const rows = 17;
    const columns = 7;
    const x = randomMatrix(rows, columns, 3);
    const byColumn = new Float64Array(rows * columns);
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < columns; j++) byColumn[j * rows + r] = x[r * columns + j]!;
    const fromRows = centredGram(x, rows, columns);
    const fromColumns = centredGramOfColumns(byColumn, rows, columns);
    expect([...fromColumns.gram]).toEqual([...fromRows.gram]);
    expect([...fromColumns.means]).toEqual([...fromRows.means]);
  });

  it('computes the moments of many targets as it does one at a time', () => {
    const rows = 19;
    const columns = 6;
    const system = centredGram(randomMatrix(rows, columns, 5), rows, columns);
    const hours = 7;
    const y = randomMatrix(rows, hours, 9);
    const targets = Array.from({ length: hours }, (_, h) =>
      Float64Array.from({ length: rows }, (__, r) => y[r * hours + h]!),
    );
    const together = momentsOfTargets(system, targets);
    for (let h = 0; h < hours; h++) {
      const alone = targetMoments(system, y, hours, h);
      expect(together[h]!.mean).toBeCloseTo(alone.mean, 12);
      expect(together[h]!.variance).toBeCloseTo(alone.variance, 12);
      for (let j = 0; j < columns; j++)
        expect(together[h]!.cross[j]!).toBeCloseTo(alone.cross[j]!, 12);
    }
  });
});

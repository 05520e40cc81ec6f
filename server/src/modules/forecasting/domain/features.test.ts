import { describe, expect, it } from 'vitest';
import { buildColumnDesign, buildDesign, featureCount, WEEKDAY_DUMMIES } from './features.js';
import { HOURS } from './market-days.js';
import { seededRandom } from './prng.js';
import { stabiliseColumnMajor, stabiliseColumns } from './robust-scaling.js';
import { syntheticMarket } from './synthetic-market.js';

describe('LEAR design matrices', () => {
  const market = syntheticMarket(40, seededRandom(4));
  const firstDay = 9;
  const lastDay = 30;

  it('lays out the same regressors and targets column-major as row-major', () => {
    const rowMajor = buildDesign(market, firstDay, lastDay);
    const columnMajor = buildColumnDesign(market, firstDay, lastDay);
    const { rows, columns } = rowMajor;
    expect(columnMajor.columns).toBe(featureCount(market.exogenous.length));
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < columns; j++)
        expect(columnMajor.x[j * rows + r]).toBe(rowMajor.x[r * columns + j]);
      for (let h = 0; h < HOURS; h++)
        expect(columnMajor.y[h * rows + r]).toBe(rowMajor.y[r * HOURS + h]);
    }
  });

  it('stabilises each column to the same values in either layout, leaving the weekday dummies', () => {
    const rowMajor = buildDesign(market, firstDay, lastDay);
    const columnMajor = buildColumnDesign(market, firstDay, lastDay);
    const { rows, columns } = rowMajor;
    const scaled = columns - WEEKDAY_DUMMIES;
    const fromRows = stabiliseColumns(rowMajor.x, rows, columns, scaled);
    const fromColumns = stabiliseColumnMajor(columnMajor.x, rows, scaled);
    expect(fromColumns).toEqual(fromRows);
    for (let r = 0; r < rows; r++)
      for (let j = 0; j < columns; j++)
        expect(columnMajor.x[j * rows + r]).toBe(rowMajor.x[r * columns + j]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  curveSteps,
  curvesFor,
  deliveryLabel,
  finestCover,
  newestFirst,
  tenorRows,
} from './curveLines';
import type { CurvePoint } from './types';

// Berlin months start at local midnight: 22:00 or 23:00 UTC the day before.
const sep: CurvePoint = {
  start: '2026-08-31T22:00:00Z',
  end: '2026-09-30T22:00:00Z',
  tenor: 'month',
  price: 85,
};
const oct: CurvePoint = {
  start: '2026-09-30T22:00:00Z',
  end: '2026-10-31T23:00:00Z',
  tenor: 'month',
  price: 90,
};
const q4: CurvePoint = {
  start: '2026-09-30T22:00:00Z',
  end: '2026-12-31T23:00:00Z',
  tenor: 'quarter',
  price: 95,
};
const q1: CurvePoint = {
  start: '2026-12-31T23:00:00Z',
  end: '2027-03-31T22:00:00Z',
  tenor: 'quarter',
  price: 99,
};
const cal27: CurvePoint = {
  start: '2026-12-31T23:00:00Z',
  end: '2027-12-31T23:00:00Z',
  tenor: 'year',
  price: 80,
};

describe('forward curves on the page', () => {
  it('draws each delivery period as a step from its start, closed at the last delivery end', () => {
    expect(curveSteps([oct, sep])).toEqual([
      { time: Date.parse(sep.start), value: 85 },
      { time: Date.parse(oct.start), value: 90 },
      { time: Date.parse(oct.end), value: 90 },
    ]);
    expect(curveSteps([])).toEqual([]);
  });

  it('draws the finest product at each date: months, then quarters after them, then years', () => {
    expect(finestCover([cal27, q1, q4, oct, sep])).toEqual([sep, oct, q1]);
    const cal28 = { ...cal27, start: '2027-12-31T23:00:00Z', end: '2028-12-31T23:00:00Z' };
    expect(finestCover([cal28, q1, cal27])).toEqual([q1, cal28]);
  });

  it('names delivery periods as a trader does, on the market calendar', () => {
    expect(deliveryLabel(oct, 'Europe/Berlin')).toBe('Oct 2026');
    expect(deliveryLabel(q1, 'Europe/Berlin')).toBe('Q1 2027');
    expect(deliveryLabel(cal27, 'Europe/Berlin')).toBe('Cal 2027');
    // The same instant is still September in UTC, so the zone matters.
    expect(deliveryLabel(oct, 'UTC')).toBe('Sep 2026');
  });

  it('lists months before quarters and years, paired with the compared curve by product', () => {
    const rows = tenorRows(
      [q4, oct, sep],
      [
        { ...sep, price: 80 },
        { ...q4, price: 93 },
      ],
      'Europe/Berlin',
    );
    expect(rows.map((r) => [r.delivery, r.compared])).toEqual([
      ['Sep 2026', 80],
      ['Oct 2026', null],
      ['Q4 2026', 93],
    ]);
  });

  it('finds the curves of the instrument market, the one naming it first, and lists as-of dates newest first', () => {
    const curves = [
      {
        id: 'PWR-DE-LU-PEAK',
        commodity: 'power',
        area: 'DE-LU',
        asOfDates: [],
        instrumentIds: ['PWR-DE-LU-FUT-M-PEAK'],
      },
      {
        id: 'PWR-DE-LU-BASE',
        commodity: 'power',
        area: 'DE-LU',
        asOfDates: [],
        instrumentIds: ['PWR-DE-LU-DA-H'],
      },
      { id: 'PWR-FR-BASE', commodity: 'power', area: 'FR', asOfDates: [] },
    ];
    const dayAhead = { id: 'PWR-DE-LU-DA-H', commodity: 'power', area: 'DE-LU' };
    expect(curvesFor(curves, dayAhead).map((c) => c.id)).toEqual([
      'PWR-DE-LU-BASE',
      'PWR-DE-LU-PEAK',
    ]);
    expect(newestFirst(['2026-07-14', '2026-07-15', '2026-07-13'])).toEqual([
      '2026-07-15',
      '2026-07-14',
      '2026-07-13',
    ]);
  });
});

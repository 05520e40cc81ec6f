import { describe, expect, it } from 'vitest';
import { standardCatalogue } from './catalogue.js';
import type { ForwardCurve } from './forward-curve.js';
import { averageOver, monthlyPrices } from './forward-curve.js';
import { CONTINENTAL_PROFILE, shapeToHours } from './shaping.js';
import { toLocal } from './time-zone.js';

const base = standardCatalogue.get('PWR-DE-LU-FUT-M-BASE');
const peak = standardCatalogue.get('PWR-DE-LU-FUT-M-PEAK');

const curve: ForwardCurve = {
  instrument: base,
  asOf: '2026-01-15',
  points: [
    { tenor: 'month', year: 2026, index: 2, price: 95 },
    { tenor: 'month', year: 2026, index: 3, price: 80 },
    { tenor: 'quarter', year: 2026, index: 2, price: 70 },
    { tenor: 'year', year: 2027, index: 1, price: 85 },
    { tenor: 'quarter', year: 2027, index: 1, price: 100 },
  ],
};

describe('forward curve decomposition', () => {
  it('keeps quoted months and fills a quarter flat', () => {
    const months = monthlyPrices(curve);
    expect(months.find((m) => m.year === 2026 && m.month === 2)).toMatchObject({
      price: 95,
      source: 'month',
    });
    const q2 = months.filter((m) => m.year === 2026 && m.month >= 4 && m.month <= 6);
    expect(q2.map((m) => m.price)).toEqual([70, 70, 70]);
    expect(q2.every((m) => m.source === 'quarter')).toBe(true);
  });

  it('fills a year around its quoted quarter so that both reprice by delivery hours', () => {
    const months = monthlyPrices(curve);
    const all = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(averageOver(curve, months, 2027, all)).toBeCloseTo(85, 9);
    expect(averageOver(curve, months, 2027, [1, 2, 3])).toBeCloseTo(100, 9);
    const rest = months.filter((m) => m.year === 2027 && m.month > 3);
    expect(rest).toHaveLength(9);
    expect(rest[0]?.price).toBeLessThan(85);
    expect(rest[0]?.source).toBe('year');
  });

  it('reprices a quarter by delivery hours for base and peak curves alike', () => {
    const partial: ForwardCurve = {
      ...curve,
      points: [
        { tenor: 'quarter', year: 2026, index: 1, price: 90 },
        { tenor: 'month', year: 2026, index: 1, price: 100 },
      ],
    };
    const months = monthlyPrices(partial);
    expect(averageOver(partial, months, 2026, [1, 2, 3])).toBeCloseTo(90, 9);
    const peakCurve: ForwardCurve = { ...partial, instrument: peak };
    expect(averageOver(peakCurve, monthlyPrices(peakCurve), 2026, [1, 2, 3])).toBeCloseTo(90, 9);
  });

  it('rejects a quarter numbered 5', () => {
    expect(() =>
      monthlyPrices({ ...curve, points: [{ tenor: 'quarter', year: 2026, index: 5, price: 1 }] }),
    ).toThrow(/outside 1–4/);
  });
});

describe('hourly shaping', () => {
  it('averages back to each month price, including the 23-hour day in March', () => {
    const months = monthlyPrices(curve).filter((m) => m.year === 2026);
    const hours = shapeToHours(months, base, CONTINENTAL_PROFILE);
    const march = hours.filter((h) => toLocal('Europe/Berlin', h.start).month === 3);
    expect(march).toHaveLength(743);
    expect(march.reduce((sum, h) => sum + h.price, 0) / march.length).toBeCloseTo(80, 9);
  });

  it('prices the evening above the night and working days above weekends', () => {
    const hours = shapeToHours(
      [{ year: 2026, month: 6, price: 60, source: 'month' }],
      base,
      CONTINENTAL_PROFILE,
    );
    const at = (day: number, hour: number): number =>
      hours.find((h) => {
        const local = toLocal('Europe/Berlin', h.start);
        return local.day === day && local.hour === hour;
      })?.price ?? Number.NaN;
    // 3 June 2026 is a Wednesday, 6 June a Saturday.
    expect(at(3, 18)).toBeGreaterThan(at(3, 3));
    expect(at(3, 18)).toBeGreaterThan(at(6, 18));
  });

  it('shapes a peak month only over its peak hours', () => {
    const hours = shapeToHours(
      [{ year: 2026, month: 6, price: 70, source: 'month' }],
      peak,
      CONTINENTAL_PROFILE,
    );
    expect(hours).toHaveLength(22 * 12);
    expect(hours.reduce((sum, h) => sum + h.price, 0) / hours.length).toBeCloseTo(70, 9);
  });

  it('rejects a profile without 24 factors', () => {
    expect(() =>
      shapeToHours([], base, { weekday: [1, 2], weekend: CONTINENTAL_PROFILE.weekend }),
    ).toThrow(/24 finite/);
  });
});

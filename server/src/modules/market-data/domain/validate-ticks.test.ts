import { describe, expect, it } from 'vitest';
import { standardCatalogue } from './catalogue.js';
import { monthInterval } from './delivery-period.js';
import type { IngestRow } from './validate-ticks.js';
import { validateTicks } from './validate-ticks.js';

const hour = (h: number): number => Date.UTC(2026, 2, 10, h);
const good: IngestRow = {
  instrumentId: 'PWR-DE-LU-DA-H',
  time: hour(10),
  price: 80.5,
  volume: 1200,
};

describe('validation of ingested ticks', () => {
  it('accepts a good spot row and fills in its delivery hour', () => {
    const report = validateTicks([good], standardCatalogue);
    expect(report.rejected).toEqual([]);
    expect(report.accepted).toEqual([{ ...good, deliveryStart: hour(10), deliveryEnd: hour(11) }]);
  });

  it('names the row and rule of every broken row and keeps the good ones', () => {
    const rows: IngestRow[] = [
      good,
      { ...good, instrumentId: 'PWR-ATLANTIS-DA-H' },
      { ...good, price: Number.NaN },
      { ...good, volume: -5 },
      { ...good, time: hour(12), delivery: { start: hour(10), end: hour(11) } },
      { ...good, price: Number.POSITIVE_INFINITY, volume: -1 },
    ];
    const report = validateTicks(rows, standardCatalogue);
    expect(report.accepted).toHaveLength(1);
    expect(report.rejected.map(({ row, field, rule }) => ({ row, field, rule }))).toEqual([
      { row: 1, field: 'instrumentId', rule: 'known_instrument' },
      { row: 2, field: 'price', rule: 'finite' },
      { row: 3, field: 'volume', rule: 'non_negative' },
      { row: 4, field: 'time', rule: 'within_delivery_period' },
      { row: 5, field: 'price', rule: 'finite' },
      { row: 5, field: 'volume', rule: 'non_negative' },
    ]);
    expect(report.rejected[0]?.message).toContain('PWR-ATLANTIS-DA-H');
  });

  it("rejects a delivery interval that is not one of the instrument's periods", () => {
    const report = validateTicks(
      [{ ...good, delivery: { start: hour(10), end: hour(12) } }],
      standardCatalogue,
    );
    expect(report.rejected).toMatchObject([{ row: 0, field: 'delivery', rule: 'delivery_period' }]);
  });

  it('requires a delivery month on a futures trade and refuses a trade after delivery ended', () => {
    const april = monthInterval('Europe/Berlin', 2026, 4);
    const future = { instrumentId: 'PWR-DE-LU-FUT-M-BASE', price: 75, volume: 5 };
    const report = validateTicks(
      [
        { ...future, time: hour(9), delivery: april },
        { ...future, time: hour(9) },
        { ...future, time: april.end + 1, delivery: april },
      ],
      standardCatalogue,
    );
    expect(report.accepted).toMatchObject([{ deliveryStart: april.start, deliveryEnd: april.end }]);
    expect(report.rejected).toMatchObject([
      { row: 1, field: 'delivery', rule: 'required' },
      { row: 2, field: 'time', rule: 'within_delivery_period' },
    ]);
  });

  it('rejects a delivery period whose instants could not be read', () => {
    const report = validateTicks(
      [{ ...good, delivery: { start: Number.NaN, end: hour(11) } }],
      standardCatalogue,
    );
    expect(report.rejected).toMatchObject([{ row: 0, field: 'delivery', rule: 'valid_instant' }]);
  });

  it('rejects a peak-block price stamped at night', () => {
    const report = validateTicks(
      [{ ...good, instrumentId: 'PWR-DE-LU-DA-PEAK', time: hour(2) }],
      standardCatalogue,
    );
    expect(report.rejected).toMatchObject([
      { row: 0, field: 'time', rule: 'within_delivery_period' },
    ]);
  });
});

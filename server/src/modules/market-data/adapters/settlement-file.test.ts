import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../domain/catalogue.js';
import { readFixture } from './recorded-fetch.js';
import { parseSettlementFile } from './settlement-file.js';

describe('exchange settlement-price file', () => {
  const imported = parseSettlementFile(
    readFixture('settlements-2026-01-15.csv'),
    standardCatalogue,
  );

  it("maps product codes to instruments with delivery in each market's calendar", () => {
    expect(imported.settlements).toHaveLength(12);
    expect(imported.settlements[0]).toEqual({
      instrumentId: 'PWR-DE-LU-FUT-M-BASE',
      tradeDate: '2026-01-15',
      deliveryStart: Date.UTC(2026, 0, 31, 23),
      deliveryEnd: Date.UTC(2026, 1, 28, 23),
      price: 92.45,
      currency: 'EUR',
      unit: 'MWh',
    });
    // A TTF month runs from 06:00 on the first to 06:00 on the first of the next month.
    const ttf = imported.settlements.find((s) => s.instrumentId === 'GAS-TTF-FUT-M');
    expect(ttf?.deliveryStart).toBe(Date.UTC(2026, 1, 1, 5));
    expect(imported.settlements.find((s) => s.instrumentId === 'GAS-NBP-FUT-M')).toMatchObject({
      price: 0.9012,
      currency: 'GBP',
      unit: 'therm',
    });
  });

  it('rejects rows naming their line and rule', () => {
    expect(imported.rejected.map(({ row, field, rule }) => ({ row, field, rule }))).toEqual([
      { row: 12, field: 'delivery_start', rule: 'delivery_period' },
      { row: 13, field: 'product_code', rule: 'known_product' },
      { row: 14, field: 'currency', rule: 'instrument_currency' },
      { row: 15, field: 'settlement_price', rule: 'finite' },
    ]);
    expect(imported.rejected[0]?.message).toMatch(/^line 14: /);
  });

  it('refuses a file without the documented columns', () => {
    expect(() => parseSettlementFile('date,code,price\n', standardCatalogue)).toThrow(
      /missing column trade_date, product_code, delivery_start, delivery_end, settlement_price, currency, unit/,
    );
  });
});

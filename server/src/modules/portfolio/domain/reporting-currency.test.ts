import { describe, expect, it } from 'vitest';
import {
  explainInReportingCurrency,
  pnlInReportingCurrency,
  type RateOf,
} from './reporting-currency.js';

// Euros per unit: a dollar at 0.9, a pound at 1.2; no rate for yen.
const toEur: RateOf = (currency) => ({ USD: 0.9, GBP: 1.2 })[currency] ?? null;

describe('totals in the reporting currency', () => {
  it('adds positions in three currencies at their rates, a euro line at 1', () => {
    const totals = pnlInReportingCurrency(
      [
        { currency: 'EUR', realisedPnl: 10, unrealisedPnl: 100 },
        { currency: 'USD', realisedPnl: 0, unrealisedPnl: 100 },
        { currency: 'GBP', realisedPnl: -5, unrealisedPnl: null },
      ],
      'EUR',
      toEur,
    );
    expect(totals).toEqual({
      currency: 'EUR',
      realisedPnl: 4,
      unrealisedPnl: 190,
      converted: 3,
      unconverted: [],
    });
  });

  it('leaves out and names a line with no rate instead of adding it unconverted', () => {
    const totals = pnlInReportingCurrency(
      [
        { currency: 'JPY', realisedPnl: 1000, unrealisedPnl: 1000 },
        { currency: 'USD', realisedPnl: 10, unrealisedPnl: 0 },
      ],
      'EUR',
      toEur,
    );
    expect(totals).toMatchObject({
      realisedPnl: 9,
      unrealisedPnl: 0,
      converted: 1,
      unconverted: [0],
    });
  });

  it("converts a day's explained P&L and skips lines that could not be explained", () => {
    const day = explainInReportingCurrency(
      [
        { currency: 'USD', priceMove: 50, newTrades: 10, total: 60 },
        { currency: 'EUR', priceMove: null, newTrades: 5, total: null },
        { currency: 'JPY', priceMove: 1, newTrades: 1, total: 2 },
        { currency: 'EUR', priceMove: 0, newTrades: 6, total: 6 },
      ],
      'EUR',
      toEur,
    );
    expect(day).toEqual({ priceMove: 45, newTrades: 15, total: 60, unconverted: [2] });
  });
});

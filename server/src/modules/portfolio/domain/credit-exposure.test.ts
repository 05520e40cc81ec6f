import { describe, expect, it } from 'vitest';
import {
  counterpartyExposures,
  DEFAULT_ADD_ON_FACTORS,
  type CreditTrade,
} from './credit-exposure.js';

const trade = (overrides: Partial<CreditTrade>): CreditTrade => ({
  tradeId: 't',
  counterparty: 'Utility A',
  markToMarket: 0,
  notional: 0,
  commodityClass: 'gas',
  residualYears: 0.5,
  ...overrides,
});

describe('counterparty credit exposure', () => {
  it('nets mark-to-market within a netting set but not across sets', () => {
    const [exposure] = counterpartyExposures([
      trade({ tradeId: '1', nettingSet: 'EFET-1', markToMarket: 500_000 }),
      trade({ tradeId: '2', nettingSet: 'EFET-1', markToMarket: -300_000 }),
      trade({ tradeId: '3', markToMarket: 100_000 }),
      trade({ tradeId: '4', markToMarket: -250_000 }),
    ]);
    expect(exposure!.currentExposure).toBe(200_000 + 100_000);
    expect(exposure!.netToGrossRatio).toBeCloseTo(300_000 / 600_000, 12);
  });

  it('adds a potential future exposure by commodity and tenor, reduced by netting', () => {
    const [exposure] = counterpartyExposures([
      trade({
        tradeId: '1',
        nettingSet: 'ISDA',
        markToMarket: 100_000,
        notional: 1_000_000,
        commodityClass: 'power',
        residualYears: 2,
      }),
      trade({
        tradeId: '2',
        nettingSet: 'ISDA',
        markToMarket: -100_000,
        notional: 1_000_000,
        commodityClass: 'gas',
        residualYears: 0.5,
      }),
    ]);
    const gross =
      1_000_000 * DEFAULT_ADD_ON_FACTORS.power[1] + 1_000_000 * DEFAULT_ADD_ON_FACTORS.gas[0];
    expect(exposure!.grossAddOn).toBeCloseTo(gross, 6);
    // Fully netted current exposure: only the 40% floor of the add-on remains.
    expect(exposure!.currentExposure).toBe(0);
    expect(exposure!.potentialFutureExposure).toBeCloseTo(0.4 * gross, 6);
  });

  it('reports utilisation, headroom and a breach against the credit limit', () => {
    const exposures = counterpartyExposures(
      [
        trade({
          tradeId: '1',
          counterparty: 'Trader B',
          markToMarket: 900_000,
          notional: 2_000_000,
          commodityClass: 'oil',
          residualYears: 0.2,
        }),
        trade({ tradeId: '2', counterparty: 'Utility A', markToMarket: 100_000 }),
      ],
      [
        { counterparty: 'Trader B', limit: 1_000_000 },
        { counterparty: 'Utility A', limit: 120_000 },
      ],
    );
    const b = exposures.find((e) => e.counterparty === 'Trader B')!;
    expect(b.totalExposure).toBeCloseTo(900_000 + 200_000, 6);
    expect(b.utilisation).toBeCloseTo(1.1, 12);
    expect(b.headroom).toBeCloseTo(-100_000, 6);
    expect(b.status).toBe('breach');
    expect(exposures.find((e) => e.counterparty === 'Utility A')!.status).toBe('warning');
    expect(exposures[0]!.counterparty).toBe('Trader B');
  });

  it('leaves limit fields out for a counterparty without a limit', () => {
    const [exposure] = counterpartyExposures([trade({ markToMarket: 10 })]);
    expect(exposure!.status).toBeUndefined();
  });
});

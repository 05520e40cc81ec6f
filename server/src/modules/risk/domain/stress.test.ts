import { describe, expect, it } from 'vitest';
import { black76Price } from './black76.js';
import { applyShock, runStressTest, type StressPosition, type StressScenario } from './stress.js';
import {
  europeanGasCrisis2021,
  historicStressScenarios,
  negativePriceWeekend,
  winterStormUri2021,
} from './stress-scenarios.js';

const longTtf: StressPosition = {
  id: 'ttf',
  kind: 'linear',
  commodity: 'TTF',
  tenorBucket: 'front-month',
  quantity: 10_000,
  price: 30,
};
const shortTtfCal: StressPosition = {
  id: 'ttf-cal',
  kind: 'linear',
  commodity: 'TTF',
  tenorBucket: 'calendar',
  quantity: -5_000,
  price: 25,
};
const shortCall: StressPosition = {
  id: 'ttf-call',
  kind: 'option',
  commodity: 'TTF',
  tenorBucket: 'front-month',
  quantity: -20_000,
  price: 30,
  optionType: 'call',
  strike: 40,
  expiryYears: 0.25,
  volatility: 0.5,
  rate: 0.02,
};

describe('stress tests', () => {
  it('applies relative, absolute and level shocks', () => {
    expect(applyShock(30, { commodities: [], measure: 'price', kind: 'relative', size: 3 })).toBe(
      120,
    );
    expect(applyShock(30, { commodities: [], measure: 'price', kind: 'absolute', size: -45 })).toBe(
      -15,
    );
    expect(applyShock(30, { commodities: [], measure: 'price', kind: 'level', size: 9000 })).toBe(
      9000,
    );
  });

  it('gives a long TTF position four times its price in the gas crisis', () => {
    const result = runStressTest(europeanGasCrisis2021, [longTtf]);
    expect(result.totalPnl).toBe(10_000 * 30 * 3);
    expect(result.positions[0]!.stressedPrice).toBe(120);
  });

  it('lets a tenor-specific shock win over the commodity-wide one', () => {
    const result = runStressTest(europeanGasCrisis2021, [longTtf, shortTtfCal]);
    const cal = result.positions.find((p) => p.positionId === 'ttf-cal')!;
    expect(cal.stressedPrice).toBe(25 * 2.5);
    expect(cal.pnl).toBe(-5_000 * 25 * 1.5);
    expect(result.totalPnl).toBe(result.positions.reduce((sum, p) => sum + p.pnl, 0));
    expect(result.pnlByCommodity.TTF).toBe(result.totalPnl);
  });

  it('revalues options in full under price and volatility shocks', () => {
    const result = runStressTest(europeanGasCrisis2021, [shortCall]);
    const before = black76Price({
      type: 'call',
      forward: 30,
      strike: 40,
      expiryYears: 0.25,
      volatility: 0.5,
      rate: 0.02,
    });
    const after = black76Price({
      type: 'call',
      forward: 120,
      strike: 40,
      expiryYears: 0.25,
      volatility: 1,
      rate: 0.02,
    });
    expect(result.positions[0]!.stressedVolatility).toBe(1);
    expect(result.totalPnl).toBeCloseTo(-20_000 * (after - before), 6);
  });

  it('sends ERCOT spot to the 9,000 USD/MWh cap in Winter Storm Uri', () => {
    const spot: StressPosition = {
      id: 'ercot-da',
      kind: 'linear',
      commodity: 'ERCOT-POWER',
      tenorBucket: 'day-ahead',
      quantity: -200,
      price: 35,
    };
    const forward: StressPosition = {
      id: 'ercot-mar',
      kind: 'linear',
      commodity: 'ERCOT-POWER',
      tenorBucket: 'front-month',
      quantity: 1_000,
      price: 40,
    };
    const result = runStressTest(winterStormUri2021, [spot, forward]);
    expect(result.positions[0]!.pnl).toBe(-200 * (9000 - 35));
    expect(result.positions[1]!.stressedPrice).toBeCloseTo(52, 12);
  });

  it('hurts a long weekend power position when prices go negative', () => {
    const weekend: StressPosition = {
      id: 'de-we',
      kind: 'linear',
      commodity: 'DE-POWER',
      tenorBucket: 'weekend',
      quantity: 2_400,
      price: 45,
    };
    const weekday: StressPosition = {
      id: 'de-m',
      kind: 'linear',
      commodity: 'DE-POWER',
      tenorBucket: 'front-month',
      quantity: 2_400,
      price: 90,
    };
    const result = runStressTest(negativePriceWeekend, [weekend, weekday]);
    expect(result.positions[0]!.pnl).toBe(2_400 * (-100 - 45));
    expect(result.positions[1]!.pnl).toBe(0);
  });

  it('values an option on a negative forward at its discounted intrinsic value', () => {
    const scenario: StressScenario = {
      id: 'negative',
      name: 'negative',
      description: '',
      shocks: [{ commodities: ['TTF'], measure: 'price', kind: 'level', size: -10 }],
    };
    const put: StressPosition = { ...shortCall, optionType: 'put', quantity: 1 };
    const result = runStressTest(scenario, [put]);
    const before = black76Price({
      type: 'put',
      forward: 30,
      strike: 40,
      expiryYears: 0.25,
      volatility: 0.5,
      rate: 0.02,
    });
    expect(result.totalPnl).toBeCloseTo(Math.exp(-0.02 * 0.25) * 50 - before, 9);
  });

  it('ships the three historic scenarios with distinct ids', () => {
    expect(new Set(historicStressScenarios.map((s) => s.id)).size).toBe(3);
  });
});

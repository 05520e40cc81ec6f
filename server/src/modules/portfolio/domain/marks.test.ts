import { describe, expect, it } from 'vitest';
import { resolveMark, RECENT_TRADE_MS } from './marks.js';

const now = Date.UTC(2026, 0, 5, 12);
const lastTrade = { price: 51, at: now - 3_600_000, periodLabel: '2026-02' };

describe('choosing the mark of a position', () => {
  it('uses a recent trade in the same delivery period before the curve', () => {
    expect(resolveMark({ periodLabel: '2026-02', asOf: now, lastTrade, curvePrice: 49 })).toEqual({
      price: 51,
      source: 'trade',
    });
  });

  it('uses the curve when the last trade was for another period or is old', () => {
    expect(resolveMark({ periodLabel: '2026-03', asOf: now, lastTrade, curvePrice: 49 })).toEqual({
      price: 49,
      source: 'curve',
    });
    const old = { ...lastTrade, at: now - RECENT_TRADE_MS - 1 };
    expect(
      resolveMark({ periodLabel: '2026-02', asOf: now, lastTrade: old, curvePrice: 49 }),
    ).toEqual({ price: 49, source: 'curve' });
  });

  it('falls back to an old trade, saying so, only without a curve', () => {
    const old = { ...lastTrade, at: now - RECENT_TRADE_MS - 1 };
    expect(
      resolveMark({ periodLabel: '2026-02', asOf: now, lastTrade: old, curvePrice: null }),
    ).toEqual({ price: 51, source: 'stale_trade' });
    expect(
      resolveMark({ periodLabel: '2026-03', asOf: now, lastTrade: old, curvePrice: null }),
    ).toBeNull();
  });

  it('ignores a trade made after the instant being marked', () => {
    expect(
      resolveMark({ periodLabel: '2026-02', asOf: now - 7_200_000, lastTrade, curvePrice: null }),
    ).toBeNull();
  });
});

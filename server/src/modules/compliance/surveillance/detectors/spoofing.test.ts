import { describe, expect, it } from 'vitest';
import { LogBuilder, MIN, runDetector, SEC } from '../test-support.js';
import { spoofingDetector } from './spoofing.js';

/** A book with some ordinary trading, so that "typical size" and "the touch" mean something. */
function market(): LogBuilder {
  const log = new LogBuilder();
  for (let i = 0; i < 20; i++) {
    const o = log.place(i * SEC, `t${i % 4}`, i % 2 ? 'buy' : 'sell', 5, null);
    log.fill(
      i * SEC + 1,
      i % 2 ? `t${i % 4}` : 'mm',
      i % 2 ? 'mm' : `t${i % 4}`,
      5,
      80,
      i % 2 ? 'buy' : 'sell',
      i % 2 ? { buy: o } : { sell: o },
    );
  }
  return log;
}

describe('spoofing and layering detector', () => {
  it('flags large bids near the touch cancelled right after the account sold, as layering when at several prices', () => {
    const log = market();
    const t = MIN;
    const genuine = log.place(t, 'spoofer', 'sell', 5, 80.06);
    const b1 = log.place(t + 100, 'spoofer', 'buy', 60, 79.98);
    const b2 = log.place(t + 200, 'spoofer', 'buy', 60, 79.95);
    const fill = log.fill(t + 10 * SEC, 'taker', 'spoofer', 5, 80.06, 'buy', { sell: genuine });
    log.cancel(t + 12 * SEC, 'spoofer', b1, 60);
    log.cancel(t + 13 * SEC, 'spoofer', b2, 60);
    const alerts = runDetector(spoofingDetector(), log.sorted());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      detector: 'spoofing',
      pattern: 'layering',
      accounts: ['spoofer'],
    });
    expect(alerts[0]!.evidence).toContain(fill);
    expect(alerts[0]!.facts.spoofToFill).toBe(24);
  });

  it('treats a cancel followed at once by a new order on the same side as a re-quote', () => {
    const log = market();
    const t = MIN;
    const bid = log.place(t, 'mm2', 'buy', 60, 79.98);
    log.fill(t + 5 * SEC, 'taker', 'mm2', 5, 80.05, 'buy');
    log.cancel(t + 6 * SEC, 'mm2', bid, 60);
    log.place(t + 6 * SEC + 500, 'mm2', 'buy', 20, 80);
    expect(runDetector(spoofingDetector(), log.sorted())).toEqual([]);
  });

  it('does not flag a large order cancelled long after the fill, or one resting far from the market', () => {
    const slow = market();
    const bid = slow.place(MIN, 'trader', 'buy', 60, 79.98);
    slow.fill(MIN + 5 * SEC, 'taker', 'trader', 5, 80.05, 'buy');
    slow.cancel(MIN + 90 * SEC, 'trader', bid, 60);
    expect(runDetector(spoofingDetector(), slow.sorted())).toEqual([]);

    const far = market();
    const deep = far.place(MIN, 'trader', 'buy', 60, 78);
    far.fill(MIN + 5 * SEC, 'taker', 'trader', 5, 80.05, 'buy');
    far.cancel(MIN + 6 * SEC, 'trader', deep, 60);
    expect(runDetector(spoofingDetector(), far.sorted())).toEqual([]);
  });

  it('does not flag a large order cancelled without any fill on the other side', () => {
    const log = market();
    const bid = log.place(MIN, 'trader', 'buy', 60, 79.98);
    log.cancel(MIN + 5 * SEC, 'trader', bid, 60);
    expect(runDetector(spoofingDetector(), log.sorted())).toEqual([]);
  });
});

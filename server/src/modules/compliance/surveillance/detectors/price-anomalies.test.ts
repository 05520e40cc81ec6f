import { describe, expect, it } from 'vitest';
import { LogBuilder, medianSpikes, runDetector, SEC } from '../test-support.js';
import { priceAnomalyDetector } from './price-anomalies.js';

/** Prints wobbling by a cent around 80. */
function feed(log: LogBuilder, from: number, n: number, level = 80): void {
  for (let i = 0; i < n; i++) log.price(from + i * 20 * SEC, level + ((i * 7) % 3) * 0.01);
}

const detector = () => priceAnomalyDetector(medianSpikes, { window: 20, threshold: 16 });

describe('price anomaly detector', () => {
  it('flags an isolated off-market print once the feed is back', () => {
    const log = new LogBuilder();
    feed(log, 0, 30);
    const bad = log.price(30 * 20 * SEC + SEC, 84);
    feed(log, 31 * 20 * SEC, 5);
    const alerts = runDetector(detector(), log.sorted());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ detector: 'price_anomaly', evidence: [bad], accounts: [] });
    expect(alerts[0]!.score).toBeGreaterThanOrEqual(0.5);
  });

  it('flags two bad prints in a row as one burst, and one with a good print between as two', () => {
    const burst = new LogBuilder();
    feed(burst, 0, 30);
    burst.price(30 * 20 * SEC + SEC, 84);
    burst.price(30 * 20 * SEC + 2 * SEC, 83);
    feed(burst, 31 * 20 * SEC, 5);
    expect(runDetector(detector(), burst.sorted()).map((a) => a.evidence.length)).toEqual([2]);

    const split = new LogBuilder();
    feed(split, 0, 30);
    split.price(30 * 20 * SEC + SEC, 84);
    split.price(30 * 20 * SEC + 2 * SEC, 80);
    split.price(30 * 20 * SEC + 3 * SEC, 76);
    feed(split, 31 * 20 * SEC, 5);
    expect(runDetector(detector(), split.sorted())).toHaveLength(2);
  });

  it('does not flag a jump to a new level that the feed keeps', () => {
    const log = new LogBuilder();
    feed(log, 0, 30);
    feed(log, 30 * 20 * SEC, 10, 83);
    expect(runDetector(detector(), log.sorted())).toEqual([]);
  });

  it('says nothing until the feed has a full window of history, or while a print is undecided', () => {
    const short = new LogBuilder();
    feed(short, 0, 5);
    short.price(5 * 20 * SEC, 90);
    feed(short, 6 * 20 * SEC, 3);
    expect(runDetector(detector(), short.sorted())).toEqual([]);
    const pending = new LogBuilder();
    feed(pending, 0, 30);
    pending.price(30 * 20 * SEC + SEC, 84);
    expect(runDetector(detector(), pending.sorted())).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { LogBuilder, MIN, runDetector, SEC } from '../test-support.js';
import { markingTheCloseDetector } from './marking-the-close.js';

const CLOSE = 60 * MIN;
const OPEN = CLOSE - 5 * MIN;

/** Half an hour of steady trading at 80 before the settlement window. */
function beforeTheWindow(): LogBuilder {
  const log = new LogBuilder();
  for (let t = 20 * MIN; t < OPEN; t += 30 * SEC) log.fill(t, 'a', 'b', 5, 80, 'buy');
  return log;
}

describe('marking the close detector', () => {
  it('flags an account that buys aggressively in the window and lifts the settlement price', () => {
    const log = beforeTheWindow();
    for (let i = 0; i < 8; i++)
      log.fill(OPEN + i * 30 * SEC, 'closer', 'mm', 10, 80 + 0.1 * (i + 1), 'buy');
    log.fill(OPEN + 10 * SEC, 'a', 'b', 5, 80.2, 'sell');
    const window = log.settlement(OPEN, CLOSE);
    const alerts = runDetector(markingTheCloseDetector(), log.sorted());
    expect(alerts.map((a) => a.accounts)).toEqual([['closer']]);
    expect(alerts[0]!.evidence).toContain(window);
    expect(alerts[0]!.facts.move).toBeGreaterThan(0.004);
    expect(alerts[0]!.score).toBeGreaterThan(0.5);
  });

  it('does not flag a hedge resting at the market price, even when the price moves its way', () => {
    const log = beforeTheWindow();
    for (let i = 0; i < 8; i++)
      log.fill(OPEN + i * 30 * SEC, 'hedger', 'mm', 10, 80 + 0.1 * (i + 1), 'sell');
    log.settlement(OPEN, CLOSE);
    expect(runDetector(markingTheCloseDetector(), log.sorted())).toEqual([]);
  });

  it('does not flag heavy one-way trading that leaves the settlement price where it was', () => {
    const log = beforeTheWindow();
    for (let i = 0; i < 8; i++) log.fill(OPEN + i * 30 * SEC, 'closer', 'mm', 10, 80, 'buy');
    log.settlement(OPEN, CLOSE);
    expect(runDetector(markingTheCloseDetector(), log.sorted())).toEqual([]);
  });

  it('judges nothing for a window with no trading before it', () => {
    const log = new LogBuilder();
    log.fill(OPEN + SEC, 'closer', 'mm', 10, 81, 'buy');
    log.settlement(OPEN, CLOSE);
    expect(runDetector(markingTheCloseDetector(), log.sorted())).toEqual([]);
  });
});

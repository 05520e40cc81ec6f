import { describe, expect, it } from 'vitest';
import { LogBuilder, MIN, runDetector, SEC } from '../test-support.js';
import { momentumIgnitionDetector } from './momentum-ignition.js';

/** Six aggressive buys in 30 s that lift the price from 80 to 80.6. */
function burst(log: LogBuilder): void {
  log.fill(0, 'x', 'y', 2, 80, 'buy');
  for (let i = 0; i < 6; i++)
    log.fill(SEC + i * 5 * SEC, 'igniter', 'mm', 10, 80.1 + 0.1 * i, 'buy');
}

describe('momentum ignition detector', () => {
  it('flags a burst of aggressive buying followed by selling into the move', () => {
    const log = new LogBuilder();
    burst(log);
    log.fill(2 * MIN, 'follower', 'igniter', 30, 80.5, 'buy');
    const exit = log.fill(2 * MIN + 20 * SEC, 'follower', 'igniter', 20, 80.45, 'buy');
    const alerts = runDetector(momentumIgnitionDetector(), log.sorted());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      detector: 'momentum_ignition',
      accounts: ['igniter'],
      to: 2 * MIN + 20 * SEC,
    });
    expect(alerts[0]!.evidence).toContain(exit);
    expect(alerts[0]!.facts.captured).toBeGreaterThan(0);
  });

  it('does not flag a burst that is kept, or sold back only in part', () => {
    const kept = new LogBuilder();
    burst(kept);
    kept.fill(2 * MIN, 'follower', 'igniter', 10, 80.5, 'buy');
    expect(runDetector(momentumIgnitionDetector(), kept.sorted())).toEqual([]);
  });

  it('does not flag a reversal that comes after the reversal window', () => {
    const log = new LogBuilder();
    burst(log);
    log.fill(10 * MIN, 'follower', 'igniter', 60, 80.5, 'buy');
    expect(runDetector(momentumIgnitionDetector({ reversalMs: 5 * MIN }), log.sorted())).toEqual(
      [],
    );
  });

  it('does not count a burst that did not move the price', () => {
    const log = new LogBuilder();
    log.fill(0, 'x', 'y', 2, 80, 'buy');
    for (let i = 0; i < 6; i++) log.fill(SEC + i * 5 * SEC, 'igniter', 'mm', 10, 80, 'buy');
    log.fill(2 * MIN, 'follower', 'igniter', 60, 80, 'buy');
    expect(runDetector(momentumIgnitionDetector(), log.sorted())).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { LogBuilder, MIN, runDetector, SEC } from '../test-support.js';
import { washTradeDetector } from './wash-trades.js';

describe('wash trade detector', () => {
  it('raises one alert for trades between two accounts of one beneficial owner, citing every fill', () => {
    const log = new LogBuilder(undefined, { 'desk-a': 'acme', 'desk-b': 'acme' });
    const f1 = log.fill(0, 'desk-a', 'desk-b', 10, 80);
    const f2 = log.fill(2 * MIN, 'desk-b', 'desk-a', 10, 80);
    const alerts = runDetector(washTradeDetector(), log.sorted());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      detector: 'wash_trade',
      pattern: 'same_beneficial_owner',
      accounts: ['desk-a', 'desk-b'],
      evidence: [f1, f2],
      score: 0.9,
    });
  });

  it('scores a trade of an account with itself as certain', () => {
    const log = new LogBuilder();
    log.fill(0, 'solo', 'solo', 5, 80);
    expect(runDetector(washTradeDetector(), log.sorted())[0]?.score).toBe(1);
  });

  it('splits same-owner trades further apart than the window into two episodes', () => {
    const log = new LogBuilder(undefined, { a: 'x', b: 'x' });
    log.fill(0, 'a', 'b', 5, 80);
    log.fill(20 * MIN, 'a', 'b', 5, 80);
    expect(runDetector(washTradeDetector({ windowMs: 15 * MIN }), log.sorted())).toHaveLength(2);
  });

  it('flags two owners trading a round trip with each other at the same price', () => {
    const log = new LogBuilder();
    log.fill(0, 'ring-1', 'ring-2', 30, 80);
    log.fill(90 * SEC, 'ring-2', 'ring-1', 28, 80.02);
    const [alert] = runDetector(washTradeDetector(), log.sorted());
    expect(alert).toMatchObject({ pattern: 'offsetting_trades', accounts: ['ring-1', 'ring-2'] });
    expect(alert!.score).toBeGreaterThanOrEqual(0.5);
    expect(alert!.score).toBeLessThanOrEqual(1);
  });

  it('does not flag a market maker trading both ways with a client who trades mostly elsewhere', () => {
    const log = new LogBuilder();
    log.fill(0, 'client', 'mm', 25, 80);
    for (let i = 1; i <= 6; i++)
      log.fill(i * 10 * SEC, i % 2 ? 'client' : 'other', i % 2 ? 'other' : 'client', 15, 80);
    log.fill(2 * MIN, 'mm', 'client', 25, 80.01);
    expect(runDetector(washTradeDetector(), log.sorted())).toEqual([]);
  });

  it('does not flag a round trip that lost money or came back after the window', () => {
    const lossy = new LogBuilder();
    lossy.fill(0, 'a', 'b', 30, 80);
    lossy.fill(MIN, 'b', 'a', 30, 81);
    expect(runDetector(washTradeDetector(), lossy.sorted())).toEqual([]);
    const late = new LogBuilder();
    late.fill(0, 'a', 'b', 30, 80);
    late.fill(20 * MIN, 'b', 'a', 30, 80);
    expect(runDetector(washTradeDetector({ windowMs: 15 * MIN }), late.sorted())).toEqual([]);
  });
});

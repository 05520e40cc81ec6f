import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTORS, type Alert } from './alerts.js';
import { buildScenario } from './scenarios/suite.js';
import { startSurveillance, surveilRange } from './surveillance.js';
import { medianSpikes } from './test-support.js';

const deps = { findSpikes: medianSpikes };

describe('surveillance replay', () => {
  it('gives identical alerts when the same log is replayed, live or as a batch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(null, ...DETECTORS),
        (seed, abuse) => {
          const { events } = buildScenario(seed, abuse);
          const first = surveilRange(events, deps);
          const second = surveilRange(events, deps);
          expect(second).toEqual(first);
          // Live: one event at a time as it commits, the range closed at the end.
          const live = startSurveillance(deps);
          const seen: Alert[] = [];
          for (const e of events) seen.push(...live.observe(e));
          seen.push(...live.finish());
          expect(seen).toEqual(first);
          for (const a of first) {
            expect(a.score).toBeGreaterThanOrEqual(0);
            expect(a.score).toBeLessThanOrEqual(1);
            expect(a.evidence.length).toBeGreaterThan(0);
          }
          expect(new Set(first.map((a) => a.id)).size).toBe(first.length);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('builds the same scenario from the same seed', () => {
    expect(buildScenario(42, 'spoofing')).toEqual(buildScenario(42, 'spoofing'));
  });

  it('refuses an event older than the one before it, since replays would differ', () => {
    const run = startSurveillance(deps);
    const price = (id: string, at: number) =>
      ({ kind: 'market_price', id, at, instrumentId: 'X', source: 'broker', price: 80 }) as const;
    run.observe(price('p1', 1000));
    expect(() => run.observe(price('p2', 999))).toThrow(/older/);
  });
});

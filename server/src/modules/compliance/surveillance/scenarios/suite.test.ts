import { describe, expect, it } from 'vitest';
import { surveilRange } from '../surveillance.js';
import { medianSpikes } from '../test-support.js';
import { buildScenario, labelledSuite, matches, scoreAlerts } from './suite.js';

describe('labelled scenario suite', () => {
  it('plants exactly the abuse it is asked for, and none in an honest market', () => {
    expect(buildScenario(3, null).labels).toEqual([]);
    const { labels } = buildScenario(3, 'momentum_ignition');
    expect(labels.map((l) => l.detector)).toEqual(['momentum_ignition']);
  });

  it('is caught by the detectors with few false alerts on a small suite', () => {
    const suite = labelledSuite(5, 2, 4);
    const results = suite.map((scenario) => ({
      scenario,
      alerts: surveilRange(scenario.events, { findSpikes: medianSpikes }),
    }));
    for (const s of scoreAlerts(results)) {
      expect({ detector: s.detector, recall: s.recall >= 0.75 }).toEqual({
        detector: s.detector,
        recall: true,
      });
      expect({ detector: s.detector, precision: s.precision >= 0.75 }).toEqual({
        detector: s.detector,
        precision: true,
      });
    }
  });

  it('matches an alert to a label only by detector, instrument, account and time', () => {
    const label = {
      detector: 'spoofing',
      accounts: ['s'],
      instrumentId: 'X',
      from: 0,
      to: 1000,
    } as const;
    const alert = {
      id: 'a',
      detector: 'spoofing',
      pattern: 'spoofing',
      accounts: ['s'],
      instrumentIds: ['X'],
      from: 500,
      to: 600,
      evidence: ['e'],
      score: 0.7,
      facts: {},
    } as const;
    const l = { ...label, accounts: [...label.accounts] };
    const a = {
      ...alert,
      accounts: [...alert.accounts],
      instrumentIds: [...alert.instrumentIds],
      evidence: [...alert.evidence],
    };
    expect(matches(a, l)).toBe(true);
    expect(matches({ ...a, accounts: ['other'] }, l)).toBe(false);
    expect(matches({ ...a, instrumentIds: ['Y'] }, l)).toBe(false);
    expect(matches({ ...a, from: 10 * 60_000, to: 11 * 60_000 }, l)).toBe(false);
    expect(matches({ ...a, detector: 'wash_trade' }, l)).toBe(false);
  });
});

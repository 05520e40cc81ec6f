import { describe, expect, it } from 'vitest';
import { alertIdOfKey } from '../decision-log.js';
import type { Alert } from '../surveillance/alerts.js';
import { raisedFromDetector } from './raised.js';

const wash: Alert = {
  id: 'wash_trade:offsetting_trades:fill:t-1',
  detector: 'wash_trade',
  pattern: 'offsetting_trades',
  accounts: ['alice', 'bob'],
  instrumentIds: ['PWR-DE-LU-FUT-M-BASE'],
  from: Date.UTC(2026, 5, 1, 9),
  to: Date.UTC(2026, 5, 1, 9, 1),
  evidence: ['fill:t-1', 'fill:t-2'],
  score: 0.9125,
  facts: { offsetRatio: 1, fills: 2 },
};

describe('surveillance alerts as compliance stores them', () => {
  it('keys the alert by the detector id and keeps its accounts, score and evidence', () => {
    const raised = raisedFromDetector(wash);
    expect(raised).toMatchObject({
      source: 'surveillance',
      kind: 'wash_trade',
      account: 'alice',
      instrumentId: 'PWR-DE-LU-FUT-M-BASE',
      score: 0.9125,
      key: wash.id,
      at: new Date(wash.to),
      details: {
        alertId: wash.id,
        accounts: ['alice', 'bob'],
        evidence: ['fill:t-1', 'fill:t-2'],
        facts: { offsetRatio: 1, fills: 2 },
      },
    });
  });

  it('derives the same row id from the same key, a different one from another key', () => {
    const id = alertIdOfKey(wash.id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(alertIdOfKey(wash.id)).toBe(id);
    expect(alertIdOfKey('wash_trade:offsetting_trades:fill:t-2')).not.toBe(id);
  });
});

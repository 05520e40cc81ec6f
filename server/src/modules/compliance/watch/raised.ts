import type { RaisedAlert } from '../decision-log.js';
import type { Alert } from '../surveillance/alerts.js';

/**
 * A detector's alert as compliance stores it. The detector's id is the key: live and
 * batch runs over the same trades give the same id, so the alert is stored once.
 */
export function raisedFromDetector(alert: Alert): RaisedAlert {
  const accounts = alert.accounts.join(', ');
  const instruments = alert.instrumentIds.join(', ');
  return {
    source: 'surveillance',
    kind: alert.detector,
    account: alert.accounts[0] ?? null,
    instrumentId: alert.instrumentIds[0] ?? null,
    score: alert.score,
    message: `${alert.detector} (${alert.pattern}) by ${accounts} in ${instruments}, score ${alert.score}`,
    details: {
      alertId: alert.id,
      pattern: alert.pattern,
      accounts: alert.accounts,
      instrumentIds: alert.instrumentIds,
      from: new Date(alert.from).toISOString(),
      to: new Date(alert.to).toISOString(),
      evidence: alert.evidence,
      facts: alert.facts,
    },
    at: new Date(alert.to),
    key: alert.id,
  };
}

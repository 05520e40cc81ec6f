import type { Catalogue } from './domain/catalogue.js';
import type { Instrument } from './domain/instrument.js';
import { dueSettlements } from './domain/simulator/archive.js';
import { settle, settlementLadder } from './domain/simulator/settlements.js';
import type { SimulatorState } from './domain/simulator/simulator.js';
import type { SettlementPrice } from './domain/tick.js';
import { DEMO_CURVES, curveFromSettlements } from './feed-curve.js';
import type { CurveService } from './service-curves.js';
import type { SeriesWriter } from './service-series.js';

export const SETTLEMENT_SOURCE = 'simulator-settlement';
const DAY_MS = 86_400_000;
/** How far back the start-up history settles every curve's whole ladder and marks a curve version each day. */
export const CURVE_HISTORY_DAYS = 20;

const curveParts = new Set(DEMO_CURVES.flatMap((c) => c.parts));

/** Whether a future settles its whole ladder or its front contract at an instant of the history. */
export function depthAt(now: number, detailedFrom: number) {
  return (instrument: Instrument, settledAt: number): 'front' | 'full' =>
    settledAt >= detailedFrom ||
    (curveParts.has(instrument.id) && settledAt >= now - CURVE_HISTORY_DAYS * DAY_MS)
      ? 'full'
      : 'front';
}

/**
 * Stores a batch of settlements as the exchange's settlement file would bring them, and
 * marks each demo curve for every trading day whose futures settled their whole ladder,
 * so the curve is always the futures' own settlement.
 */
export async function publishSettlements(
  deps: { series: SeriesWriter; curves: CurveService; catalogue: Catalogue },
  rows: readonly SettlementPrice[],
): Promise<void> {
  if (rows.length === 0) return;
  // Batches stay under PostgreSQL's 65,535 bind parameters per statement.
  for (let i = 0; i < rows.length; i += 5_000)
    await deps.series.saveSettlements(rows.slice(i, i + 5_000), SETTLEMENT_SOURCE);
  const byDay = new Map<string, SettlementPrice[]>();
  for (const row of rows) byDay.set(row.tradeDate, [...(byDay.get(row.tradeDate) ?? []), row]);
  for (const [tradeDate, day] of byDay) {
    for (const curve of DEMO_CURVES) {
      // A curve needs the ladder, not only the front contract.
      if (day.filter((s) => s.instrumentId === curve.parts[0]).length < 2) continue;
      const points = curveFromSettlements(curve, day, deps.catalogue);
      if (points)
        await deps.curves.save({
          id: curve.id,
          instrumentId: curve.instrumentId,
          asOf: tradeDate,
          points,
        });
    }
  }
}

/** The settlements due over [from, to) from the live simulator's state, every future's whole ladder. */
export function settleDue(state: SimulatorState, from: number, to: number): SettlementPrice[] {
  return dueSettlements(state.instruments, from, to).flatMap(({ instrument, tradeDate, at }) =>
    settle(instrument, settlementLadder(instrument, at, 'full'), tradeDate, state, at),
  );
}

import type { Catalogue } from './domain/catalogue.js';
import type { CurvePoint, CurveTenor } from './domain/forward-curve.js';
import { deliveryDateOf } from './domain/delivery-period.js';
import type { SettlementPrice } from './domain/tick.js';

/**
 * The demo forward curves, each built from the settlements of one product's futures:
 * the months its month future settled, then the quarters after the last month, then the
 * years after the last quarter. A curve is keyed by product (commodity, area, load
 * shape) and delivery window, so the settlements of listed contracts of the same
 * product (`PWR-DE-LU-BASE-2027-01`) can stand in for a rolling future's ladder.
 */
export interface DemoCurve {
  id: string;
  /** The month future whose delivery hours weight the curve. */
  instrumentId: string;
  /** The futures whose settlements make the curve, shortest tenor first. */
  parts: readonly string[];
}

export const DEMO_CURVES: readonly DemoCurve[] = [
  {
    id: 'PWR-DE-LU-BASE',
    instrumentId: 'PWR-DE-LU-FUT-M-BASE',
    parts: ['PWR-DE-LU-FUT-M-BASE', 'PWR-DE-LU-FUT-Q-BASE', 'PWR-DE-LU-FUT-Y-BASE'],
  },
  {
    id: 'PWR-DE-LU-PEAK',
    instrumentId: 'PWR-DE-LU-FUT-M-PEAK',
    parts: ['PWR-DE-LU-FUT-M-PEAK', 'PWR-DE-LU-FUT-Q-PEAK', 'PWR-DE-LU-FUT-Y-PEAK'],
  },
  {
    id: 'PWR-FR-BASE',
    instrumentId: 'PWR-FR-FUT-M-BASE',
    parts: ['PWR-FR-FUT-M-BASE', 'PWR-FR-FUT-Q-BASE', 'PWR-FR-FUT-Y-BASE'],
  },
  {
    id: 'GAS-TTF',
    instrumentId: 'GAS-TTF-FUT-M',
    parts: ['GAS-TTF-FUT-M', 'GAS-TTF-FUT-Q', 'GAS-TTF-FUT-Y'],
  },
  { id: 'EUA', instrumentId: 'EUA-FUT-DEC', parts: ['EUA-FUT-DEC'] },
];

const TENOR_OF: Record<string, CurveTenor | undefined> = {
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};

/** Curve points from one trading day's settlements, or null when the curve's futures did not settle. */
export function curveFromSettlements(
  curve: DemoCurve,
  settlements: readonly SettlementPrice[],
  catalogue: Catalogue,
): CurvePoint[] | null {
  const points: CurvePoint[] = [];
  let coveredUntil = -Infinity;
  for (const id of curve.parts) {
    const instrument = catalogue.find(id);
    const tenor = instrument && TENOR_OF[instrument.deliveryPeriod];
    if (!instrument || !tenor) continue;
    const rows = settlements
      .filter((s) => s.instrumentId === id && s.deliveryStart >= coveredUntil)
      .sort((a, b) => a.deliveryStart - b.deliveryStart);
    for (const row of rows) {
      const first = deliveryDateOf(instrument.timeZone, row.deliveryStart, instrument.dayStartHour);
      const index =
        tenor === 'month' ? first.month : tenor === 'quarter' ? Math.ceil(first.month / 3) : 1;
      points.push({ tenor, year: first.year, index, price: row.price });
    }
    const last = rows.at(-1);
    if (last) coveredUntil = last.deliveryEnd;
  }
  return points.length > 0 ? points : null;
}

import type { PeriodPosition } from './period-positions.js';
import { tidy } from './positions.js';

/**
 * Subtotals of positions by book, delivery period or instrument. Energy in different
 * units (MWh, therm, bbl) and money in different currencies are never added together:
 * a group carries one net quantity per unit and one P&L per currency.
 */
export type PositionGrouping = 'book' | 'period' | 'instrument';

export interface PositionGroup {
  key: string;
  /** For a period group, its first delivery day, so groups sort by delivery. */
  firstDay: string;
  positions: number;
  quantities: { unit: string; netQuantity: number }[];
  pnl: { currency: string; realisedPnl: number; unrealisedPnl: number; unmarked: number }[];
}

interface Money {
  realised: number;
  unrealised: number;
  unmarked: number;
}

interface Tally {
  firstDay: string;
  count: number;
  units: Map<string, number>;
  money: Map<string, Money>;
}

export const groupKeyOf = (p: PeriodPosition, by: PositionGrouping): string =>
  by === 'book' ? p.book : by === 'period' ? p.period : p.instrumentId;

export function groupPositions(
  positions: readonly PeriodPosition[],
  by: PositionGrouping,
): PositionGroup[] {
  const groups = new Map<string, Tally>();
  for (const p of positions) {
    const key = groupKeyOf(p, by);
    const g = groups.get(key) ?? {
      firstDay: p.firstDay,
      count: 0,
      units: new Map<string, number>(),
      money: new Map<string, Money>(),
    };
    g.count += 1;
    if (p.firstDay < g.firstDay) g.firstDay = p.firstDay;
    g.units.set(p.unit, (g.units.get(p.unit) ?? 0) + p.netQuantity);
    const m = g.money.get(p.currency) ?? { realised: 0, unrealised: 0, unmarked: 0 };
    m.realised += p.realisedPnl;
    if (p.unrealisedPnl === null) m.unmarked += 1;
    else m.unrealised += p.unrealisedPnl;
    g.money.set(p.currency, m);
    groups.set(key, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({
      key,
      firstDay: g.firstDay,
      positions: g.count,
      quantities: [...g.units.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([unit, q]) => ({ unit, netQuantity: tidy(q) })),
      pnl: [...g.money.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, m]) => ({
          currency,
          realisedPnl: tidy(m.realised),
          unrealisedPnl: tidy(m.unrealised),
          unmarked: m.unmarked,
        })),
    }))
    .sort(
      (a, b) =>
        (by === 'period' ? a.firstDay.localeCompare(b.firstDay) : 0) || a.key.localeCompare(b.key),
    );
}

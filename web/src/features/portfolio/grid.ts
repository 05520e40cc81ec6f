import type { MarkSource, PeriodPosition, PositionGroup, PositionGrouping } from './types';

export type GridRow =
  { kind: 'group'; group: PositionGroup } | { kind: 'position'; position: PeriodPosition };

const keyOf = (p: PeriodPosition, by: PositionGrouping): string =>
  by === 'book' ? p.book : p.period;

/**
 * The grid's rows: each group's subtotal row (in the server's order: books by name,
 * delivery periods by when they deliver) followed by its positions, ordered within the
 * group by what the grouping leaves open.
 */
export function gridRows(
  items: readonly PeriodPosition[],
  groups: readonly PositionGroup[],
  by: PositionGrouping,
): GridRow[] {
  const within = (a: PeriodPosition, b: PeriodPosition): number =>
    by === 'book'
      ? a.instrumentId.localeCompare(b.instrumentId) || a.firstDay.localeCompare(b.firstDay)
      : a.book.localeCompare(b.book) || a.instrumentId.localeCompare(b.instrumentId);
  const rows: GridRow[] = [];
  for (const group of groups) {
    rows.push({ kind: 'group', group });
    const members = items.filter((p) => keyOf(p, by) === group.key).sort(within);
    for (const position of members) rows.push({ kind: 'position', position });
  }
  return rows;
}

/** How a mark was found, in the desk's words. */
export function markSourceName(source: MarkSource | null): string {
  switch (source) {
    case 'trade':
      return 'last trade';
    case 'curve':
      return 'forward curve';
    case 'stale_trade':
      return 'old trade';
    case null:
      return 'no mark';
  }
}

/** A group's net energy, one figure per unit: "15 MWh · -3,000 therm". */
export function quantitiesText(
  quantities: PositionGroup['quantities'],
  format: (n: number) => string,
): string {
  return quantities.map((q) => `${format(q.netQuantity)} ${q.unit}`).join(' · ');
}

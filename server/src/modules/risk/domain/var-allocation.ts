/**
 * Euler allocation of VaR to books, commodities or delivery periods. VaR is homogeneous of
 * degree one in the positions, so sum over positions of delta x dVaR/ddelta is the total VaR
 * exactly (for delta-normal): components add up, unlike stand-alone VaRs, which ignore
 * diversification and add up to more than the whole.
 */
import { groupOf, type RiskPosition } from './risk-position.js';

export interface VarContribution {
  readonly group: string;
  /** This group's share of total VaR in currency; negative when the group hedges the rest. */
  readonly componentVar: number;
  /** componentVar / total VaR. */
  readonly share: number;
  readonly positionCount: number;
}

/**
 * Components by a grouping key (any key of RiskPosition.groups, e.g. 'book', 'commodity',
 * 'deliveryPeriod'); positions without the key fall in the '(none)' group.
 */
export const allocateVar = (
  positions: readonly RiskPosition[],
  marginalVar: Float64Array,
  groupBy: string,
): VarContribution[] => {
  const totals = new Map<string, { component: number; count: number }>();
  let total = 0;
  for (const position of positions) {
    const component = position.delta * marginalVar[position.factor]!;
    const group = groupOf(position, groupBy);
    const entry = totals.get(group) ?? { component: 0, count: 0 };
    entry.component += component;
    entry.count += 1;
    totals.set(group, entry);
    total += component;
  }
  return [...totals.entries()]
    .map(([group, { component, count }]) => ({
      group,
      componentVar: component,
      share: total !== 0 ? component / total : 0,
      positionCount: count,
    }))
    .sort((a, b) => b.componentVar - a.componentVar);
};

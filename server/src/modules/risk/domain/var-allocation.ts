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
  /** Sum of |delta| x factor price: the group's delta-equivalent exposure in currency. */
  readonly notional: number;
  /**
   * VaR added per unit of currency added to the group in its current mix: the derivative of
   * VaR in a scaling of the group's positions, divided by the group's notional (Jorion's
   * marginal VaR extended from one position to a group). Zero without factor prices.
   */
  readonly marginalVar: number;
}

/**
 * Components by a grouping key (any key of RiskPosition.groups, e.g. 'book', 'commodity',
 * 'deliveryPeriod'); positions without the key fall in the '(none)' group. `factorPrices`
 * (one per factor) turn the components into marginal VaR per unit of currency.
 */
export const allocateVar = (
  positions: readonly RiskPosition[],
  marginalVar: Float64Array,
  groupBy: string,
  factorPrices?: Float64Array,
): VarContribution[] => {
  const totals = new Map<string, { component: number; count: number; notional: number }>();
  let total = 0;
  for (const position of positions) {
    const component = position.delta * marginalVar[position.factor]!;
    const group = groupOf(position, groupBy);
    const entry = totals.get(group) ?? { component: 0, count: 0, notional: 0 };
    entry.component += component;
    entry.count += 1;
    entry.notional += Math.abs(position.delta * (factorPrices?.[position.factor] ?? 0));
    totals.set(group, entry);
    total += component;
  }
  return [...totals.entries()]
    .map(([group, { component, count, notional }]) => ({
      group,
      componentVar: component,
      share: total !== 0 ? component / total : 0,
      positionCount: count,
      notional,
      marginalVar: notional > 0 ? component / notional : 0,
    }))
    .sort((a, b) => b.componentVar - a.componentVar);
};

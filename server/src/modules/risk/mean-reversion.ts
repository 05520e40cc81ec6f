import { isSpotPeriodType, speedFromHalfLife } from './domain/index.js';
import type { FactorHistory } from './factor-history.js';
import type { MeanRevertingInstrument } from './var-engine.js';

/**
 * Which factors a mean-reverting Monte Carlo pulls back to a level, and how fast. Power and
 * gas only: their prices are anchored by marginal cost and storage, while crude and carbon
 * behave like random walks over a desk's horizons. Spot products revert within days; the
 * rolling front contracts the desk trades follow spot into delivery, more slowly. The level
 * is the window's mean close. The half-lives are defaults a caller may override with one.
 */
export const DEFAULT_HALF_LIFE_DAYS = { spotPower: 3, spotGas: 10, frontContract: 30 } as const;

export interface FactorTerms {
  commodity: string;
  deliveryPeriod: string;
}

export interface MeanReversionChoice extends MeanRevertingInstrument {
  halfLifeDays: number;
}

export function defaultHalfLife(terms: FactorTerms): number | undefined {
  if (terms.commodity !== 'power' && terms.commodity !== 'gas') return undefined;
  if (!isSpotPeriodType(terms.deliveryPeriod)) return DEFAULT_HALF_LIFE_DAYS.frontContract;
  return terms.commodity === 'power'
    ? DEFAULT_HALF_LIFE_DAYS.spotPower
    : DEFAULT_HALF_LIFE_DAYS.spotGas;
}

export function meanReversionFor(
  history: FactorHistory,
  termsOf: (instrumentId: string) => FactorTerms | undefined,
  halfLifeDays?: number,
): MeanReversionChoice[] {
  return history.factors.flatMap((instrumentId) => {
    const terms = termsOf(instrumentId);
    const halfLife =
      terms && defaultHalfLife(terms) !== undefined
        ? (halfLifeDays ?? defaultHalfLife(terms)!)
        : undefined;
    const level = history.meanClose.get(instrumentId);
    if (halfLife === undefined || level === undefined) return [];
    return [
      {
        instrumentId,
        halfLifeDays: halfLife,
        speedPerDay: speedFromHalfLife(halfLife),
        longRunLevel: level,
      },
    ];
  });
}

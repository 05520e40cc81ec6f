/**
 * A position in European options on a futures contract, valued by Black-76 against the
 * futures price. Quantity is signed and in the underlying's unit (MWh, therm, bbl): +10 is
 * bought options on 10 MWh, -10 sold. Greeks are the position's, so a VaR engine adds them to
 * the futures deltas of the same factor.
 */
import { black76, type OptionType } from './black76.js';

export const YEAR_MS = 365 * 86_400_000;

export interface OptionOnFuture {
  readonly type: OptionType;
  readonly strike: number;
  /** Expiry instant, epoch milliseconds. */
  readonly expiresAt: number;
  readonly quantity: number;
  /** Annualised lognormal implied volatility. */
  readonly volatility: number;
  /** Continuously compounded discount rate to the premium date. */
  readonly rate: number;
}

export interface OptionPositionValue {
  /** Act/365 years to expiry, zero once expired. */
  readonly expiryYears: number;
  /** Premium of one unit of underlying. */
  readonly unitPrice: number;
  readonly value: number;
  readonly delta: number;
  readonly gamma: number;
  /** Per unit of volatility (1.0 = 100 vol points). */
  readonly vega: number;
  /** Per year of calendar time. */
  readonly theta: number;
}

export function valueOptionPosition(
  option: OptionOnFuture,
  forward: number,
  now: number,
): OptionPositionValue {
  const expiryYears = Math.max(0, (option.expiresAt - now) / YEAR_MS);
  const unit = black76({
    type: option.type,
    forward,
    strike: option.strike,
    expiryYears,
    volatility: option.volatility,
    rate: option.rate,
  });
  const q = option.quantity;
  return {
    expiryYears,
    unitPrice: unit.price,
    value: q * unit.price,
    delta: q * unit.delta,
    gamma: q * unit.gamma,
    vega: q * unit.vega,
    theta: q * unit.theta,
  };
}

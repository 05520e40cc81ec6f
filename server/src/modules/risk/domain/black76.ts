/**
 * Black (1976) model for European options on futures and forwards, the market standard for
 * options on power, gas and emission allowance futures. Greeks are analytic; theta is per
 * year of calendar time (divide by 365 for a daily figure).
 */
import { invalid } from '../../../platform/errors.js';
import { normalCdf, normalPdf } from './distributions.js';

export type OptionType = 'call' | 'put';

export interface Black76Input {
  readonly type: OptionType;
  /** Futures or forward price of the underlying delivery period. */
  readonly forward: number;
  readonly strike: number;
  /** Years to expiry. */
  readonly expiryYears: number;
  /** Annualised lognormal volatility, e.g. 0.6 for 60%. */
  readonly volatility: number;
  /** Continuously compounded discount rate to the premium payment date. */
  readonly rate: number;
}

export interface Black76Result {
  readonly price: number;
  /** dV/dF. */
  readonly delta: number;
  /** d2V/dF2. */
  readonly gamma: number;
  /** dV/dsigma per unit of volatility (1.0 = 100 vol points). */
  readonly vega: number;
  /** dV/dt per year as calendar time passes (expiry approaches). */
  readonly theta: number;
}

const validate = (input: Black76Input): void => {
  if (!(input.forward > 0))
    throw invalid(
      'forward',
      'positive',
      'Black-76 needs a positive forward price; use a normal model for negative prices',
    );
  if (!(input.strike > 0)) throw invalid('strike', 'positive', 'Black-76 needs a positive strike');
  if (!(input.expiryYears >= 0))
    throw invalid('expiryYears', 'non_negative', 'time to expiry cannot be negative');
  if (!(input.volatility >= 0))
    throw invalid('volatility', 'non_negative', 'volatility cannot be negative');
  if (!Number.isFinite(input.rate))
    throw invalid('rate', 'finite', 'the discount rate must be a number');
};

export const black76 = (input: Black76Input): Black76Result => {
  validate(input);
  const { type, forward: f, strike: k, expiryYears: t, volatility: sigma, rate: r } = input;
  const discount = Math.exp(-r * t);
  const sign = type === 'call' ? 1 : -1;
  const totalVol = sigma * Math.sqrt(t);
  if (totalVol === 0) {
    // Expired or zero volatility: the discounted intrinsic value; delta is a step.
    const intrinsic = Math.max(sign * (f - k), 0);
    const inTheMoney = sign * (f - k) > 0;
    return {
      price: discount * intrinsic,
      delta: inTheMoney ? sign * discount : 0,
      gamma: 0,
      vega: 0,
      theta: r * discount * intrinsic,
    };
  }
  const d1 = (Math.log(f / k) + 0.5 * totalVol * totalVol) / totalVol;
  const d2 = d1 - totalVol;
  const price = discount * sign * (f * normalCdf(sign * d1) - k * normalCdf(sign * d2));
  const density = normalPdf(d1);
  return {
    price,
    delta: discount * sign * normalCdf(sign * d1),
    gamma: (discount * density) / (f * totalVol),
    vega: discount * f * density * Math.sqrt(t),
    // V = e^(-rT) B(T): dV/dT = -r V + e^(-rT) F phi(d1) sigma / (2 sqrt T), and theta = -dV/dT.
    theta: r * price - (discount * f * density * sigma) / (2 * Math.sqrt(t)),
  };
};

export const black76Price = (input: Black76Input): number => black76(input).price;

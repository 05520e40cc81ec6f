/**
 * Implied volatility under Black-76: the volatility that reprices a quoted option premium.
 * Newton's method converges in a few steps near the money; far from it vega vanishes and
 * Newton overshoots, so every step is kept inside a bracket that bisection shrinks.
 */
import { DomainError } from '../../../platform/errors.js';
import { black76, type Black76Input } from './black76.js';

export type ImpliedVolatilityInput = Omit<Black76Input, 'volatility'> & { readonly price: number };

const MIN_VOL = 1e-9;
const MAX_VOL = 20; // 2000%: beyond anything power spot options have traded at

const outOfBounds = (message: string, lower: number, upper: number): DomainError =>
  new DomainError(
    'validation',
    'price_outside_no_arbitrage_bounds',
    message,
    [{ field: 'price', rule: 'no_arbitrage', message }],
    {
      lowerBound: lower,
      upperBound: upper,
    },
  );

export const impliedVolatility = (input: ImpliedVolatilityInput, tolerance = 1e-12): number => {
  const { price, forward, strike, expiryYears, rate, type } = input;
  const discount = Math.exp(-rate * expiryYears);
  const lower = discount * Math.max(type === 'call' ? forward - strike : strike - forward, 0);
  const upper = discount * (type === 'call' ? forward : strike);
  if (!(price > lower && price < upper)) {
    throw outOfBounds(
      `a ${type} premium of ${price} lies outside the no-arbitrage bounds (${lower}, ${upper})`,
      lower,
      upper,
    );
  }
  if (!(expiryYears > 0))
    throw outOfBounds(
      'an expired option has no time value to imply a volatility from',
      lower,
      upper,
    );
  const priceAt = (volatility: number) =>
    black76({ type, forward, strike, expiryYears, rate, volatility });
  let low = MIN_VOL;
  let high = MAX_VOL;
  if (priceAt(high).price < price)
    throw outOfBounds(
      `a ${type} premium of ${price} implies a volatility above ${MAX_VOL * 100}%`,
      lower,
      upper,
    );
  // Brenner-Subrahmanyam start: exact at the money for small volatility.
  let sigma = Math.min(
    Math.max((price / (discount * forward)) * Math.sqrt((2 * Math.PI) / expiryYears), 0.05),
    5,
  );
  for (let iteration = 0; iteration < 200; iteration++) {
    const { price: model, vega } = priceAt(sigma);
    const error = model - price;
    if (Math.abs(error) <= tolerance * Math.max(1, price)) return sigma;
    // Price rises with volatility, so the sign of the error tells which side the root is on.
    if (error > 0) high = sigma;
    else low = sigma;
    const newton = vega > 0 ? sigma - error / vega : Number.NaN;
    sigma = newton > low && newton < high ? newton : 0.5 * (low + high);
    if (high - low < 1e-15 * high) return sigma;
  }
  return sigma;
};

import type { Side } from '../events.js';
import { MARKET_MAKERS, TRADERS } from './honest-trading.js';
import { MINUTE, SECOND, type SyntheticMarket } from './market.js';

/**
 * Honest flows that look like abuse at a glance and must not alert: each is the
 * innocent twin of a pattern in `patterns.ts`.
 */

const side = (m: SyntheticMarket): Side => (m.rng.chance(0.5) ? 'buy' : 'sell');
const sign = (s: Side) => (s === 'buy' ? 1 : -1);
const maker = (m: SyntheticMarket) => m.rng.pick(MARKET_MAKERS);

/** An order being worked: a burst of aggressive buying that moves the price and is kept. */
export function workedOrder(m: SyntheticMarket, instrumentId: string): void {
  const { rng } = m;
  const trader = rng.pick(TRADERS);
  const s = side(m);
  const from = m.start + rng.between(20 * MINUTE, m.end - m.start - 20 * MINUTE);
  const burstMs = rng.between(15 * SECOND, 50 * SECOND);
  m.push(instrumentId, {
    from,
    to: from + burstMs,
    size: sign(s) * rng.between(0.004, 0.015),
    keep: 1,
    fadeMs: MINUTE,
  });
  const n = rng.int(4, 10);
  let volume = 0;
  for (let i = 0; i < n; i++) {
    const q = rng.int(6, 20);
    volume += q;
    m.take(from + (i * burstMs) / n, instrumentId, trader, maker(m), s, q);
  }
  // Some profit taking later, well short of undoing the position.
  if (rng.chance(0.5)) {
    const q = Math.max(1, Math.round(volume * rng.between(0.05, 0.35)));
    m.take(
      from + burstMs + rng.between(MINUTE, 4 * MINUTE),
      instrumentId,
      trader,
      maker(m),
      s === 'buy' ? 'sell' : 'buy',
      q,
    );
  }
}

/** A hedger trading in the settlement window: both ways, or one way at the market's price without moving it. */
export function closeHedger(m: SyntheticMarket, instrumentId: string): void {
  const { rng } = m;
  const trader = rng.pick(TRADERS);
  const opensAt = m.end - 5 * MINUTE;
  const oneWay = rng.chance(0.4) ? side(m) : null;
  const n = rng.int(5, 10);
  for (let i = 0; i < n; i++) {
    const at = opensAt + ((i + rng.next()) * 5 * MINUTE) / n;
    const s = oneWay ?? (i % 2 === 0 ? 'buy' : 'sell');
    // Resting at the market's price, so the hedge is filled without pushing it.
    const mm = maker(m);
    m.fill(at, instrumentId, {
      buyer: s === 'buy' ? trader : mm,
      seller: s === 'buy' ? mm : trader,
      quantity: rng.int(4, 12),
      price: m.mid(instrumentId, at),
      aggressor: s === 'buy' ? 'sell' : 'buy',
    });
  }
}

/** Two market makers laying off inventory with each other, both ways, at different sizes. */
export function makersLayingOff(m: SyntheticMarket, instrumentId: string): void {
  const { rng } = m;
  const [a, b] = [MARKET_MAKERS[0], MARKET_MAKERS[1]];
  let t = m.start + rng.between(10 * MINUTE, m.end - m.start - 30 * MINUTE);
  for (let i = rng.int(2, 4); i > 0; i--) {
    const [buyer, seller] = rng.chance(0.5) ? [a, b] : [b, a];
    m.take(t, instrumentId, buyer, seller, 'buy', rng.int(5, 30));
    t += rng.between(MINUTE, 6 * MINUTE);
  }
}

/** A trader on the insider list who trades as usual before the publication. */
export function listedInsiderAsUsual(
  m: SyntheticMarket,
  instrumentId: string,
  trader: string,
  from: number,
  to: number,
): void {
  const { rng } = m;
  for (let i = rng.int(1, 4); i > 0; i--)
    m.take(rng.between(from, to), instrumentId, trader, maker(m), side(m), rng.int(2, 10));
}

import type { Side } from '../events.js';
import { cents, MINUTE, SECOND, type SyntheticMarket } from './market.js';

export const MARKET_MAKERS = ['mm-north', 'mm-south', 'mm-west'] as const;
export const TRADERS = [
  't-ada',
  't-bo',
  't-cyd',
  't-dee',
  't-eli',
  't-fay',
  't-gus',
  't-hal',
] as const;

interface Quote {
  orderId: string;
  price: number;
  remaining: number;
}

/**
 * Honest activity on one instrument: market makers quoting both sides and re-quoting as
 * the price moves (by modification, sometimes cancel and replace), traders taking
 * liquidity, traders resting limit orders (some large) that are later cancelled or
 * filled, market makers trading with each other, and a broker feed of prices.
 */
export function honestTrading(
  m: SyntheticMarket,
  instrumentId: string,
  meanStepMs = 8 * SECOND,
): void {
  const { rng } = m;
  const spreadOf = new Map<string, number>(
    MARKET_MAKERS.map((mm) => [mm, rng.between(0.0005, 0.0015)]),
  );
  const quotes = new Map<string, Quote>();
  const quotePrice = (mm: string, side: Side, at: number) => {
    const mid = m.mid(instrumentId, at);
    return cents(mid * (side === 'buy' ? 1 - spreadOf.get(mm)! : 1 + spreadOf.get(mm)!));
  };
  const quote = (mm: string, side: Side, at: number) => {
    const size = rng.size(12, 0.4, 40);
    const price = quotePrice(mm, side, at);
    quotes.set(`${mm}|${side}`, {
      orderId: m.place(at, instrumentId, mm, side, size, price),
      price,
      remaining: size,
    });
  };
  for (const mm of MARKET_MAKERS)
    for (const side of ['buy', 'sell'] as const) quote(mm, side, m.start + rng.int(0, 2000));

  for (let t = m.start + 3 * SECOND; t < m.end; t += rng.wait(meanStepMs)) {
    const r = rng.next();
    if (r < 0.4) {
      const trader = rng.pick(TRADERS);
      const side: Side = rng.chance(0.5) ? 'buy' : 'sell';
      const mm = rng.pick(MARKET_MAKERS);
      const q = quotes.get(`${mm}|${side === 'buy' ? 'sell' : 'buy'}`)!;
      const quantity = Math.min(q.remaining, rng.size(4, 0.7, 30));
      m.take(t, instrumentId, trader, mm, side, quantity, q.orderId);
      q.remaining -= quantity;
      if (q.remaining === 0) quote(mm, side === 'buy' ? 'sell' : 'buy', t + rng.between(300, 800));
    } else if (r < 0.7) {
      const mm = rng.pick(MARKET_MAKERS);
      for (const side of ['buy', 'sell'] as const) {
        const q = quotes.get(`${mm}|${side}`)!;
        if (rng.chance(0.15)) {
          m.cancel(t, instrumentId, mm, q.orderId, q.remaining);
          quote(mm, side, t + rng.between(200, 900));
        } else {
          q.price = quotePrice(mm, side, t);
          m.modify(t, instrumentId, mm, q.orderId, q.price, q.remaining);
        }
      }
    } else if (r < 0.78) {
      restingOrder(m, instrumentId, t);
    } else if (r < 0.8) {
      const [a, b] = [rng.pick(MARKET_MAKERS), rng.pick(MARKET_MAKERS)];
      if (a === b) continue;
      const side: Side = rng.chance(0.5) ? 'buy' : 'sell';
      const q = quotes.get(`${b}|${side === 'buy' ? 'sell' : 'buy'}`)!;
      const quantity = Math.min(q.remaining, rng.size(8, 0.4, 20));
      m.take(t, instrumentId, a, b, side, quantity, q.orderId);
      q.remaining -= quantity;
      if (q.remaining === 0) quote(b, side === 'buy' ? 'sell' : 'buy', t + rng.between(300, 800));
    }
  }

  for (
    let t = m.start + rng.between(0, 20 * SECOND);
    t < m.end;
    t += rng.between(10 * SECOND, 30 * SECOND)
  ) {
    const noise = 0.0005 * (rng.chance(0.05) ? 3 : 1) * rng.normal();
    m.write({
      kind: 'market_price',
      id: m.nextId('px'),
      at: Math.round(t),
      instrumentId,
      source: 'broker',
      price: cents(m.mid(instrumentId, t) * (1 + noise)),
    });
  }
  m.write({
    kind: 'settlement_window',
    id: m.nextId('settle'),
    at: m.end,
    instrumentId,
    opensAt: m.end - 5 * MINUTE,
    closesAt: m.end,
    settlementPrice: null,
  });
}

/** A trader's limit order away from the touch, later cancelled or filled by a market maker. */
function restingOrder(m: SyntheticMarket, instrumentId: string, t: number): void {
  const { rng } = m;
  const trader = rng.pick(TRADERS);
  const side: Side = rng.chance(0.5) ? 'buy' : 'sell';
  const quantity = rng.chance(0.1) ? rng.int(30, 90) : rng.size(6, 0.6, 30);
  const away = rng.between(0.0015, 0.008);
  const price = cents(m.mid(instrumentId, t) * (side === 'buy' ? 1 - away : 1 + away));
  const orderId = m.place(t, instrumentId, trader, side, quantity, price);
  if (rng.chance(0.6)) {
    const at = t + rng.between(20 * SECOND, 10 * MINUTE);
    if (at < m.end) m.cancel(at, instrumentId, trader, orderId, quantity);
    return;
  }
  const at = t + rng.between(5 * SECOND, 5 * MINUTE);
  if (at >= m.end) return;
  const mm = rng.pick(MARKET_MAKERS);
  m.fill(at, instrumentId, {
    buyer: side === 'buy' ? trader : mm,
    seller: side === 'buy' ? mm : trader,
    quantity,
    price,
    aggressor: side === 'buy' ? 'sell' : 'buy',
    ...(side === 'buy' ? { buyOrder: orderId } : { sellOrder: orderId }),
  });
}
